/** The drill-down: the answers behind a level, a keyword or a heatmap cell, and the questions to practise from them. */
import type { WeightedBucket } from '../../core/stats-windows';
import type { StatsAttempt, StatsAttempts } from '../../../shared/stats-types';
import type { Db } from '../db';
import { prepared } from '../statements';
import { filterSql, SEGMENTS_CTE, segmentsParam, type StatsScope } from './scope';

/** "Practise this" asks at most this many questions. */
export const PRACTICE_LIMIT = 20;

interface AttemptRow {
  id: number;
  session_id: number;
  question_id: number;
  prompt: string;
  deck_name: string;
  level: string;
  answered_at: number;
  outcome: StatsAttempt['outcome'];
  self_grade: number | null;
  keyword_score: number | null;
  time_used_ms: number;
  time_allowed_ms: number;
  hit: number | null;
  live: number;
}

const ATTEMPT_COLUMNS = `a.id, a.session_id, a.question_id, q.prompt, d.name AS deck_name, a.level, a.answered_at, a.outcome,
  a.self_grade, a.keyword_score, a.time_used_ms, a.time_allowed_ms, q.deleted_at IS NULL AS live`;

/**
 * Latest answers that were to name a keyword: walks the keyword index from the newest attempt id
 * down to the window's lowest id, and stops at the limit.
 */

export const KEYWORD_ATTEMPTS_SQL = (filter: string) => `
  SELECT ${ATTEMPT_COLUMNS}, ak.hit
    FROM attempt_keywords ak CROSS JOIN attempts a ON a.id = ak.attempt_id
    JOIN questions q ON q.id = a.question_id JOIN decks d ON d.id = q.deck_id
   WHERE ak.keyword_id = :keywordId AND ak.attempt_id >= :minId AND a.day BETWEEN :from AND :to ${filter}
   ORDER BY ak.attempt_id DESC LIMIT :limit`;

/** Latest answers in scope (of one level, when given): attempts by id from the newest down to the window's lowest id. */

export const LEVEL_ATTEMPTS_SQL = (filter: string) => `
  SELECT ${ATTEMPT_COLUMNS}, NULL AS hit
    FROM attempts a JOIN questions q ON q.id = a.question_id JOIN decks d ON d.id = q.deck_id
   WHERE a.id >= :minId AND a.day BETWEEN :from AND :to ${filter}
   ORDER BY a.id DESC LIMIT :limit`;

export interface DrillDown {
  /** A level, a keyword, or both (a heatmap cell); neither lists every answer in scope. */
  level?: string | undefined;
  keywordId?: number | undefined;
  /** Days of the window (inclusive); from is null for all time. */
  from: number | null;
  to: number;
  limit: number;
}

export function statsAttempts(db: Db, scope: StatsScope, buckets: WeightedBucket[], d: DrillDown): StatsAttempts {
  const empty = { total: 0, hits: d.keywordId === undefined ? null : 0, attempts: [], questionIds: [] };
  // A level inside the level filter narrows it to that level; a level outside it matches nothing.
  if (d.level !== undefined && scope.levels?.length && !scope.levels.includes(d.level)) return empty;
  const narrowed: StatsScope = { deckIds: scope.deckIds, levels: d.level === undefined ? scope.levels : undefined };
  const levelSql = (alias: string): string => (d.level === undefined ? '' : ` AND ${alias}.level = :level`);
  const levelParam = d.level === undefined ? {} : { level: d.level };
  const af = filterSql('a', narrowed);
  const rf = filterSql('r', narrowed);
  const segments = segmentsParam(buckets);

  const scoped = prepared<{ total: number; min_id: number | null }>(
    db,
    `WITH ${SEGMENTS_CTE}
       SELECT coalesce(sum(r.attempts), 0) AS total, min(r.min_id) AS min_id
         FROM seg CROSS JOIN stats_attempt_rollup r ON r.span = seg.span AND r.start_day = seg.start_day
        WHERE r.attempts > 0 ${rf.sql}${levelSql('r')}`,
  ).get({ segments, ...rf.params, ...levelParam });
  if (!scoped || scoped.min_id === null) return empty;
  const bounds = { minId: scoped.min_id, from: d.from ?? -1e9, to: d.to, limit: d.limit, ...levelParam };

  let rows: AttemptRow[];
  let total = scoped.total;
  let hits: number | null = null;
  if (d.keywordId !== undefined) {
    rows = prepared<AttemptRow>(db, KEYWORD_ATTEMPTS_SQL(af.sql + levelSql('a'))).all({
      keywordId: d.keywordId,
      ...bounds,
      ...af.params,
    });
    const sums = prepared<{ total: number; hits: number }>(
      db,
      `WITH ${SEGMENTS_CTE}
         SELECT coalesce(sum(r.asked), 0) AS total, coalesce(sum(r.hits), 0) AS hits
           FROM seg CROSS JOIN stats_keyword_rollup r ON r.span = seg.span AND r.start_day = seg.start_day
          WHERE r.keyword_id = :keywordId ${rf.sql}${levelSql('r')}`,
    ).get({ segments, keywordId: d.keywordId, ...rf.params, ...levelParam });
    total = sums?.total ?? 0;
    hits = sums?.hits ?? 0;
  } else {
    rows = prepared<AttemptRow>(db, LEVEL_ATTEMPTS_SQL(af.sql + levelSql('a'))).all({ ...bounds, ...af.params });
  }
  return {
    total,
    hits,
    attempts: rows.map((r) => ({
      id: r.id,
      sessionId: r.session_id,
      questionId: r.question_id,
      prompt: r.prompt,
      deckName: r.deck_name,
      level: r.level,
      answeredAt: r.answered_at,
      outcome: r.outcome,
      selfGrade: r.self_grade,
      keywordScore: r.keyword_score,
      timeUsedMs: r.time_used_ms,
      timeAllowedMs: r.time_allowed_ms,
      hit: r.hit === null ? null : r.hit === 1,
    })),
    questionIds: weakestQuestions(rows, d.keywordId !== undefined),
  };
}

/** The questions behind a list of answers, weakest first (least named, or lowest graded), then most recent. */
function weakestQuestions(rows: AttemptRow[], byKeyword: boolean): number[] {
  const byQuestion = new Map<number, { sum: number; n: number; latest: number }>();
  for (const r of rows) {
    if (!r.live) continue;
    const strength = byKeyword ? (r.hit ?? 0) : r.self_grade !== null ? (r.self_grade - 1) / 3 : (r.keyword_score ?? 0);
    const entry = byQuestion.get(r.question_id) ?? { sum: 0, n: 0, latest: 0 };
    entry.sum += strength;
    entry.n += 1;
    entry.latest = Math.max(entry.latest, r.id);
    byQuestion.set(r.question_id, entry);
  }
  return [...byQuestion]
    .sort(([, a], [, b]) => a.sum / a.n - b.sum / b.n || b.latest - a.latest)
    .slice(0, PRACTICE_LIMIT)
    .map(([id]) => id);
}
