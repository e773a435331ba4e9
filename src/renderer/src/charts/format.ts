import { gradeText, dateTime as instantText } from '../lib/format';
import type { Cell } from './exporting';

export const pct = (value: Cell, digits = 0): string =>
  typeof value === 'number' ? `${(value * 100).toFixed(digits)}%` : '—';

// Formatters are built once: toLocaleString builds a new one on every call, and a Stats render formats
// thousands of cells (62–83 ms of each render went to it).
const numbers = new Map<number, Intl.NumberFormat>();
const numberFormat = (digits: number): Intl.NumberFormat => {
  let format = numbers.get(digits);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { maximumFractionDigits: digits });
    numbers.set(digits, format);
  }
  return format;
};

export const num = (value: Cell, digits = 0): string =>
  typeof value === 'number' ? numberFormat(digits).format(value) : '—';

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

// Built on first use, not at import: Home imports this module and draws without Intl (see lib/format.ts).
let dayWithYear: Intl.DateTimeFormat | null = null;
let dayOnly: Intl.DateTimeFormat | null = null;

/** A YYYY-MM-DD day, as a person reads it ("27 May 2026"). */
export function day(iso: Cell, withYear = true): string {
  if (typeof iso !== 'string') return '—';
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const format = withYear
    ? (dayWithYear ??= new Intl.DateTimeFormat(undefined, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }))
    : (dayOnly ??= new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }));
  return format.format(Date.UTC(y, m - 1, d));
}

export const dateTime = (ms: Cell): string => (typeof ms === 'number' ? instantText(ms) : '—');

/** Mixes the heat colours in oklab by hit rate: vermillion (never named), neutral (half), blue (always). */
export function heatFill(rate: number): string {
  return rate <= 0.5
    ? `color-mix(in oklab, var(--heat-low) ${Math.round((1 - rate * 2) * 100)}%, var(--heat-mid))`
    : `color-mix(in oklab, var(--heat-high) ${Math.round((rate * 2 - 1) * 100)}%, var(--heat-mid))`;
}
