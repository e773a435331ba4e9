/**
 * Date windows of the Stats page, and how a window is read from the rollup tables.
 *
 * The rollups keep every count four times over: for all time (span 0), per day (span 1), per
 * Monday-based week (span 7) and per four-week block (span 28). Any run of days is then the sum of a
 * handful of aligned buckets (at most 6 days, 3 weeks and some blocks on each side), so a 90-day
 * window reads a few dozen buckets instead of 90 days of rows.
 */
import type { StatsRange } from '../../shared/stats-types';

export const SPANS = [0, 1, 7, 28] as const;
export type Span = (typeof SPANS)[number];

/** First day of the bucket of `span` that holds `day` (weeks and blocks start on a Monday). */
export function bucketStart(day: number, span: Span): number {
  if (span === 0) return 0;
  // Day 0 (1970-01-01) was a Thursday: day + 3 is a multiple of 7 on Mondays.
  return day - ((((day + 3) % span) + span) % span);
}

/** The aligned buckets that exactly cover the days from..to (inclusive), largest first where they fit. */
export function bucketsCovering(from: number, to: number): Array<[span: Span, start: number]> {
  const out: Array<[Span, number]> = [];
  let day = from;
  while (day <= to) {
    const span = ([28, 7, 1] as const).find((s) => bucketStart(day, s) === day && day + s - 1 <= to)!;
    out.push([span, day]);
    day += span;
  }
  return out;
}

export const RANGE_DAYS: Record<Exclude<StatsRange, 'all'>, number> = { '7d': 7, '30d': 30, '90d': 90 };

/** The trend compares the last 30 days with the time before them (or, in a shorter window, with the window before it). */
export const TREND_DAYS = 30;

/**
 * A bucket to read, with its weight in each sum: w for the window's totals, r for the recent part
 * of the trend, e for the earlier part. A weight of −1 subtracts (earlier = all time − recent).
 */
export interface WeightedBucket {
  span: Span;
  start: number;
  w: number;
  r: number;
  e: number;
}

export interface StatsWindow {
  /** First and last day of the window; from is null for all time. */
  from: number | null;
  to: number;
  /** Buckets of the window alone. */
  buckets: WeightedBucket[];
  /** Buckets of the window and its trend comparison. */
  trendBuckets: WeightedBucket[];
}

const weighted = (from: number, to: number, w: number, r: number, e: number): WeightedBucket[] =>
  from > to ? [] : bucketsCovering(from, to).map(([span, start]) => ({ span, start, w, r, e }));

export function statsWindow(range: StatsRange, today: number): StatsWindow {
  if (range === 'all') {
    const recentFrom = today - TREND_DAYS + 1;
    return {
      from: null,
      to: today,
      buckets: [{ span: 0, start: 0, w: 1, r: 0, e: 0 }],
      trendBuckets: [{ span: 0, start: 0, w: 1, r: 0, e: 1 }, ...weighted(recentFrom, today, 0, 1, -1)],
    };
  }
  const days = RANGE_DAYS[range];
  const from = today - days + 1;
  if (days > TREND_DAYS) {
    const recentFrom = today - TREND_DAYS + 1;
    return {
      from,
      to: today,
      buckets: weighted(from, today, 1, 0, 0),
      trendBuckets: [...weighted(from, recentFrom - 1, 1, 0, 1), ...weighted(recentFrom, today, 1, 1, 0)],
    };
  }
  return {
    from,
    to: today,
    buckets: weighted(from, today, 1, 0, 0),
    trendBuckets: [...weighted(from - days, from - 1, 0, 0, 1), ...weighted(from, today, 1, 1, 0)],
  };
}
