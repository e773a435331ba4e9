/**
 * npm run bench (or: tsx tests/bench/history-export.ts [answers]): the history export at 100,000 answers by
 * default, in its worker, while a session call is made every 20 ms. Prints the export's time, the process's peak
 * RSS, and the session call's latency (median, p95, max) during it.
 */
process.env['TZ'] = 'UTC';

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApi } from '../../src/main/api';
import { dispatch } from '../../src/main/api/dispatch';
import { openDb } from '../../src/main/store/database';
import { generateHistory } from './generate';

const answers = Number(process.argv[2]) || 100_000;
const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-bench-export-'));
  try {
    const db = await openDb(dir);
    const history = generateHistory(db, answers);
    const size = fs.statSync(path.join(dir, 'prepdeck.sqlite')).size;
    const clock = { now: () => history.now };
    const api = createApi(db, clock, {
      exportWorker: { file: path.resolve('src/main/jobs/history-export-worker.ts'), execArgv: ['--import', 'tsx'] },
    });
    const sessionId = (db.prepare('SELECT max(id) AS id FROM sessions').get() as { id: number }).id;
    const rssBefore = peakRssMb();

    const start = performance.now();
    const started = (await dispatch(api, 'startHistoryExport', undefined)) as { ok: true; value: { jobId: string } };
    const { jobId } = started.value;
    const latencies: number[] = [];
    let state = 'running';
    let bytes = 0;
    while (state === 'running') {
      const t = performance.now();
      const session = await dispatch(api, 'getSession', { sessionId });
      latencies.push(performance.now() - t);
      if (!session.ok) throw new Error(session.error.message);
      const job = (await dispatch(api, 'getJob', { jobId })) as {
        ok: true;
        value: { state: string; download: string | null };
      };
      state = job.value.state;
      if (state === 'running') await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const seconds = (performance.now() - start) / 1000;
    const file = path.join(os.tmpdir(), `prepdeck-export-${jobId}.csv`);
    bytes = fs.statSync(file).size;
    fs.rmSync(file, { force: true });
    latencies.sort((a, b) => a - b);
    const rssWorker = peakRssMb();

    console.log(`History export, ${answers.toLocaleString('en-US')} answers (store ${(size / 1e6).toFixed(0)} MB):`);
    console.log(
      `  worker, streamed:   ${seconds.toFixed(1)} s, file ${(bytes / 1e6).toFixed(0)} MB, peak RSS ${rssWorker} MB (${rssBefore} MB before)`,
    );
    console.log(
      `  getSession during it: ${latencies.length} calls, median ${quantile(latencies, 0.5).toFixed(1)} ms, p95 ${quantile(latencies, 0.95).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
    );
    db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
