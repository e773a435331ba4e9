import { gradeText } from '../lib/format';
import type { Cell } from './exporting';

export const GRADE_LABELS = ['', 'Missed', 'Partial', 'Good', 'Nailed'] as const;

export const pct = (value: Cell, digits = 0): string =>
  typeof value === 'number' ? `${(value * 100).toFixed(digits)}%` : '—';

export const num = (value: Cell, digits = 0): string =>
  typeof value === 'number' ? value.toLocaleString(undefined, { maximumFractionDigits: digits }) : '—';

/** A mean self-grade (1–4), shown as on every other page: "2.0 / 4 · Partial". */
export const grade = (value: Cell): string => (typeof value === 'number' ? gradeText(value) : '—');

/** A 0–1 grade score ((grade − 1) / 3) on the same 1–4 scale. */
export const gradeScore = (value: Cell): string => (typeof value === 'number' ? gradeText(1 + 3 * value) : '—');

export const seconds = (ms: Cell): string => (typeof ms === 'number' ? `${Math.round(ms / 1000)} s` : '—');

/** Percentage points, signed: "+12 pts". */
export const points = (value: Cell): string =>
  typeof value === 'number'
    ? `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(Math.round(value * 100))} pts`
    : '—';

/** A YYYY-MM-DD day, as a person reads it ("27 May 2026"). */
export function day(iso: Cell, withYear = true): string {
  if (typeof iso !== 'string') return '—';
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  });
}

export const dateTime = (ms: Cell): string =>
  typeof ms === 'number' ? new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—';

/** Mixes the heat colours in oklab by hit rate: vermillion (never named), neutral (half), blue (always). */
export function heatFill(rate: number): string {
  return rate <= 0.5
    ? `color-mix(in oklab, var(--heat-low) ${Math.round((1 - rate * 2) * 100)}%, var(--heat-mid))`
    : `color-mix(in oklab, var(--heat-high) ${Math.round((rate * 2 - 1) * 100)}%, var(--heat-mid))`;
}
