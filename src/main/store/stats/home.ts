/** What Home shows of the history: answers recorded, its weakest keywords, and the latest session. */
import type { WeightedBucket } from '../../core/stats-windows';
import { MIN_KEYWORD_ATTEMPTS, type HomeStats, type KeywordStat } from '../../../shared/stats-types';
import type { Db } from '../db';
import { countOf, prepared } from '../statements';
import { sessionSummary } from '../sessions';
import { toKeywordStat, type KeywordSums } from './keywords';
import { COUNTED_SESSION } from './over-time';
import { SEGMENTS_CTE, segmentsParam } from './scope';

/**
 * Home's weakest keywords over all time, unfiltered: the few weakest picked from the all-time totals (one row per
 * keyword, a top-N sort that keeps only :weakLimit), then the trend summed for those few alone, instead of
 * summing every keyword over every trend bucket to show three.
 */
export const WEAKEST_ALL_TIME_SQL = `
  WITH ${SEGMENTS_CTE},
  weak AS MATERIALIZED (
    SELECT keyword_id, row_number() OVER (ORDER BY hits * 1.0 / asked, asked DESC, keyword_id) AS by_weak
      FROM (SELECT * FROM stats_keyword_totals WHERE span = 0 AND start_day = 0 AND asked >= :min
             ORDER BY hits * 1.0 / asked, asked DESC, keyword_id LIMIT :weakLimit))
  SELECT weak.keyword_id, weak.by_weak, k.label,
         sum(r.asked * seg.w) AS asked, sum(r.hits * seg.w) AS hits,
         sum(r.asked * seg.r) AS ra, sum(r.hits * seg.r) AS rh,
         sum(r.asked * seg.e) AS ea, sum(r.hits * seg.e) AS eh
    FROM weak JOIN keywords k ON k.id = weak.keyword_id
    CROSS JOIN seg JOIN stats_keyword_totals r
      ON r.span = seg.span AND r.start_day = seg.start_day AND r.keyword_id = weak.keyword_id
   GROUP BY weak.keyword_id ORDER BY weak.by_weak`;

/** The `limit` weakest keywords of all time (as keywordStats ranks them for the 'all' range), with their trend. */
export function weakestAllTime(db: Db, trendBuckets: WeightedBucket[], limit: number): KeywordStat[] {
  const rows = prepared<KeywordSums & { by_weak: number }>(db, WEAKEST_ALL_TIME_SQL).all({
    segments: segmentsParam(trendBuckets),
    min: MIN_KEYWORD_ATTEMPTS,
    weakLimit: limit,
  });
  // A keyword named every time it was asked is not weak, however few others there are.
  return rows.filter((r) => r.hits < r.asked).map(toKeywordStat);
}

/** Answers recorded, all time. */
export function totalAttempts(db: Db): number {
  return countOf(db, 'SELECT coalesce(sum(attempts), 0) AS n FROM stats_attempt_rollup WHERE span = 0');
}

/** The latest session finished or ended early (with an answer), summarised as History shows it. */
export function lastSession(db: Db): HomeStats['lastSession'] {
  const row = prepared<{ id: number }>(
    db,
    `SELECT id FROM (
         SELECT * FROM (SELECT id, started_at FROM sessions s WHERE s.status = 'finished'
                         ORDER BY started_at DESC, id DESC LIMIT 1)
         UNION ALL
         SELECT * FROM (SELECT id, started_at FROM sessions s WHERE ${COUNTED_SESSION('s')} AND s.status = 'ended'
                         ORDER BY started_at DESC, id DESC LIMIT 1))
       ORDER BY started_at DESC, id DESC LIMIT 1`,
  ).get();
  return row ? sessionSummary(db, row.id) : null;
}
