/**
 * Stats against a small hand-built history. Every expected number below is worked out by hand from
 * the table in `history()`, not copied from the output.
 */
process.env['TZ'] = 'UTC';

import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApi, type Handlers } from '../../src/main/api';
import { dispatch } from '../../src/main/api/dispatch';
import { bucketsCovering, bucketStart, statsWindow } from '../../src/main/core/stats-windows';
import { dayStartMs, dayToIsoDate, localDay } from '../../src/main/core/days';
import { openMemoryDb, type Db } from '../../src/main/store/database';
import { questionRecompute, STATS_BACKFILL } from '../../src/main/store/migrations/0002-stats-indexes';
import * as stats from '../../src/main/store/stats';
import type { InputOf, ResultOf } from '../../src/shared/api';
import { QUESTION_SORTS, type QuestionSort } from '../../src/shared/stats-types';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** 2026-05-27, a Wednesday. */
const T = 20_600;
const NOW = T * DAY + 15 * HOUR;

const D1 = 1; // Django
const D2 = 2; // SQL
const Q1 = 1; // Django, Beginner
const Q2 = 2; // Django, Advanced
const Q3 = 3; // SQL, Intermediate
const ORM = 1;
const CACHING = 2;
const INDEX = 3;

interface A {
  id: number;
  session: number;
  question: number;
  deck: number;
  level: string;
  day: number;
  hour: number;
  allowed: number;
  used: number;
  outcome: 'answered' | 'timed_out' | 'skipped';
  score: number | null;
  grade: number | null;
  hits: Array<[keyword: number, hit: 0 | 1]>;
}

/**
 * The history:
 *
 * | attempt | session (status, day)  | question     | outcome   | used/allowed | score | grade | ORM | caching | index |
 * | a1      | s1 finished, T−40      | q1 Beginner  | answered  | 30/60 s      | 0.5   | 3     | hit | miss    |       |
 * | a2      | s1                      | q2 Advanced  | timed out | 120/120 s    | 0     | 2     |     | miss    | miss  |
 * | a3      | s2 ended early, T−3    | q2 Advanced  | answered  | 60/120 s     | 1/3   | 4 (2 first) | hit | miss | miss |
 * | a4      | s2                      | q3 Intermed. | skipped   | 45/90 s      | —     | 1     |     |         |       |
 * | a5      | s3 finished, T         | q1 Beginner  | answered  | 20/60 s      | 1     | 4     | hit | hit     |       |
 * | a6      | s4 still active, T     | q3 Intermed. | answered  | 90/90 s      | 0.5   | —     |     | miss    | hit   |
 */
const ATTEMPTS: A[] = [
  {
    id: 1,
    session: 1,
    question: Q1,
    deck: D1,
    level: 'Beginner',
    day: T - 40,
    hour: 9,
    allowed: 60_000,
    used: 30_000,
    outcome: 'answered',
    score: 0.5,
    grade: 3,
    hits: [
      [ORM, 1],
      [CACHING, 0],
    ],
  },
  {
    id: 2,
    session: 1,
    question: Q2,
    deck: D1,
    level: 'Advanced',
    day: T - 40,
    hour: 9.1,
    allowed: 120_000,
    used: 120_000,
    outcome: 'timed_out',
    score: 0,
    grade: 2,
    hits: [
      [CACHING, 0],
      [INDEX, 0],
    ],
  },
  {
    id: 3,
    session: 2,
    question: Q2,
    deck: D1,
    level: 'Advanced',
    day: T - 3,
    hour: 18,
    allowed: 120_000,
    used: 60_000,
    outcome: 'answered',
    score: 1 / 3,
    grade: 4,
    hits: [
      [ORM, 1],
      [CACHING, 0],
      [INDEX, 0],
    ],
  },
  {
    id: 4,
    session: 2,
    question: Q3,
    deck: D2,
    level: 'Intermediate',
    day: T - 3,
    hour: 18.1,
    allowed: 90_000,
    used: 45_000,
    outcome: 'skipped',
    score: null,
    grade: 1,
    hits: [],
  },
  {
    id: 5,
    session: 3,
    question: Q1,
    deck: D1,
    level: 'Beginner',
    day: T,
    hour: 10,
    allowed: 60_000,
    used: 20_000,
    outcome: 'answered',
    score: 1,
    grade: 4,
    hits: [
      [ORM, 1],
      [CACHING, 1],
    ],
  },
  {
    id: 6,
    session: 4,
    question: Q3,
    deck: D2,
    level: 'Intermediate',
    day: T,
    hour: 11,
    allowed: 90_000,
    used: 90_000,
    outcome: 'answered',
    score: 0.5,
    grade: null,
    hits: [
      [INDEX, 1],
      [CACHING, 0],
    ],
  },
];
const SESSIONS: Array<[id: number, status: string, day: number, hour: number, plan: number[]]> = [
  [1, 'finished', T - 40, 9, [Q1, Q2]],
  [2, 'ended', T - 3, 18, [Q2, Q3, Q1]],
  [3, 'finished', T, 10, [Q1]],
  [4, 'active', T, 11, [Q3, Q2]],
];
const at = (a: A): number => a.day * DAY + a.hour * HOUR;

/** Writes the history the way the app does: attempts ungraded first, keyword rows, then grades (a3 graded 2, then regraded 4). */
function history(db: Db): void {
  db.exec(`
    INSERT INTO decks (id, name, levels, created_at, updated_at) VALUES
      (1, 'Django', '["Beginner","Intermediate","Advanced","Scenario"]', 0, 0),
      (2, 'SQL', '["Beginner","Intermediate","Advanced","Scenario"]', 0, 0);
    INSERT INTO questions (id, deck_id, level, prompt, answer, position, created_at, updated_at) VALUES
      (1, 1, 'Beginner', 'What is the ORM?', '', 0, 0, 0),
      (2, 1, 'Advanced', 'How would you cache a slow view?', '', 1, 0, 0),
      (3, 2, 'Intermediate', 'When does an index help?', '', 0, 0, 0);
    INSERT INTO keywords (id, label) VALUES (1, 'ORM'), (2, 'caching'), (3, 'index');
  `);
  const session = db.prepare(
    `INSERT INTO sessions (id, config, plan, status, started_at, ended_at) VALUES (?, '{}', ?, ?, ?, ?)`,
  );
  for (const [id, status, day, hour, plan] of SESSIONS) {
    session.run(
      id,
      JSON.stringify(plan),
      status,
      day * DAY + hour * HOUR,
      status === 'active' ? null : day * DAY + (hour + 1) * HOUR,
    );
  }
  const attempt = db.prepare(
    `INSERT INTO attempts (id, session_id, question_id, deck_id, level, position, started_at, deadline, answered_at, day,
                           time_allowed_ms, time_used_ms, outcome, mode, keyword_score)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'write', ?)`,
  );
  const hit = db.prepare('INSERT INTO attempt_keywords (attempt_id, keyword_id, hit) VALUES (?, ?, ?)');
  const grade = db.prepare('UPDATE attempts SET self_grade = ?, graded_at = ? WHERE id = ?');
  for (const a of ATTEMPTS) {
    const position = ATTEMPTS.filter((b) => b.session === a.session && b.id < a.id).length;
    attempt.run(
      a.id,
      a.session,
      a.question,
      a.deck,
      a.level,
      position,
      at(a) - a.used,
      at(a) - a.used + a.allowed,
      at(a),
      a.day,
      a.allowed,
      a.used,
      a.outcome,
      a.score,
    );
    for (const [k, h] of a.hits) hit.run(a.id, k, h);
    if (a.id === 3) grade.run(2, at(a), a.id);
    if (a.grade !== null) grade.run(a.grade, at(a), a.id);
  }
}

let db: Db;
let api: Handlers;

async function call<K extends Parameters<typeof dispatch>[1] & keyof Handlers>(
  name: K,
  input?: InputOf<K>,
): Promise<ResultOf<K>> {
  const result = await dispatch(api, name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ResultOf<K>;
}

beforeEach(() => {
  db = openMemoryDb();
  history(db);
  api = createApi(db, { now: () => NOW });
});

describe('days and windows', () => {
  it('numbers local days and weeks as the session code records them', () => {
    expect(localDay(NOW, 0)).toBe(T);
    expect(localDay(T * DAY + 30 * 60_000, 60)).toBe(T - 1); // 00:30 UTC is 23:30 the day before at UTC−1
    expect(dayToIsoDate(T)).toBe('2026-05-27');
    expect(dayStartMs(T)).toBe(T * DAY);
    expect(dayToIsoDate(bucketStart(T, 7))).toBe('2026-05-25'); // the Monday
  });

  it('covers any run of days exactly with aligned buckets', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 800 }), (from, length) => {
        const to = from + length;
        let next = from;
        const buckets = bucketsCovering(from, to);
        for (const [span, start] of buckets) {
          expect(start).toBe(next);
          expect(bucketStart(start, span)).toBe(start);
          next = start + span;
        }
        expect(next).toBe(to + 1);
        // Never more than 6 days and 3 weeks on each side of the four-week blocks.
        expect(buckets.length).toBeLessThanOrEqual(18 + Math.ceil(length / 28));
      }),
    );
  });

  it('weights the trend: all time minus the last 30 days is "before"', () => {
    const w = statsWindow('all', T);
    expect(w.trendBuckets[0]).toEqual({ span: 0, start: 0, w: 1, r: 0, e: 1 });
    expect(w.trendBuckets.slice(1).every((b) => b.w === 0 && b.r === 1 && b.e === -1)).toBe(true);
    const short = statsWindow('7d', T);
    expect(short.from).toBe(T - 6);
    expect(bucketsCovering(T - 13, T - 7).map(([s, d]) => [s, d])).toEqual(
      short.trendBuckets.filter((b) => b.e === 1).map((b) => [b.span, b.start]),
    );
  });
});

describe('by level', () => {
  it('counts, means and shares per level, over all time', async () => {
    const s = await call('getLevelStats', { range: 'all' });
    expect(s.window).toEqual({ from: null, to: '2026-05-27' });
    expect(s.levels.map((l) => l.level)).toEqual(['Beginner', 'Intermediate', 'Advanced']);
    const [beginner, intermediate, advanced] = s.levels;
    // Beginner: a1 (grade 3, score 0.5, 30 of 60 s) and a5 (grade 4, score 1, 20 of 60 s).
    expect(beginner).toMatchObject({ attempts: 2, graded: 2, scored: 2, goodShare: 1, timedOut: 0, skipped: 0 });
    expect(beginner!.meanGrade).toBeCloseTo(3.5);
    expect(beginner!.meanKeywordScore).toBeCloseTo(0.75);
    expect(beginner!.meanTimeUsedMs).toBe(25_000);
    expect(beginner!.meanTimeAllowedMs).toBe(60_000);
    // Intermediate: a4 skipped (grade 1, no score) and a6 (ungraded, score 0.5).
    expect(intermediate).toMatchObject({ attempts: 2, graded: 1, meanGrade: 1, scored: 1, goodShare: 0, skipped: 1 });
    expect(intermediate!.meanKeywordScore).toBeCloseTo(0.5);
    expect(intermediate!.meanTimeUsedMs).toBe(67_500);
    // Advanced: a2 (timed out, grade 2, score 0) and a3 (regraded 2 → 4, score 1/3).
    expect(advanced).toMatchObject({ attempts: 2, graded: 2, meanGrade: 3, goodShare: 0.5, timedOut: 1 });
    expect(advanced!.meanKeywordScore).toBeCloseTo(1 / 6);
    expect(advanced!.meanTimeUsedMs).toBe(90_000);
    expect(advanced!.meanTimeAllowedMs).toBe(120_000);
    // All six: grades 3, 2, 4, 1, 4 → 2.8; Good or better 3 of 5; scores 0.5, 0, 1/3, 1, 0.5 → 2⅓ / 5.
    expect(s.totals).toMatchObject({ attempts: 6, graded: 5, scored: 5, goodShare: 0.6 });
    expect(s.totals.meanGrade).toBeCloseTo(2.8);
    expect(s.totals.meanKeywordScore).toBeCloseTo(7 / 15);
  });

  it('says where self-grades run ahead of the keywords named', async () => {
    const { calibration } = await call('getLevelStats', { range: 'all' });
    // Intermediate has no answer with both a grade and a score.
    expect(calibration.map((c) => c.level)).toEqual(['Beginner', 'Advanced']);
    // Beginner: grades 3, 4 → (3.5 − 1) / 3 = 0.833 against scores 0.5, 1 → 0.75: within 0.1, matched.
    expect(calibration[0]!.selfScore).toBeCloseTo(2.5 / 3);
    expect(calibration[0]!.keywordScore).toBeCloseTo(0.75);
    expect(calibration[0]!.verdict).toBe('matched');
    // Advanced: grades 2, 4 → 0.667 against scores 0, 1/3 → 0.167: half a scale above, "over".
    expect(calibration[1]!.gap).toBeCloseTo(0.5);
    expect(calibration[1]!.verdict).toBe('over');
  });

  it('applies the range, deck and level filters', async () => {
    const week = await call('getLevelStats', { range: '7d' });
    // a3, a4 (three days ago), a5, a6 (today).
    expect(week.totals.attempts).toBe(4);
    expect(week.levels.find((l) => l.level === 'Beginner')).toMatchObject({ attempts: 1, meanGrade: 4 });
    const sql = await call('getLevelStats', { range: 'all', deckIds: [D2] });
    expect(sql.levels.map((l) => [l.level, l.attempts])).toEqual([['Intermediate', 2]]);
    const advanced = await call('getLevelStats', { range: '30d', levels: ['Advanced'] });
    expect(advanced.levels.map((l) => [l.level, l.attempts, l.meanGrade])).toEqual([['Advanced', 1, 4]]);
  });
});

describe('by keyword', () => {
  it('hit rates, most asked first, with the trend of the last 30 days against before', async () => {
    const s = await call('getKeywordStats', { range: 'all' });
    expect(s.totalKeywords).toBe(3);
    expect(s.rankableKeywords).toBe(3);
    // caching: asked 5 (a1 a2 a3 a5 a6), named once (a5). ORM and index: asked 3 each, ORM first by id.
    expect(s.keywords.map((k) => [k.label, k.asked, k.hits])).toEqual([
      ['caching', 5, 1],
      ['ORM', 3, 3],
      ['index', 3, 1],
    ]);
    const caching = s.keywords[0]!;
    expect(caching.hitRate).toBeCloseTo(0.2);
    // Last 30 days: a3 miss, a5 hit, a6 miss → 1/3; before: a1, a2 missed → 0.
    expect(caching).toMatchObject({ recentAsked: 3, earlierAsked: 2, earlierRate: 0 });
    expect(caching.recentRate).toBeCloseTo(1 / 3);
    expect(caching.trend).toBeCloseTo(1 / 3);
    // index: recent a3 miss, a6 hit → 0.5; before a2 miss → 0.
    expect(s.keywords[2]!.trend).toBeCloseTo(0.5);
    expect(s.keywords[1]!.trend).toBe(0);
    // ORM was named all 3 times: asked often enough to rank, but not weak.
    expect(s.weakest.map((k) => k.label)).toEqual(['caching', 'index']);
  });

  it('needs enough attempts before calling a keyword weak, and compares short windows with the one before', async () => {
    const s = await call('getKeywordStats', { range: '30d' });
    // In 30 days caching was asked 3 times (1 named), ORM 2 (2), index 2 (1).
    expect(s.keywords.map((k) => [k.label, k.asked, k.hits])).toEqual([
      ['caching', 3, 1],
      ['ORM', 2, 2],
      ['index', 2, 1],
    ]);
    expect(s.weakest.map((k) => k.label)).toEqual(['caching']);
    // The 30 days before hold a1 and a2 (40 days ago): caching 0 of 2.
    expect(s.keywords[0]!.earlierRate).toBe(0);
    expect(s.trendLabel).toBe('last 30 days against the 30 before');
    const week = await call('getKeywordStats', { range: '7d' });
    expect(week.keywords.every((k) => k.trend === null)).toBe(true);
  });

  it('draws a level × keyword heatmap, weakest keyword first', async () => {
    const { heatmap } = await call('getKeywordStats', { range: 'all' });
    expect(heatmap.levels).toEqual(['Beginner', 'Intermediate', 'Advanced']);
    expect(heatmap.keywords.map((k) => k.label)).toEqual(['caching', 'index', 'ORM']);
    const cell = (level: string, keyword: number) =>
      heatmap.cells.find((c) => c.level === level && c.keywordId === keyword);
    expect(cell('Beginner', ORM)).toMatchObject({ asked: 2, hits: 2, hitRate: 1 });
    expect(cell('Beginner', CACHING)).toMatchObject({ asked: 2, hits: 1, hitRate: 0.5 });
    expect(cell('Intermediate', INDEX)).toMatchObject({ asked: 1, hits: 1 });
    expect(cell('Advanced', CACHING)).toMatchObject({ asked: 2, hits: 0, hitRate: 0 });
    expect(cell('Advanced', ORM)).toMatchObject({ asked: 1, hits: 1 });
    expect(cell('Beginner', INDEX)).toBeUndefined();
    expect(heatmap.cells).toHaveLength(7);
  });

  it('filters keywords by deck and level', async () => {
    const sql = await call('getKeywordStats', { range: 'all', deckIds: [D2] });
    expect(sql.keywords.map((k) => [k.label, k.asked, k.hits])).toEqual([
      ['caching', 1, 0],
      ['index', 1, 1],
    ]);
    const advanced = await call('getKeywordStats', { range: 'all', levels: ['Advanced'] });
    expect(advanced.keywords.map((k) => [k.label, k.asked, k.hits])).toEqual([
      ['caching', 2, 0],
      ['index', 2, 0],
      ['ORM', 1, 1],
    ]);
  });
});

describe('over time', () => {
  it('scores each finished session (not the one still running), with a moving average', async () => {
    const s = await call('getActivityStats', { range: 'all' });
    expect(s.series.granularity).toBe('session');
    expect(s.series.points.map((p) => [p.key, p.date, p.attempts])).toEqual([
      [1, '2026-04-17', 2],
      [2, '2026-05-24', 2],
      [3, '2026-05-27', 1],
    ]);
    const [s1, s2, s3] = s.series.points;
    // s1: grades 3, 2 → (2/3 + 1/3) / 2 = 0.5; scores 0.5, 0 → 0.25.
    expect(s1!.gradeScore).toBeCloseTo(0.5);
    expect(s1!.keywordScore).toBeCloseTo(0.25);
    // s2: grades 4, 1 → 0.5; only a3 has a score: 1/3.
    expect(s2!.gradeScore).toBeCloseTo(0.5);
    expect(s2!.keywordScore).toBeCloseTo(1 / 3);
    expect(s2!.keywordAverage).toBeCloseTo((0.25 + 1 / 3) / 2);
    // s3: grade 4 → 1, score 1; the average of the three sessions so far.
    expect(s3!.gradeAverage).toBeCloseTo(2 / 3);
    expect(s3!.keywordAverage).toBeCloseTo((0.25 + 1 / 3 + 1) / 3);
    const sql = await call('getActivityStats', { range: 'all', deckIds: [D2] });
    // Only a4 (skipped, grade 1) in a finished or ended session is from the SQL deck.
    expect(sql.series.points.map((p) => [p.key, p.gradeScore, p.keywordScore])).toEqual([[2, 0, null]]);
  });

  it('counts answers per day for the calendar, and the streak', async () => {
    const s = await call('getActivityStats', { range: 'all' });
    expect(s.calendar.days).toEqual([
      { date: '2026-04-17', attempts: 2 },
      { date: '2026-05-24', attempts: 2 },
      { date: '2026-05-27', attempts: 2 },
    ]);
    // 53 weeks of grid: from the Monday 52 weeks before this week's.
    expect(s.calendar.from).toBe(dayToIsoDate(bucketStart(T, 7) - 52 * 7));
    expect(s.activeDays).toBe(3);
    // Today yes, yesterday no.
    expect(s).toMatchObject({ streak: 1, practisedToday: true });
  });

  it('keeps a streak alive until today is over, and counts back through consecutive days', () => {
    const insert = db.prepare(
      `INSERT INTO attempts (session_id, question_id, deck_id, level, position, started_at, deadline, answered_at, day,
                             time_allowed_ms, time_used_ms, outcome, mode) VALUES (3, 1, 1, 'Beginner', ?, 0, 0, ?, ?, 1, 1, 'answered', 'write')`,
    );
    [T - 2, T - 1].forEach((day, i) => insert.run(10 + i, day * DAY, day));
    expect(stats.streak(db, {}, T)).toEqual({ streak: 4, practisedToday: true }); // T−3 … T
    expect(stats.streak(db, {}, T + 1)).toEqual({ streak: 4, practisedToday: false }); // tomorrow, not yet practised
    expect(stats.streak(db, {}, T + 2).streak).toBe(0);
    expect(stats.streak(db, { deckIds: [D2] }, T).streak).toBe(1);
  });
});

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

describe('the rollups', () => {
  const TABLES = {
    stats_attempt_rollup: 'attempts',
    stats_keyword_rollup: 'asked',
    stats_keyword_totals: 'asked',
    stats_question_rollup: 'attempts',
  } as const;

  /** Every row with something counted; min_id apart (after a delete it is a lower bound, not the minimum). */
  function snapshot(): Record<string, unknown[]> {
    return Object.fromEntries(
      Object.entries(TABLES).map(([table, count]) => [
        table,
        (
          db.prepare(`SELECT * FROM ${table} WHERE ${count} <> 0 ORDER BY 1, 2, 3, 4, 5`).all() as Array<
            Record<string, unknown>
          >
        ).map(({ min_id: _, ...row }) => row),
      ]),
    );
  }

  /** The rollups as the triggers kept them, and as migration 0002 builds them from the log (left in place). */
  function rebuilt(): { kept: Record<string, unknown[]>; fresh: Record<string, unknown[]> } {
    const kept = snapshot();
    db.exec(
      Object.keys(TABLES)
        .map((t) => `DELETE FROM ${t};`)
        .join('\n'),
    );
    db.exec(STATS_BACKFILL);
    return { kept, fresh: snapshot() };
  }

  it('kept by triggers equal the rollups rebuilt from the log: after inserts, grades, regrades and deletes', () => {
    let { kept, fresh } = rebuilt();
    expect(kept).toEqual(fresh);
    db.prepare('UPDATE attempt_keywords SET hit = 1 WHERE attempt_id = 2 AND keyword_id = 3').run();
    db.prepare('UPDATE attempts SET self_grade = 1 WHERE id = 5').run();
    db.prepare('DELETE FROM sessions WHERE id = 2').run(); // cascades to a3, a4 and their keyword rows
    const lowest = db.prepare(
      'SELECT span, start_day, deck_id, level, min_id FROM stats_attempt_rollup WHERE attempts > 0',
    );
    const before = lowest.all() as Array<{ min_id: number }>;
    ({ kept, fresh } = rebuilt());
    expect(kept).toEqual(fresh);
    const after = lowest.all() as Array<{ min_id: number }>;
    before.forEach((row, i) => expect(row.min_id).toBeLessThanOrEqual(after[i]!.min_id));
    expect(db.prepare('SELECT sum(attempts) AS n FROM stats_attempt_rollup WHERE span = 0').get()).toEqual({ n: 4 });
  });
});

describe('query plans', () => {
  function plan(sql: string, params: Record<string, unknown>): string {
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>;
    return rows.map((r) => r.detail).join('\n');
  }
  const segments = JSON.stringify([[28, 0, 1, 0, 0]]);
  const filters = ` AND r.deck_id IN (SELECT value FROM json_each(:deckIds)) AND r.level IN (SELECT value FROM json_each(:levels))`;
  const filterParams = { deckIds: '[1]', levels: '["Beginner"]' };
  const ROLLUP_SEEK = /SEARCH r USING PRIMARY KEY \(span=\? AND start_day=\?/;

  it('read every aggregate bucket by bucket from the rollups, never by scanning a table', () => {
    const cases: Array<[string, string, Record<string, unknown>]> = [
      ['by level', stats.LEVEL_STATS_SQL(filters), { segments, ...filterParams }],
      ['by keyword, unfiltered', stats.KEYWORD_STATS_SQL(''), { segments, min: 3, listLimit: 10, weakLimit: 3 }],
      [
        'by keyword, filtered',
        stats.KEYWORD_STATS_SQL(filters),
        { segments, min: 3, listLimit: 10, weakLimit: 3, ...filterParams },
      ],
      ['heatmap', stats.HEATMAP_SQL(filters), { segments, keywordIds: '[1,2]', ...filterParams }],
      [
        'per question',
        stats.QUESTION_STATS_SQL(filters, 'lastGrade', 'desc'),
        { segments, limit: 50, offset: 0, ...filterParams },
      ],
    ];
    for (const [name, sql, params] of cases) {
      const p = plan(sql, params);
      expect(p, name).toMatch(ROLLUP_SEEK);
      expect(p, name).not.toMatch(/SCAN (r|a|attempts|attempt_keywords|stats_\w+)\b/);
    }
    expect(plan(stats.KEYWORD_STATS_SQL(''), { segments, min: 3, listLimit: 1, weakLimit: 1 })).toMatch(
      /SEARCH r USING PRIMARY KEY \(span=\? AND start_day=\?\)[\s\S]*SEARCH k USING INTEGER PRIMARY KEY/,
    );
    expect(plan(stats.KEYWORD_STATS_SQL(''), { segments, min: 3, listLimit: 1, weakLimit: 1 })).not.toMatch(
      /stats_keyword_rollup/,
    );
    expect(plan(stats.HEATMAP_SQL(''), { segments, keywordIds: '[1]' })).toMatch(
      /SEARCH r USING PRIMARY KEY \(span=\? AND start_day=\? AND keyword_id=\?\)/,
    );
  });

  it('read the calendar, the series and the streak as ranges of the daily and weekly rollup', () => {
    for (const sql of [stats.CALENDAR_SQL(filters), stats.BUCKET_SERIES_SQL(filters)]) {
      expect(plan(sql, { span: 1, from: 0, to: 10, preceding: 6, ...filterParams })).toMatch(
        /SEARCH r USING PRIMARY KEY \(span=\? AND start_day>\? AND start_day<\?\)/,
      );
    }
    const streakPlan = plan(stats.STREAK_SQL(filters), { start: T, ...filterParams });
    expect(streakPlan).toMatch(/SEARCH r EXISTS USING PRIMARY KEY \(span=\? AND start_day=\?/);
    expect(streakPlan).not.toMatch(/SCAN r\b/);
    expect(plan(stats.SESSION_SERIES_SQL(''), { fromMs: 0, preceding: 4 })).toMatch(
      /SEARCH s USING COVERING INDEX sessions_status \(status=\? AND started_at>\?\)[\s\S]*SEARCH a USING INDEX sqlite_autoindex_attempts_1 \(session_id=\?\)/,
    );
  });

  it("recompute a question's best and last grade from that question's answers only, when one is removed", () => {
    // The trigger's statement, with the deleted row's values in place of OLD.
    const old = { question_id: Q2, deck_id: D1, level: 'Advanced', day: T - 3 };
    const sql = questionRecompute('OLD').replace(/OLD\.(\w+)/g, (_, column: keyof typeof old) =>
      typeof old[column] === 'string' ? `'${old[column]}'` : String(old[column]),
    );
    const p = plan(sql, {});
    expect(p).toMatch(/SEARCH a USING INDEX attempts_question \(question_id=\?\)/);
    expect(p).not.toMatch(/attempts_deck_level|SCAN a\b/);
  });

  it('walk drill-downs down an index from the newest answer, with no sort', () => {
    const keyword = plan(stats.KEYWORD_ATTEMPTS_SQL(''), { keywordId: 1, minId: 1, from: 0, to: T, limit: 100 });
    expect(keyword).toMatch(
      /SEARCH ak USING COVERING INDEX attempt_keywords_keyword \(keyword_id=\? AND attempt_id>\?\)/,
    );
    expect(keyword).toMatch(/SEARCH a USING INTEGER PRIMARY KEY/);
    expect(keyword).not.toMatch(/TEMP B-TREE/);
    const level = plan(stats.LEVEL_ATTEMPTS_SQL(' AND a.level = :level'), {
      minId: 1,
      from: 0,
      to: T,
      limit: 100,
      level: 'Beginner',
    });
    expect(level).toMatch(/SEARCH a USING INDEX attempts_level \(level=\? AND rowid>\?\)/);
    expect(level).not.toMatch(/TEMP B-TREE/);
  });
});
