/** Stats per question, sorted and paged, from the question rollup. */
import type { WeightedBucket } from '../../core/stats-windows';
import type { QuestionSort, QuestionStats } from '../../../shared/stats-types';
import type { Db } from '../db';
import { prepared } from '../statements';
import { gradeOfLastGraded, LAST_GRADED_FACTOR } from '../columns';
import { filterSql, LEVEL_RANK_CTE, ratio, SEGMENTS_CTE, segmentsParam, type StatsScope } from './scope';

/** Each sort's keys, in order; every key is one SQL expression (commas inside it are its own). */
const QUESTION_ORDER: Record<QuestionSort, readonly string[]> = {
  prompt: ['q.prompt COLLATE NOCASE'],
  level: ['coalesce(lv.rank, 99)', 'q.level'],
  attempts: ['x.attempts'],
  meanGrade: ['x.grade_sum * 1.0 / nullif(x.graded, 0)'],
  lastGrade: [`x.last_graded % ${LAST_GRADED_FACTOR}`],
  bestGrade: ['x.best_grade'],
  meanTime: ['x.used_ms * 1.0 / x.attempts'],
  lastPractised: ['x.last_at'],
};

export const QUESTION_STATS_SQL = (filter: string, sort: QuestionSort, dir: 'asc' | 'desc') => {
  const order = QUESTION_ORDER[sort].map((k) => `${k} IS NULL, ${k} ${dir}`).join(', ');
  return `
  WITH ${SEGMENTS_CTE}, ${LEVEL_RANK_CTE},
  x AS MATERIALIZED (
    SELECT r.question_id, sum(r.attempts) AS attempts, sum(r.graded) AS graded, sum(r.grade_sum) AS grade_sum,
           sum(r.used_ms) AS used_ms, max(r.best_grade) AS best_grade, max(r.last_at) AS last_at,
           max(r.last_graded) AS last_graded
      FROM seg CROSS JOIN stats_question_rollup r ON r.span = seg.span AND r.start_day = seg.start_day
     WHERE 1 ${filter}
     GROUP BY r.question_id HAVING sum(r.attempts) > 0)
  SELECT x.*, q.prompt, q.level, d.name AS deck_name, count(*) OVER () AS total
    FROM x JOIN questions q ON q.id = x.question_id JOIN decks d ON d.id = q.deck_id
    LEFT JOIN lv ON lv.level = q.level
   ORDER BY ${order}, x.question_id ${dir}
   LIMIT :limit OFFSET :offset`;
};

interface QuestionStatsRow {
  question_id: number;
  attempts: number;
  graded: number;
  grade_sum: number;
  used_ms: number;
  best_grade: number | null;
  last_at: number;
  /** Encoded: see gradeOfLastGraded. */
  last_graded: number | null;
  prompt: string;
  level: string;
  deck_name: string;
  total: number;
}

export function questionStats(
  db: Db,
  scope: StatsScope,
  buckets: WeightedBucket[],
  q: { sort: QuestionSort; dir: 'asc' | 'desc'; offset: number; limit: number },
): QuestionStats {
  const f = filterSql('r', scope);
  const rows = prepared<QuestionStatsRow>(db, QUESTION_STATS_SQL(f.sql, q.sort, q.dir)).all({
    segments: segmentsParam(buckets),
    limit: q.limit,
    offset: q.offset,
    ...f.params,
  });
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && q.offset > 0) {
    total = questionStats(db, scope, buckets, { ...q, offset: 0, limit: 1 }).total;
  }
  return {
    total,
    items: rows.map((r) => ({
      questionId: r.question_id,
      prompt: r.prompt,
      deckName: r.deck_name,
      level: r.level,
      attempts: r.attempts,
      graded: r.graded,
      meanGrade: ratio(r.grade_sum, r.graded),
      lastGrade: r.last_graded === null ? null : gradeOfLastGraded(r.last_graded),
      bestGrade: r.best_grade,
      meanTimeMs: r.used_ms / r.attempts,
      lastPractisedAt: r.last_at,
    })),
  };
}
