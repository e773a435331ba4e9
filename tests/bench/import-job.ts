/**
 * npm run bench (or: tsx --import ./tests/bench/raw-import.mjs tests/bench/import-job.ts [questions…]): committing an
 * import of 10,000 and 20,000 questions (the import limit) as the app runs it, in the built worker
 * (out/main/import-commit-worker.mjs: run `npm run build` first), while a person keeps practising: submitAnswer is
 * made and timed every 20 ms until the import is written, then graded and the next question asked.
 */
process.env['TZ'] = 'UTC';

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { CallName } from '../../src/shared/api';
import { dispatch } from '../../src/main/api/dispatch';
import { openAppCore, type AppCore } from '../../src/main/app';
import type { JobProgress } from '../../src/shared/transfer';
import { bigImportText } from './generate';
import { quantile } from './job-latency';

const WORKER = path.resolve('out/main/history-export-worker.mjs');
const IMPORT_WORKER = path.resolve('out/main/import-commit-worker.mjs');

async function call<T>(core: AppCore, name: CallName, input?: unknown): Promise<T> {
  const result = await dispatch(core.api, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

type View = { id: number; position: number; phase: string };

/** One import of `n` questions with submitAnswer timed meanwhile: the job's time and the calls' latencies. */
async function importWhilePractising(core: AppCore, n: number, advance: () => void) {
  const text = bigImportText(n, `Bench ${n}`);
  // The longest the answering thread was held at once, while the import ran: what any call could have waited.
  const held = monitorEventLoopDelay({ resolution: 5 });
  held.enable();
  const config = { count: 10, order: 'escalating' as const };
  let view = await call<View>(core, 'startSession', config);
  const begun = performance.now();
  const { jobId } = await call<{ jobId: string }>(core, 'startImport', {
    source: { kind: 'text', text, fileName: 'bench.md' },
    target: { newDeckName: `Bench ${n}` },
  });
  const latencies: number[] = [];
  for (;;) {
    const job = await call<JobProgress>(core, 'getJob', { jobId });
    if (job.state !== 'running') {
      if (job.state !== 'done') throw new Error(`import ${job.state}: ${job.error}`);
      const seconds = (performance.now() - begun) / 1000;
      held.disable();
      const heldMs = held.max / 1e6;
      return { mb: Buffer.byteLength(text) / 1e6, seconds, heldMs, latencies: latencies.sort((a, b) => a - b) };
    }
    if (view.phase === 'done') view = await call<View>(core, 'startSession', config);
    advance();
    const t = performance.now();
    const answered = await call<{ revealed: { id: number } }>(core, 'submitAnswer', {
      sessionId: view.id,
      position: view.position,
      answer: 'It uses an index and a transaction, and a cache in front of it.',
      reason: 'answer',
    });
    latencies.push(performance.now() - t);
    await call(core, 'gradeAttempt', { sessionId: view.id, attemptId: answered.revealed.id, grade: 3 });
    view = await call<View>(core, 'nextQuestion', { sessionId: view.id });
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function main(): Promise<void> {
  for (const file of [WORKER, IMPORT_WORKER]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  }
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-bench-import-'));
  let now = Date.UTC(2026, 2, 10, 9, 0);
  const core = await openAppCore(dir, { now: () => now }, { timers: false, exportWorker: { file: WORKER } });
  try {
    await call(core, 'commitImport', {
      source: { kind: 'text', text: bigImportText(40, 'Practice') },
      target: { newDeckName: 'Practice' },
    });
    console.log('Committing an import while practising (tests/bench/import-job.ts):');
    console.log(
      '| Questions | File | Import job | Longest hold of the answering thread | submitAnswer calls meanwhile | p50 | p99 | max |',
    );
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const n of sizes.length > 0 ? sizes : [10_000, 20_000]) {
      const run = await importWhilePractising(core, n, () => (now += 20_000));
      const ms = (q: number) => `${quantile(run.latencies, q).toFixed(1)} ms`;
      console.log(
        `| ${n.toLocaleString('en-US')} | ${run.mb.toFixed(1)} MB | ${run.seconds.toFixed(1)} s | ${run.heldMs.toFixed(0)} ms | ` +
          `${run.latencies.length} | ` +
          `${ms(0.5)} | ${ms(0.99)} | ${(run.latencies.at(-1) ?? 0).toFixed(1)} ms |`,
      );
    }
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
