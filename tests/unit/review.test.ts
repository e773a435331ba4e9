import { describe, expect, it } from 'vitest';
import { createApi } from '../../src/main/api';
import { dispatch } from '../../src/main/api/dispatch';
import { bundledDecks } from '../../src/main/bundled-decks';
import { planSession, seededRandom } from '../../src/main/core/planning';
import { reviewCard } from '../../src/main/core/scheduling';
import { installBundledDeck } from '../../src/main/store/bundled';
import { openMemoryDb } from '../../src/main/store/database';
import { gradesOfQuestion, lastAttemptOf } from '../../src/main/store/sessions';

const DAY = 86_400_000;

async function call<T>(api: ReturnType<typeof createApi>, name: string, input?: unknown): Promise<T> {
  const result = await dispatch(api, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

describe('spaced repetition', () => {
  it('orders due first: overdue (most overdue first), then never graded, then not yet due', () => {
    const now = 100 * DAY;
    const c = (id: number, due: number | null) => ({ id, level: 'L', levelRank: 0, strength: null, due });
    const plan = planSession(
      [c(1, now + DAY), c(2, null), c(3, now - 5 * DAY), c(4, now - DAY), c(5, now + 2 * DAY)],
      'due',
      5,
      seededRandom(7),
      now,
    );
    expect(plan).toEqual([3, 4, 2, 1, 5]);
  });

  it('schedules graded questions and reports them due when their day comes', async () => {
    let now = Date.UTC(2026, 10, 2, 9);
    const db = openMemoryDb();
    installBundledDeck(db, bundledDecks()[0]!, now);
    const api = createApi(db, { now: () => now });
    expect(await call(api, 'getReviewSummary')).toEqual({ dueCount: 0, dueQuestionIds: [], nextDueAt: null });

    let view = await call<{ id: number; current: { question: { id: number } } }>(api, 'startSession', {
      levels: ['Beginner'],
      count: 2,
      order: 'random',
    });
    const graded: Array<{ id: number; grade: number }> = [];
    for (const grade of [1, 4]) {
      const questionId = view.current.question.id;
      const revealed = await call<{ revealed: { id: number } }>(api, 'submitAnswer', {
        sessionId: view.id,
        position: graded.length,
        answer: 'MVT',
        reason: 'answer',
      });
      await call(api, 'gradeAttempt', { sessionId: view.id, attemptId: revealed.revealed.id, grade });
      graded.push({ id: questionId, grade });
      view = await call(api, 'nextQuestion', { sessionId: view.id });
    }

    const today = await call<{ dueCount: number; nextDueAt: number | null }>(api, 'getReviewSummary');
    expect(today.dueCount).toBe(0);
    expect(today.nextDueAt).toBeGreaterThan(now);

    // A month later both are due, and the one that was missed comes first.
    now += 30 * DAY;
    const later = await call<{ dueCount: number; dueQuestionIds: number[] }>(api, 'getReviewSummary');
    expect(later.dueCount).toBe(2);
    expect(later.dueQuestionIds).toEqual([graded[0]!.id, graded[1]!.id]);
  });

  it('keeps the card a replay of every grade would give: new grades move it on, changed ones are replayed', async () => {
    let now = Date.UTC(2026, 10, 2, 9);
    const db = openMemoryDb();
    installBundledDeck(db, bundledDecks()[0]!, now);
    const api = createApi(db, { now: () => now });
    const questionId = db.prepare('SELECT min(id) AS id FROM questions').get() as { id: number };
    const stored = () =>
      db.prepare('SELECT card, due FROM review_state WHERE question_id = ?').get(questionId.id) as {
        card: string;
        due: number;
      };
    const replayed = () => {
      let review = { card: null as string | null, due: 0 };
      for (const g of gradesOfQuestion(db, questionId.id)) review = reviewCard(review.card, g.grade, g.gradedAt);
      return review;
    };

    const answers: Array<{ sessionId: number; attemptId: number }> = [];
    for (const [days, grade] of [
      [0, 3],
      [2, 1],
      [3, 4],
      [9, 2],
    ] as const) {
      now += days * DAY;
      const view = await call<{ id: number }>(api, 'startSession', {
        questionIds: [questionId.id],
        count: 1,
        order: 'random',
      });
      now += 60_000;
      const revealed = await call<{ revealed: { id: number } }>(api, 'submitAnswer', {
        sessionId: view.id,
        position: 0,
        answer: 'MVT',
        reason: 'answer',
      });
      now += 5_000;
      await call(api, 'gradeAttempt', { sessionId: view.id, attemptId: revealed.revealed.id, grade });
      answers.push({ sessionId: view.id, attemptId: revealed.revealed.id });
      expect(stored()).toEqual(replayed());
    }
    const fourReviews = stored();
    expect(JSON.parse(fourReviews.card)).toMatchObject({ reps: 4 });

    // Changing the latest grade replaces its review: still four reviews, the card a replay gives.
    now += 60_000;
    await call(api, 'gradeAttempt', { ...answers[3]!, grade: 4 });
    expect(stored()).toEqual(replayed());
    expect(JSON.parse(stored().card)).toMatchObject({ reps: 4 });
    expect(stored().due).toBeGreaterThan(fourReviews.due);
    const latestChanged = stored();

    // So does changing an earlier one.
    await call(api, 'gradeAttempt', { ...answers[1]!, grade: 3 });
    expect(stored()).toEqual(replayed());
    expect(JSON.parse(stored().card)).toMatchObject({ reps: 4 });
    expect(stored().card).not.toBe(latestChanged.card);
  });
});

describe('the latest attempt of each question', () => {
  it('is the most recent one, and a question never answered has none', async () => {
    let now = Date.UTC(2026, 10, 2, 9);
    const db = openMemoryDb();
    installBundledDeck(db, bundledDecks()[0]!, now);
    const api = createApi(db, { now: () => now });
    const [first, second, never] = (
      db.prepare('SELECT id FROM questions ORDER BY id LIMIT 3').all() as Array<{
        id: number;
      }>
    ).map((r) => r.id) as [number, number, number];
    for (const [questionId, reason] of [
      [first, 'skip'],
      [second, 'answer'],
      [first, 'answer'],
    ] as const) {
      now += 60_000;
      const view = await call<{ id: number }>(api, 'startSession', {
        questionIds: [questionId],
        count: 1,
        order: 'random',
      });
      now += 30_000;
      await call(api, 'submitAnswer', { sessionId: view.id, position: 0, answer: 'MVT', reason });
    }
    const last = lastAttemptOf(db, [first, second, never]);
    expect([...last.keys()].sort()).toEqual([first, second].sort());
    expect(last.get(first)).toMatchObject({ outcome: 'answered', selfGrade: null });
    expect(last.get(second)).toMatchObject({ outcome: 'answered' });
  });
});
