import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runPages, type Figure } from '../bench/pages';

/**
 * The page benchmark, small (10,000 answers), as a guard: each page's CPU time (p50) as a multiple of a
 * fixed piece of CPU work timed in the same process may not grow to ten times what it was when the
 * baseline was written. CPU time, not the wall clock: a machine busy with other work (the rest of the
 * suite, in parallel) makes a page wait, and makes an fsync wait, but does not make it compute more.
 * No figure in milliseconds is asserted. PREPDECK_SMOKE_BASELINE=write rewrites the baseline after a
 * deliberate change.
 */
const BASELINE = path.join(import.meta.dirname, '../bench/smoke-baseline.json');
const key = (f: Figure): string => `${f.page} (${f.mode})`;

/** CPU milliseconds of a fixed arithmetic loop: the unit the pages are measured in (median of 7). */
function referenceCpuMs(): number {
  const runs: number[] = [];
  for (let r = 0; r < 7; r++) {
    const start = process.cpuUsage();
    let x = 0;
    for (let i = 0; i < 3_000_000; i++) x = (x * 31 + i) % 1_000_003;
    const used = process.cpuUsage(start);
    if (x < 0) throw new Error('unreachable');
    runs.push((used.user + used.system) / 1000);
  }
  return runs.sort((a, b) => a - b)[3]!;
}

it('no page takes ten times the CPU, against a fixed reference, of its baseline', { timeout: 120_000 }, async () => {
  process.env['TZ'] = 'UTC';
  const figures = (
    await runPages({ sizes: [10_000], runs: 10, coldRuns: 2, importQuestions: 500, log: () => {} })
  ).filter((f) => !f.page.startsWith('floor'));
  const unit = referenceCpuMs();
  const ratios = Object.fromEntries(figures.map((f) => [key(f), Math.round((f.cpuP50 / unit) * 100) / 100]));
  if (process.env['PREPDECK_SMOKE_BASELINE'] === 'write') {
    fs.writeFileSync(BASELINE, `${JSON.stringify(ratios, null, 2)}\n`);
    return;
  }
  const baseline = JSON.parse(fs.readFileSync(BASELINE, 'utf8')) as Record<string, number>;
  expect(Object.keys(ratios).sort()).toEqual(Object.keys(baseline).sort());
  const regressions = Object.entries(ratios)
    .filter(([page, ratio]) => ratio > 10 * baseline[page]!)
    .map(([page, ratio]) => `${page}: ${ratio}× the reference CPU work, baseline ${baseline[page]}×`);
  expect(regressions).toEqual([]);
});
