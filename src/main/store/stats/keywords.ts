/** Stats by keyword, and the level × keyword heatmap, from the keyword rollup. */
import type { WeightedBucket } from '../../core/stats-windows';
import {
  HEATMAP_KEYWORDS,
  KEYWORD_LIST_LIMIT,
  MIN_KEYWORD_ATTEMPTS,
  WEAKEST_LIMIT,
  type KeywordStat,
  type KeywordStats,
} from '../../../shared/stats-types';
import type { Db } from '../db';
import { prepared } from '../statements';
import { compareLevels, filterSql, levelRanks, ratio, SEGMENTS_CTE, segmentsParam, type StatsScope } from './scope';

/** A keyword's sums over a window: all of it, its recent part (r) and its earlier part (e). */
export interface KeywordSums {
  keyword_id: number;
  label: string;
  asked: number;
  hits: number;
  ra: number;
  rh: number;
  ea: number;
  eh: number;
}

interface KeywordRow extends KeywordSums {
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

/**
 * The same rows for all time over every deck and level (the page's first view), where a keyword's window sums are
 * its one all-time row: the most asked and the weakest are top-N sorts of those rows, and the trend is summed for
 * the picked few alone. Summing all 10,000 keywords of a million answers over the trend's buckets first, to show
 * 200, was three quarters of the call.
 */
export const KEYWORD_STATS_ALL_TIME_SQL = `
  WITH ${SEGMENTS_CTE},
  all_time AS (SELECT keyword_id, asked, hits FROM stats_keyword_totals WHERE span = 0 AND start_day = 0 AND asked > 0),
  counts AS (SELECT count(*) AS total, coalesce(sum(asked >= :min), 0) AS rankable FROM all_time),
  most AS MATERIALIZED (
    SELECT keyword_id, row_number() OVER (ORDER BY asked DESC, keyword_id) AS by_asked
      FROM (SELECT * FROM all_time ORDER BY asked DESC, keyword_id LIMIT :listLimit)),
  weak AS MATERIALIZED (
    SELECT keyword_id, row_number() OVER (ORDER BY hits * 1.0 / asked, asked DESC, keyword_id) AS by_weak
      FROM (SELECT * FROM all_time WHERE asked >= :min ORDER BY hits * 1.0 / asked, asked DESC, keyword_id LIMIT :weakLimit)),
  picked AS MATERIALIZED (
    SELECT most.keyword_id, most.by_asked, coalesce(weak.by_weak, 1e15) AS by_weak FROM most LEFT JOIN weak USING (keyword_id)
    UNION ALL
    SELECT keyword_id, 1e15, by_weak FROM weak WHERE keyword_id NOT IN (SELECT keyword_id FROM most))
  SELECT picked.keyword_id, picked.by_asked, picked.by_weak, k.label, counts.total, counts.rankable,
         sum(r.asked * seg.w) AS asked, sum(r.hits * seg.w) AS hits,
         sum(r.asked * seg.r) AS ra, sum(r.hits * seg.r) AS rh,
         sum(r.asked * seg.e) AS ea, sum(r.hits * seg.e) AS eh
    FROM picked JOIN keywords k ON k.id = picked.keyword_id CROSS JOIN counts
    CROSS JOIN seg JOIN stats_keyword_totals r
      ON r.span = seg.span AND r.start_day = seg.start_day AND r.keyword_id = picked.keyword_id
   GROUP BY picked.keyword_id`;

/** Whether a window is all time and nothing else: its one bucket with a weight is the all-time one. */
const isAllTime = (buckets: WeightedBucket[]): boolean => {
  const weighed = buckets.filter((b) => b.w !== 0);
  return weighed.length === 1 && weighed[0]!.span === 0 && weighed[0]!.w === 1;
};

/** Level × keyword sums for a few keywords: a seek per keyword in each bucket. */

export const HEATMAP_SQL = (filter: string) => `
  WITH ${SEGMENTS_CTE}
  SELECT r.level, r.keyword_id, sum(r.asked) AS asked, sum(r.hits) AS hits
    FROM seg CROSS JOIN stats_keyword_rollup r
      ON r.span = seg.span AND r.start_day = seg.start_day AND r.keyword_id IN (SELECT value FROM json_each(:keywordIds))
   WHERE 1 ${filter}
   GROUP BY r.level, r.keyword_id HAVING sum(r.asked) > 0`;

export function toKeywordStat(r: KeywordSums): KeywordStat {
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
  const sql = !f.sql && isAllTime(trendBuckets) ? KEYWORD_STATS_ALL_TIME_SQL : KEYWORD_STATS_SQL(f.sql);
  const rows = prepared<KeywordRow>(db, sql).all({
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
