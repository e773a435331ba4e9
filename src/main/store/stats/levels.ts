/** Stats by level, and calibration (self-grade against keyword score), from the attempt rollup. */
import type { WeightedBucket } from '../../core/stats-windows';
import { CALIBRATION_GAP, type CalibrationRow, type LevelStat, type LevelStats } from '../../../shared/stats-types';
import type { Db } from '../db';
import { prepared } from '../statements';
import { compareLevels, filterSql, levelRanks, ratio, SEGMENTS_CTE, segmentsParam, type StatsScope } from './scope';

interface LevelRow {
  level: string | null;
  attempts: number;
  timed_out: number;
  skipped: number;
  graded: number;
  grade_sum: number;
  good: number;
  scored: number;
  score_sum: number;
  both: number;
  both_grade_sum: number;
  both_score_sum: number;
  used_ms: number;
  allowed_ms: number;
}

function toLevelStat(r: LevelRow): Omit<LevelStat, 'level'> {
  return {
    attempts: r.attempts,
    timedOut: r.timed_out,
    skipped: r.skipped,
    graded: r.graded,
    meanGrade: ratio(r.grade_sum, r.graded),
    scored: r.scored,
    meanKeywordScore: ratio(r.score_sum, r.scored),
    goodShare: ratio(r.good, r.graded),
    meanTimeUsedMs: r.attempts > 0 ? r.used_ms / r.attempts : 0,
    meanTimeAllowedMs: r.attempts > 0 ? r.allowed_ms / r.attempts : 0,
  };
}

export const LEVEL_STATS_SQL = (filter: string) => `
  WITH ${SEGMENTS_CTE},
  per_level AS (
    SELECT r.level, sum(r.attempts) AS attempts, sum(r.timed_out) AS timed_out, sum(r.skipped) AS skipped,
           sum(r.graded) AS graded, sum(r.grade_sum) AS grade_sum, sum(r.good) AS good, sum(r.scored) AS scored,
           sum(r.score_sum) AS score_sum, sum(r.both) AS both, sum(r.both_grade_sum) AS both_grade_sum,
           sum(r.both_score_sum) AS both_score_sum, sum(r.used_ms) AS used_ms, sum(r.allowed_ms) AS allowed_ms
      FROM seg CROSS JOIN stats_attempt_rollup r ON r.span = seg.span AND r.start_day = seg.start_day
     WHERE 1 ${filter}
     GROUP BY r.level HAVING sum(r.attempts) > 0)
  SELECT * FROM per_level
  UNION ALL
  SELECT NULL, coalesce(sum(attempts), 0), coalesce(sum(timed_out), 0), coalesce(sum(skipped), 0), coalesce(sum(graded), 0),
         coalesce(sum(grade_sum), 0), coalesce(sum(good), 0), coalesce(sum(scored), 0), coalesce(sum(score_sum), 0),
         coalesce(sum(both), 0), coalesce(sum(both_grade_sum), 0), coalesce(sum(both_score_sum), 0),
         coalesce(sum(used_ms), 0), coalesce(sum(allowed_ms), 0)
    FROM per_level`;

export function levelStats(db: Db, scope: StatsScope, buckets: WeightedBucket[]): Omit<LevelStats, 'window'> {
  const f = filterSql('r', scope);
  const rows = prepared<LevelRow>(db, LEVEL_STATS_SQL(f.sql)).all({ segments: segmentsParam(buckets), ...f.params });
  const total = rows.pop()!;
  const rank = levelRanks(db);
  rows.sort((a, b) => compareLevels(rank, a.level!, b.level!));
  const calibration: CalibrationRow[] = rows
    .filter((r) => r.both > 0)
    .map((r) => {
      const selfScore = (r.both_grade_sum / r.both - 1) / 3;
      const keywordScore = r.both_score_sum / r.both;
      const gap = selfScore - keywordScore;
      return {
        level: r.level!,
        attempts: r.both,
        selfScore,
        keywordScore,
        gap,
        verdict: gap > CALIBRATION_GAP ? 'over' : gap < -CALIBRATION_GAP ? 'under' : 'matched',
      };
    });
  return { totals: toLevelStat(total), levels: rows.map((r) => ({ level: r.level!, ...toLevelStat(r) })), calibration };
}
