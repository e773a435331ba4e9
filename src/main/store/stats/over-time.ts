/** Stats over time: the score series (per session, day, week or four weeks), the calendar, the streak. */
import type { Db } from '../db';
import { countOf, prepared } from '../statements';
import { filterSql, type StatsScope } from './scope';

/**
 * Whether the filtered history has any answer on `day`: unfiltered, a look-up in the daily totals (migration 0011);
 * for some decks or levels, in their rows of the daily rollup.
 */
const PRACTISED_ON = (filter: string, day: string) =>
  filter
    ? `EXISTS (SELECT 1 FROM stats_attempt_rollup r WHERE r.span = 1 AND r.start_day = ${day} AND r.attempts > 0 ${filter})`
    : `EXISTS (SELECT 1 FROM stats_daily_attempts t WHERE t.day = ${day} AND t.attempts > 0)`;

export const STREAK_SQL = (filter: string) => `
  WITH RECURSIVE streak(day) AS (
    SELECT :start WHERE ${PRACTISED_ON(filter, ':start')}
    UNION ALL
    SELECT day - 1 FROM streak WHERE ${PRACTISED_ON(filter, 'streak.day - 1')})
  SELECT count(*) AS n FROM streak`;

/** Days in a row with practice, ending today, or yesterday while today has none yet. */

export function streak(db: Db, scope: StatsScope, today: number): { streak: number; practisedToday: boolean } {
  const f = filterSql('r', scope);
  const practised = countOf(db, `SELECT ${PRACTISED_ON(f.sql, ':today')} AS n`, { today, ...f.params }) === 1;
  const n = countOf(db, STREAK_SQL(f.sql), { start: practised ? today : today - 1, ...f.params });
  return { streak: n, practisedToday: practised };
}

const MOVING_AVERAGE = `avg(grade) OVER w AS grade_avg, avg(keyword) OVER w AS keyword_avg`;

const MOVING_WINDOW_SQL = `WINDOW w AS (ORDER BY at, key ROWS BETWEEN :preceding PRECEDING AND CURRENT ROW)`;

export const SESSION_SERIES_SQL = (filter: string) => `
  WITH points AS (
    SELECT s.id AS key, s.started_at AS at, count(*) AS attempts,
           avg((a.self_grade - 1) / 3.0) AS grade, avg(a.keyword_score) AS keyword
      FROM sessions s JOIN attempts a ON a.session_id = s.id
     WHERE s.status IN ('finished', 'ended') AND s.started_at >= :fromMs ${filter}
     GROUP BY s.id)
  SELECT *, ${MOVING_AVERAGE} FROM points ${MOVING_WINDOW_SQL} ORDER BY at, key`;

export const BUCKET_SERIES_SQL = (filter: string) => `
  WITH points AS (
    SELECT r.start_day AS key, r.start_day AS at, sum(r.attempts) AS attempts,
           (sum(r.grade_sum) * 1.0 / nullif(sum(r.graded), 0) - 1) / 3 AS grade,
           sum(r.score_sum) / nullif(sum(r.scored), 0) AS keyword
      FROM stats_attempt_rollup r
     WHERE r.span = :span AND r.start_day BETWEEN :from AND :to ${filter}
     GROUP BY r.start_day HAVING sum(r.attempts) > 0)
  SELECT *, ${MOVING_AVERAGE} FROM points ${MOVING_WINDOW_SQL} ORDER BY at, key`;

/**
 * The answers of each day from..to. Unfiltered, a row a day from the daily totals (migration 0011): summing every
 * deck and level of a year of the daily rollup was 54,000 rows at a million answers.
 */
export const CALENDAR_SQL = (filter: string) =>
  filter
    ? `
  SELECT r.start_day AS day, sum(r.attempts) AS attempts FROM stats_attempt_rollup r
   WHERE r.span = 1 AND r.start_day BETWEEN :from AND :to ${filter}
   GROUP BY r.start_day HAVING sum(r.attempts) > 0 ORDER BY r.start_day`
    : `
  SELECT day, attempts FROM stats_daily_attempts WHERE day BETWEEN :from AND :to AND attempts > 0 ORDER BY day`;

/** The first day with any answer, read from the front of the daily rollup. */

export function firstPractisedDay(db: Db): number | null {
  const row = prepared<{ day: number | null }>(
    db,
    'SELECT min(start_day) AS day FROM stats_attempt_rollup WHERE span = 1 AND attempts > 0',
  ).get();
  return row?.day ?? null;
}

/** Days (from..to) with answers, and how many. */
export function calendar(
  db: Db,
  scope: StatsScope,
  from: number,
  to: number,
): Array<{ day: number; attempts: number }> {
  const f = filterSql('r', scope);
  return prepared<{ day: number; attempts: number }>(db, CALENDAR_SQL(f.sql)).all({ from, to, ...f.params });
}

/** A session counts once it is over and has at least one answer: one opened and closed unanswered does not. */
export const COUNTED_SESSION = (s: string) =>
  `${s}.status IN ('finished', 'ended') AND EXISTS (SELECT 1 FROM attempts a WHERE a.session_id = ${s}.id)`;

/**
 * Sessions finished or ended early (not the one still running) that started at or after `fromMs`,
 * counted up to `atMost` (enough to decide, without visiting a long history's every session).
 */

export function finishedSessionsSince(db: Db, fromMs: number, atMost = -1): number {
  return countOf(
    db,
    `SELECT count(*) AS n FROM (SELECT 1 FROM sessions s WHERE ${COUNTED_SESSION('s')} AND s.started_at >= ? LIMIT ?)`,
    fromMs,
    atMost,
  );
}

export interface SeriesRow {
  /** Session id, or the first day of the bucket. */
  key: number;
  /** Session start (ms), or the first day of the bucket. */
  at: number;
  attempts: number;
  grade: number | null;
  keyword: number | null;
  grade_avg: number | null;
  keyword_avg: number | null;
}

/** Score per finished session since `fromMs`, with a moving average over `movingWindow` sessions. */
export function sessionSeries(db: Db, scope: StatsScope, fromMs: number, movingWindow: number): SeriesRow[] {
  const f = filterSql('a', scope);
  return prepared<SeriesRow>(db, SESSION_SERIES_SQL(f.sql)).all({ fromMs, preceding: movingWindow - 1, ...f.params });
}

/** Score per day (span 1) or week (span 7) from..to, with a moving average over `movingWindow` buckets. */
export function bucketSeries(
  db: Db,
  scope: StatsScope,
  span: 1 | 7 | 28,
  from: number,
  to: number,
  movingWindow: number,
): SeriesRow[] {
  const f = filterSql('r', scope);
  return prepared<SeriesRow>(db, BUCKET_SERIES_SQL(f.sql)).all({
    span,
    from,
    to,
    preceding: movingWindow - 1,
    ...f.params,
  });
}
