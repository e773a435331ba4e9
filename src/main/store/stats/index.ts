/**
 * The Stats page's numbers, in SQL. Every aggregate reads the rollup tables of migration 0002 through the buckets of
 * a window (core/stats-windows.ts); only the drill-downs and per-session series touch attempts, and then through an
 * index and a LIMIT. One file per part of the page; this one names them all for api/stats.ts.
 */
export * from './drill-down';
export * from './home';
export * from './keywords';
export * from './levels';
export * from './over-time';
export * from './questions';
export type { StatsScope } from './scope';
