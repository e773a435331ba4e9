/**
 * The Stats page's numbers, in SQL. Every aggregate reads the rollup tables of migration 0002
 * through the buckets of a window (core/stats-windows.ts); only the drill-downs and per-session
 * series touch attempts, and then through an index and a LIMIT.
 */
import type { WeightedBucket } from '../core/stats-windows';
import {
  CALIBRATION_GAP,
  HEATMAP_KEYWORDS,
  KEYWORD_LIST_LIMIT,
  MIN_KEYWORD_ATTEMPTS,
  WEAKEST_LIMIT,
  type CalibrationRow,
  type HomeStats,
  type KeywordStat,
  type KeywordStats,
  type LevelStat,
  type LevelStats,
  type QuestionSort,
  type QuestionStats,
  type StatsAttempt,
  type StatsAttempts,
  type StatsFilter,
} from '../../shared/stats-types';
import type { Db } from './db';
import { countOf, prepared } from './statements';
import { gradeOfLastGraded, LAST_GRADED_FACTOR } from './columns';
import { sessionSummary } from './sessions';

/** Deck and level filter; the window is given as the rollup buckets to read (see core/stats-windows.ts). */
export type StatsScope = Pick<StatsFilter, 'deckIds' | 'levels'>;

/** "Practise this" asks at most this many questions. */
export const PRACTICE_LIMIT = 20;

type Params = Record<string, string | number | null>;

/** Deck and level conditions on a table alias, with their named parameters. */
function filterSql(alias: string, f: StatsScope): { sql: string; params: Params } {
  let sql = '';
  const params: Params = {};
  if (f.deckIds?.length) {
    sql += ` AND ${alias}.deck_id IN (SELECT value FROM json_each(:deckIds))`;
    params['deckIds'] = JSON.stringify(f.deckIds);
  }
  if (f.levels?.length) {
    sql += ` AND ${alias}.level IN (SELECT value FROM json_each(:levels))`;
    params['levels'] = JSON.stringify(f.levels);
  }
  return { sql, params };
}

/**
 * The buckets of a window as a CTE; the rollup is joined to it bucket by bucket (CROSS JOIN keeps that
 * order). Materialized, so the weights are read once per bucket, not parsed from JSON once per row.
 */
const SEGMENTS_CTE = `seg(span, start_day, w, r, e) AS MATERIALIZED (
  SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(:segments))`;

const segmentsParam = (buckets: WeightedBucket[]): string =>
  JSON.stringify(buckets.map((b) => [b.span, b.start, b.w, b.r, b.e]));

/** Each level's rank in the decks' own level lists (easiest first); unknown levels sort after, by name. */
const LEVEL_RANK_CTE = `lv(level, rank) AS (
  SELECT j.value, min(j.key) FROM decks d, json_each(d.levels) j GROUP BY j.value)`;

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

// ---------------------------------------------------------------------------------------------
// By level, and calibration

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

function levelRanks(db: Db): Map<string, number> {
  const rows = prepared<{ level: string; rank: number }>(db, `WITH ${LEVEL_RANK_CTE} SELECT level, rank FROM lv`).all();
  return new Map(rows.map((r) => [r.level, r.rank]));
}

function compareLevels(rank: Map<string, number>, a: string, b: string): number {
  return (rank.get(a) ?? 99) - (rank.get(b) ?? 99) || a.localeCompare(b);
}

// ---------------------------------------------------------------------------------------------
// By keyword, and the level × keyword heatmap

interface KeywordRow {
  keyword_id: number;
  label: string;
  asked: number;
  hits: number;
  ra: number;
  rh: number;
  ea: number;
  eh: number;
  by_asked: number;
  by_weak: number;
  total: number;
  rankable: number;
}

/**
 * Per keyword: window, recent and earlier sums; then the most asked and the weakest, each a top-N that
 * keeps only N rows while it reads (numbering every keyword twice to show three cost more than summing
 * them). Without a deck or level filter it reads stats_keyword_totals, which holds about half the rows.
 */
export const KEYWORD_STATS_SQL = (filter: string) => `
  WITH ${SEGMENTS_CTE},
  kw AS MATERIALIZED (
    SELECT r.keyword_id,
           sum(r.asked * seg.w) AS asked, sum(r.hits * seg.w) AS hits,
           sum(r.asked * seg.r) AS ra, sum(r.hits * seg.r) AS rh,
           sum(r.asked * seg.e) AS ea, sum(r.hits * seg.e) AS eh
      FROM seg CROSS JOIN ${filter ? 'stats_keyword_rollup' : 'stats_keyword_totals'} r
        ON r.span = seg.span AND r.start_day = seg.start_day
     WHERE 1 ${filter}
     GROUP BY r.keyword_id HAVING sum(r.asked * seg.w) > 0),
  counts AS (SELECT count(*) AS total, coalesce(sum(asked >= :min), 0) AS rankable FROM kw),
  most AS MATERIALIZED (
    SELECT *, row_number() OVER (ORDER BY asked DESC, keyword_id) AS by_asked
      FROM (SELECT * FROM kw ORDER BY asked DESC, keyword_id LIMIT :listLimit)),
  weak AS MATERIALIZED (
    SELECT *, row_number() OVER (ORDER BY hits * 1.0 / asked, asked DESC, keyword_id) AS by_weak
      FROM (SELECT * FROM kw WHERE asked >= :min ORDER BY hits * 1.0 / asked, asked DESC, keyword_id LIMIT :weakLimit)),
  picked AS (
    SELECT most.*, coalesce((SELECT by_weak FROM weak WHERE weak.keyword_id = most.keyword_id), 1e15) AS by_weak
      FROM most
    UNION ALL
    SELECT keyword_id, asked, hits, ra, rh, ea, eh, 1e15, by_weak
      FROM weak WHERE keyword_id NOT IN (SELECT keyword_id FROM most))
  SELECT picked.*, k.label, counts.total, counts.rankable
    FROM picked JOIN keywords k ON k.id = picked.keyword_id CROSS JOIN counts`;

/** Level × keyword sums for a few keywords: a seek per keyword in each bucket. */
export const HEATMAP_SQL = (filter: string) => `
  WITH ${SEGMENTS_CTE}
  SELECT r.level, r.keyword_id, sum(r.asked) AS asked, sum(r.hits) AS hits
    FROM seg CROSS JOIN stats_keyword_rollup r
      ON r.span = seg.span AND r.start_day = seg.start_day AND r.keyword_id IN (SELECT value FROM json_each(:keywordIds))
   WHERE 1 ${filter}
   GROUP BY r.level, r.keyword_id HAVING sum(r.asked) > 0`;

function toKeywordStat(r: KeywordRow): KeywordStat {
  const recentRate = ratio(r.rh, r.ra);
  const earlierRate = ratio(r.eh, r.ea);
  return {
    keywordId: r.keyword_id,
    label: r.label,
    asked: r.asked,
    hits: r.hits,
    hitRate: r.hits / r.asked,
    recentAsked: r.ra,
    recentRate,
    earlierAsked: r.ea,
    earlierRate,
    trend: recentRate === null || earlierRate === null ? null : recentRate - earlierRate,
  };
}

export function keywordStats(
  db: Db,
  scope: StatsScope,
  trendBuckets: WeightedBucket[],
  limits: { list?: number; weakest?: number; heatmap?: number } = {},
): Omit<KeywordStats, 'window' | 'trendLabel'> {
  const list = limits.list ?? KEYWORD_LIST_LIMIT;
  const weak = limits.weakest ?? WEAKEST_LIMIT;
  const f = filterSql('r', scope);
  const rows = prepared<KeywordRow>(db, KEYWORD_STATS_SQL(f.sql)).all({
    segments: segmentsParam(trendBuckets),
    min: MIN_KEYWORD_ATTEMPTS,
    listLimit: list,
    weakLimit: weak,
    ...f.params,
  });
  const rate = (r: { hits: number; asked: number }): number => r.hits / r.asked;
  const mostAsked = rows.filter((r) => r.by_asked <= list).sort((a, b) => a.by_asked - b.by_asked);
  const heatKeywords = mostAsked
    .slice(0, limits.heatmap ?? HEATMAP_KEYWORDS)
    .sort((a, b) => rate(a) - rate(b) || b.asked - a.asked || a.keyword_id - b.keyword_id);
  const cells =
    heatKeywords.length === 0
      ? []
      : prepared<{ level: string; keyword_id: number; asked: number; hits: number }>(db, HEATMAP_SQL(f.sql)).all({
          segments: segmentsParam(trendBuckets.filter((b) => b.w !== 0)),
          keywordIds: JSON.stringify(heatKeywords.map((k) => k.keyword_id)),
          ...f.params,
        });
  const rank = levelRanks(db);
  return {
    totalKeywords: rows[0]?.total ?? 0,
    rankableKeywords: rows[0]?.rankable ?? 0,
    keywords: mostAsked.map(toKeywordStat),
    weakest: rows
      // A keyword named every time it was asked is not weak, however few others there are.
      .filter((r) => r.asked >= MIN_KEYWORD_ATTEMPTS && r.hits < r.asked && r.by_weak <= weak)
      .sort((a, b) => a.by_weak - b.by_weak)
      .map(toKeywordStat),
    minAttempts: MIN_KEYWORD_ATTEMPTS,
    heatmap: {
      levels: [...new Set(cells.map((c) => c.level))].sort((a, b) => compareLevels(rank, a, b)),
      keywords: heatKeywords.map((r) => ({ keywordId: r.keyword_id, label: r.label, hitRate: rate(r) })),
      cells: cells.map((c) => ({
        level: c.level,
        keywordId: c.keyword_id,
        asked: c.asked,
        hits: c.hits,
        hitRate: rate(c),
      })),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Over time: the score series, the calendar, the streak

/** Whether the filtered history has any answer on `day`. */
const PRACTISED_ON = (filter: string, day: string) =>
  `EXISTS (SELECT 1 FROM stats_attempt_rollup r WHERE r.span = 1 AND r.start_day = ${day} AND r.attempts > 0 ${filter})`;

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

export const CALENDAR_SQL = (filter: string) => `
  SELECT r.start_day AS day, sum(r.attempts) AS attempts FROM stats_attempt_rollup r
   WHERE r.span = 1 AND r.start_day BETWEEN :from AND :to ${filter}
   GROUP BY r.start_day HAVING sum(r.attempts) > 0 ORDER BY r.start_day`;

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
const COUNTED_SESSION = (s: string) =>
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

// ---------------------------------------------------------------------------------------------
// Per question

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

// ---------------------------------------------------------------------------------------------
// Drill-down: the answers behind a level, a keyword or a heatmap cell

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

// ---------------------------------------------------------------------------------------------
// Home

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
