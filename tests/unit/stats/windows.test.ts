/** Stats: days and windows, and the numbers by level. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketsCovering, bucketStart, statsWindow } from '../../../src/main/core/stats-windows';
import { dayStartMs, dayToIsoDate, localDay } from '../../../src/main/core/days';
import { useKnownHistory, DAY, T, NOW, D2, call } from './fixture';

useKnownHistory();

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
