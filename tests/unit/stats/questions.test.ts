/** Stats: per question, the drill-down, and Home. */
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../src/main/api';
import { dispatch } from '../../../src/main/api/dispatch';
import { openMemoryDb } from '../../../src/main/store/database';
import type { ResultOf } from '../../../src/shared/api';
import { QUESTION_SORTS, type QuestionSort } from '../../../src/shared/stats-types';
import { useKnownHistory, NOW, Q1, Q2, Q3, ORM, CACHING, ATTEMPTS, at, db, call } from './fixture';

useKnownHistory();

describe('per question', () => {
  it('attempts, last and best grade, mean time, last practised; sortable', async () => {
    const s = await call('getQuestionStats', { range: 'all' });
    expect(s.total).toBe(3);
    // Latest first: q3 (a6, 11:00 today), q1 (a5, 10:00 today), q2 (a3, three days ago).
    expect(s.items.map((q) => q.questionId)).toEqual([Q3, Q1, Q2]);
    const q2 = s.items.find((q) => q.questionId === Q2)!;
    expect(q2).toMatchObject({ attempts: 2, graded: 2, meanGrade: 3, lastGrade: 4, bestGrade: 4, meanTimeMs: 90_000 });
    expect(q2.lastPractisedAt).toBe(at(ATTEMPTS[2]!));
    // q3: a6 is the latest answer but ungraded, so the last grade is a4's.
    const q3 = s.items.find((q) => q.questionId === Q3)!;
    expect(q3).toMatchObject({ attempts: 2, graded: 1, lastGrade: 1, bestGrade: 1, meanTimeMs: 67_500 });
    const byTime = await call('getQuestionStats', { range: 'all', sort: 'meanTime', dir: 'asc' });
    expect(byTime.items.map((q) => q.meanTimeMs)).toEqual([25_000, 67_500, 90_000]);
    const page = await call('getQuestionStats', { range: 'all', sort: 'prompt', dir: 'asc', offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, items: [{ prompt: 'What is the ORM?' }] });
  });

  it('sorts by every column, both ways', async () => {
    const ids = async (sort: QuestionSort, dir: 'asc' | 'desc'): Promise<number[]> =>
      (await call('getQuestionStats', { range: 'all', sort, dir })).items.map((q) => q.questionId);
    // Levels in the deck's order: q1 Beginner, q3 Intermediate, q2 Advanced.
    expect(await ids('level', 'asc')).toEqual([Q1, Q3, Q2]);
    expect(await ids('level', 'desc')).toEqual([Q2, Q3, Q1]);
    // Mean grades: q1 (3 + 4) / 2 = 3.5, q2 (2 + 4) / 2 = 3, q3 1.
    expect(await ids('meanGrade', 'desc')).toEqual([Q1, Q2, Q3]);
    expect(await ids('meanGrade', 'asc')).toEqual([Q3, Q2, Q1]);
    // Last grades: q1 4 (a5), q2 4 (a3), q3 1 (a4); ties broken by question id in the same direction.
    expect(await ids('lastGrade', 'asc')).toEqual([Q3, Q1, Q2]);
    expect(await ids('bestGrade', 'desc')).toEqual([Q2, Q1, Q3]);
    for (const sort of QUESTION_SORTS) {
      for (const dir of ['asc', 'desc'] as const) expect(await ids(sort, dir)).toHaveLength(3);
    }
  });

  it('forgets a grade that was lowered, and an answer that was removed', async () => {
    db.prepare('UPDATE attempts SET self_grade = 1 WHERE id = 3').run();
    let q2 = (await call('getQuestionStats', { range: 'all' })).items.find((q) => q.questionId === Q2)!;
    expect(q2).toMatchObject({ lastGrade: 1, bestGrade: 2, meanGrade: 1.5 });
    db.prepare('DELETE FROM attempts WHERE id = 3').run();
    q2 = (await call('getQuestionStats', { range: 'all' })).items.find((q) => q.questionId === Q2)!;
    expect(q2).toMatchObject({ attempts: 1, lastGrade: 2, bestGrade: 2, lastPractisedAt: at(ATTEMPTS[1]!) });
  });
});

describe('drill-down', () => {
  it('lists the answers behind a keyword, latest first, and the questions to practise, weakest first', async () => {
    const s = await call('getStatsAttempts', { range: 'all', keywordId: CACHING });
    expect(s).toMatchObject({ total: 5, hits: 1 });
    expect(s.attempts.map((a) => [a.id, a.hit])).toEqual([
      [6, false],
      [5, true],
      [3, false],
      [2, false],
      [1, false],
    ]);
    // q3 and q2 never named it (q3 more recently), q1 once in two.
    expect(s.questionIds).toEqual([Q3, Q2, Q1]);
  });

  it('lists the answers behind a level, and behind a level × keyword cell', async () => {
    const level = await call('getStatsAttempts', { range: 'all', level: 'Advanced' });
    expect(level).toMatchObject({ total: 2, hits: null, questionIds: [Q2] });
    expect(level.attempts.map((a) => a.id)).toEqual([3, 2]);
    expect(level.attempts[0]).toMatchObject({
      prompt: 'How would you cache a slow view?',
      deckName: 'Django',
      selfGrade: 4,
    });
    const cell = await call('getStatsAttempts', { range: 'all', level: 'Advanced', keywordId: ORM });
    expect(cell).toMatchObject({ total: 1, hits: 1 });
    expect(cell.attempts.map((a) => a.id)).toEqual([3]);
    const week = await call('getStatsAttempts', { range: '7d', keywordId: CACHING });
    expect(week.attempts.map((a) => a.id)).toEqual([6, 5, 3]);
    const outside = await call('getStatsAttempts', { range: 'all', levels: ['Beginner'], level: 'Advanced' });
    expect(outside.attempts).toEqual([]);
  });
});

describe('home', () => {
  it('sessions this week, streak, weakest keywords and the last session', async () => {
    const home = await call('getHomeStats');
    // This week started on Monday T−2: s3 only (s2 was on Sunday; s4 is unfinished).
    expect(home).toMatchObject({ sessionsThisWeek: 1, streak: 1, practisedToday: true, totalAttempts: 6 });
    // ORM was named 3 times of 3: not weak.
    expect(home.weakestKeywords.map((k) => k.label)).toEqual(['caching', 'index']);
    expect(home.lastSession).toMatchObject({
      id: 3,
      status: 'finished',
      answered: 1,
      total: 1,
      gradeScore: 1,
      keywordScore: 1,
    });
  });

  it('does not count a session opened and closed without an answer', async () => {
    // Two sessions started today and ended at once, as a person who changed their mind (or a crash) leaves them.
    const insert = db.prepare(
      `INSERT INTO sessions (id, config, plan, status, started_at, ended_at) VALUES (?, '{}', '[1]', 'ended', ?, ?)`,
    );
    insert.run(10, NOW - 60_000, NOW - 50_000);
    insert.run(11, NOW - 30_000, NOW - 20_000);
    const home = await call('getHomeStats');
    expect(home.sessionsThisWeek).toBe(1);
    expect(home.lastSession).toMatchObject({ id: 3 });
  });

  it('is empty, not broken, for a new user', async () => {
    const fresh = createApi(openMemoryDb(), { now: () => NOW });
    const home = (await dispatch(fresh, 'getHomeStats', undefined)) as { ok: true; value: ResultOf<'getHomeStats'> };
    expect(home.value).toMatchObject({
      sessionsThisWeek: 0,
      streak: 0,
      totalAttempts: 0,
      weakestKeywords: [],
      lastSession: null,
    });
    for (const name of ['getLevelStats', 'getKeywordStats', 'getActivityStats', 'getQuestionStats'] as const) {
      expect((await dispatch(fresh, name, { range: '30d' })).ok).toBe(true);
    }
  });
});
