/** Stats: the numbers by keyword, and over time. */
import { describe, expect, it } from 'vitest';
import { bucketStart } from '../../../src/main/core/stats-windows';
import { dayToIsoDate } from '../../../src/main/core/days';
import * as stats from '../../../src/main/store/stats';
import { useKnownHistory, DAY, T, D2, ORM, CACHING, INDEX, db, call } from './fixture';

useKnownHistory();

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
