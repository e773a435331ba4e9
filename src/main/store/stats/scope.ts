/**
 * What every stats query shares: the deck and level filter, the window's buckets as a CTE over the rollup tables of
 * migration 0002 (see core/stats-windows.ts), and the decks' own order of levels.
 */
import type { WeightedBucket } from '../../core/stats-windows';
import type { StatsFilter } from '../../../shared/stats-types';
import type { Db } from '../db';
import { prepared } from '../statements';

/** Deck and level filter; the window is given as the rollup buckets to read (see core/stats-windows.ts). */
export type StatsScope = Pick<StatsFilter, 'deckIds' | 'levels'>;

export type Params = Record<string, string | number | null>;

/** Deck and level conditions on a table alias, with their named parameters. */
export function filterSql(alias: string, f: StatsScope): { sql: string; params: Params } {
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
export const SEGMENTS_CTE = `seg(span, start_day, w, r, e) AS MATERIALIZED (
  SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(:segments))`;

export const segmentsParam = (buckets: WeightedBucket[]): string =>
  JSON.stringify(buckets.map((b) => [b.span, b.start, b.w, b.r, b.e]));

/** Each level's rank in the decks' own level lists (easiest first); unknown levels sort after, by name. */

export const LEVEL_RANK_CTE = `lv(level, rank) AS (
  SELECT j.value, min(j.key) FROM decks d, json_each(d.levels) j GROUP BY j.value)`;

export const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

export function levelRanks(db: Db): Map<string, number> {
  const rows = prepared<{ level: string; rank: number }>(db, `WITH ${LEVEL_RANK_CTE} SELECT level, rank FROM lv`).all();
  return new Map(rows.map((r) => [r.level, r.rank]));
}

export function compareLevels(rank: Map<string, number>, a: string, b: string): number {
  return (rank.get(a) ?? 99) - (rank.get(b) ?? 99) || a.localeCompare(b);
}
