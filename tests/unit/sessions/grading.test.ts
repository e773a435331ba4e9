/** Sessions: self-grades and the review schedule they set. */
import { describe, expect, it } from 'vitest';
import {
  useFirstEditionStore,
  freshStore,
  S,
  MIN,
  START,
  t,
  db,
  call,
  failure,
  idOf,
  setNow,
  advance,
} from '../first-edition-store';
import { attemptRows, levelIds, submit } from './fixture';

useFirstEditionStore();

describe('grading', () => {
  it('stores grades 1–4 and schedules a review in the future, later for better grades', async () => {
    const ids = await levelIds('Beginner');
    const view = await call('startSession', { questionIds: ids.slice(0, 4), count: 4, order: 'random' });
    const dueByGrade = new Map<number, number>();
    let current = view;
    for (const grade of [1, 2, 3, 4] as const) {
      const questionId = current.current!.question.id;
      advance(10 * S);
      current = await submit(current, 'MVT');
      advance(1 * S);
      current = await call('gradeAttempt', { sessionId: view.id, attemptId: current.revealed!.id, grade });
      const row = db.prepare('SELECT self_grade, graded_at FROM attempts WHERE id = ?').get(current.revealed!.id);
      expect(row).toEqual({ self_grade: grade, graded_at: t });
      const review = db.prepare('SELECT due, updated_at FROM review_state WHERE question_id = ?').get(questionId) as
        { due: number; updated_at: number } | undefined;
      expect(review).toBeDefined();
      expect(review!.due).toBeGreaterThan(t);
      expect(review!.updated_at).toBe(t);
      dueByGrade.set(grade, review!.due - t);
      current = await call('nextQuestion', { sessionId: view.id });
    }
    expect(dueByGrade.get(1)!).toBeLessThan(dueByGrade.get(3)!);
    expect(dueByGrade.get(3)!).toBeLessThan(dueByGrade.get(4)!);
    expect(dueByGrade.get(4)!).toBeGreaterThanOrEqual(24 * 60 * MIN);
  });

  it('changing a grade replaces it: the review is scheduled as if graded once', async () => {
    const q = idOf('what-is-django');
    const gradeOnce = async (grades: Array<1 | 2 | 3 | 4>) => {
      const view = await call('startSession', { questionIds: [q], count: 1, order: 'random' });
      const revealed = await submit(view, 'MVT');
      for (const grade of grades) {
        await call('gradeAttempt', { sessionId: view.id, attemptId: revealed.revealed!.id, grade });
      }
      expect(attemptRows(view.id).map((r) => r.self_grade)).toEqual([grades.at(-1)]);
      return db.prepare('SELECT card, due FROM review_state WHERE question_id = ?').get(q);
    };
    const regraded = await gradeOnce([1, 4]);

    // The same, in a fresh store graded Nailed straight away.
    db.close();
    freshStore();
    expect(await gradeOnce([4])).toEqual(regraded);
  });

  it('builds on the grades of earlier sessions: a question nailed twice is due later than one nailed once', async () => {
    const q = idOf('what-is-django');
    const reviewOf = () =>
      db.prepare('SELECT card, due FROM review_state WHERE question_id = ?').get(q) as { card: string; due: number };
    const nail = async () => {
      const view = await call('startSession', { questionIds: [q], count: 1, order: 'random' });
      const revealed = await submit(view, 'MVT');
      await call('gradeAttempt', { sessionId: view.id, attemptId: revealed.revealed!.id, grade: 4 });
    };
    await nail();
    const once = reviewOf();
    expect((JSON.parse(once.card) as { reps: number }).reps).toBe(1);
    setNow(once.due);
    await nail();
    const twice = reviewOf();
    expect((JSON.parse(twice.card) as { reps: number }).reps).toBe(2);
    expect(twice.due - t).toBeGreaterThan(once.due - START);
  });

  it('refuses a grade out of range and an attempt of another session', async () => {
    const a = await call('startSession', { questionIds: [idOf('what-is-django')], count: 1, order: 'random' });
    const answered = await submit(a, 'MVT');
    for (const grade of [0, 5, 2.5, '3']) {
      const error = await failure('gradeAttempt', { sessionId: a.id, attemptId: answered.revealed!.id, grade });
      expect(error.code).toBe('invalid_input');
    }
    const b = await call('startSession', { questionIds: [idOf('migrations')], count: 1, order: 'random' });
    const error = await failure('gradeAttempt', { sessionId: b.id, attemptId: answered.revealed!.id, grade: 3 });
    expect(error.code).toBe('not_found');
    expect(attemptRows(a.id)[0]!.self_grade).toBeNull();
  });
});
