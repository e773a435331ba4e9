import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runPages, type Figure } from '../bench/pages';

/**
 * The page benchmark, small (10,000 answers), as a guard: each page's p50 as a multiple of its floor
 * (SELECT 1 or a committed one-row INSERT, timed in the same run) may not grow to ten times what it was
 * when the baseline was written. No figure in milliseconds is asserted: a busy machine slows the floor too.
 * PREPDECK_SMOKE_BASELINE=write rewrites the baseline after a deliberate change.
 */
const BASELINE = path.join(import.meta.dirname, '../bench/smoke-baseline.json');
const key = (f: Figure): string => `${f.page} (${f.mode})`;

it('no page is ten times slower, against its floor, than in the baseline', { timeout: 120_000 }, async () => {
  process.env['TZ'] = 'UTC';
  const figures = (
    await runPages({ sizes: [10_000], runs: 10, coldRuns: 2, importQuestions: 500, log: () => {} })
  ).filter((f) => !f.page.startsWith('floor'));
  const ratios = Object.fromEntries(figures.map((f) => [key(f), Math.round(f.ratio * 10) / 10]));
  if (process.env['PREPDECK_SMOKE_BASELINE'] === 'write') {
    fs.writeFileSync(BASELINE, `${JSON.stringify(ratios, null, 2)}\n`);
    return;
  }
  const baseline = JSON.parse(fs.readFileSync(BASELINE, 'utf8')) as Record<string, number>;
  expect(Object.keys(ratios).sort()).toEqual(Object.keys(baseline).sort());
  const regressions = Object.entries(ratios)
    .filter(([page, ratio]) => ratio > 10 * baseline[page]!)
    .map(([page, ratio]) => `${page}: ${ratio}× its floor, baseline ${baseline[page]}×`);
  expect(regressions).toEqual([]);
});
