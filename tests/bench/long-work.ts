/**
 * npm run bench (or: tsx --import ./tests/bench/raw-import.mjs tests/bench/long-work.ts [answers…]): long work at
 * 100,000 answers by default, as browser mode runs it (the built worker, out/main/history-export-worker.mjs: run
 * `npm run build` first). For each size, a child process generates the store, so that this process's peak memory is
 * the server's own; then: the history export job and its streamed download over HTTP, the export of a deck of 20,000
 * questions in each format, and a backup made and downloaded the same way, then that backup restored (a job in
 * out/main/restore-check-worker.mjs), each with its time, the peak RSS so far, and a session call's latency meanwhile.
 */
process.env['TZ'] = 'UTC';

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Handlers } from '../../src/main/api';
import { dispatch } from '../../src/main/api/dispatch';
import { openAppCore } from '../../src/main/app';
import { DB_FILE, openDb } from '../../src/main/store/database';
import { startWebServer } from '../../src/main/web/server';
import type { FileResult } from '../../src/shared/transfer';
import { generateDeck, generateHistory } from './generate';
import { latencyLine, runJobTimingCalls } from './job-latency';

const WORKER = path.resolve('out/main/history-export-worker.mjs');
const RESTORE_WORKER = path.resolve('out/main/restore-check-worker.mjs');
const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/** Questions in the deck the bench exports: a big imported bank. */
const DECK_QUESTIONS = 20_000;

/** The child's part: a store of `answers` answers and a big deck in `dir`; prints the clock's "now" and the deck. */
async function generate(dir: string, answers: number): Promise<void> {
  const db = await openDb(dir);
  const history = generateHistory(db, answers);
  const deckId = generateDeck(db, DECK_QUESTIONS, history.now);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  process.stdout.write(JSON.stringify({ now: history.now, deckId }));
}

/** GETs a download, counting its bytes as they arrive (never keeping them), and times it. */
function download(port: number, url: string, token: string): Promise<{ bytes: number; seconds: number }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(
      // A fresh connection: a kept-alive one may be closed by the server while a backup is being made.
      { host: '127.0.0.1', port, path: `${url}?token=${token}`, headers: { host: `127.0.0.1:${port}` }, agent: false },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`download: HTTP ${res.statusCode}`));
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ bytes, seconds: (performance.now() - start) / 1000 }));
      },
    );
    req.on('error', reject);
  });
}

/** The backup just made, restored over the store as the Backups panel does it: a job in the restore worker. */
async function benchRestore(api: Handlers, fileName: string, sessionId: number): Promise<string[]> {
  let rows = 0;
  // When each stage was first seen (polled every 20 ms or so): where the time goes.
  const stages: Array<{ label: string; at: number }> = [];
  const restored = await runJobTimingCalls(
    api,
    async () => {
      const started = await dispatch(api, 'restoreBackup', { source: { kind: 'backup', fileName } });
      if (!started.ok) throw new Error(started.error.message);
      return started.value as { jobId: string };
    },
    sessionId,
    (progress) => {
      if (progress.stage?.unit === 'rows') rows = progress.total;
      const label = progress.stage?.label ?? '';
      if (progress.state === 'running' && stages.at(-1)?.label !== label) stages.push({ label, at: performance.now() });
    },
  );
  const ended = performance.now();
  const split = stages
    .map((s, i) => `${s.label.replace(/ \(.*\)$/, '')} ${(((stages[i + 1]?.at ?? ended) - s.at) / 1000).toFixed(1)} s`)
    .join(', ');
  if (restored.end.state !== 'done') throw new Error(`restore ${restored.end.state}: ${restored.end.error}`);
  return [
    `  restore of that backup: ${restored.seconds.toFixed(1)} s in the worker (checks, backup of the current data, ` +
      `swap of ${rows.toLocaleString('en-US')} rows); peak RSS ${peakRssMb()} MB`,
    `    ${split}`,
    `    ${latencyLine(restored.latencies)}`,
  ];
}

async function bench(answers: number): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-bench-long-'));
  try {
    const { now, deckId } = JSON.parse(
      execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--generate', dir, String(answers)], {
        encoding: 'utf8',
        maxBuffer: 1024 * 1024,
      }),
    ) as { now: number; deckId: number };
    const size = fs.statSync(path.join(dir, DB_FILE)).size;
    const rssStart = peakRssMb();
    const core = await openAppCore(
      dir,
      { now: () => now },
      {
        timers: false,
        exportWorker: { file: WORKER },
        restoreCheckWorker: { file: RESTORE_WORKER },
      },
    );
    const server = await startWebServer({ api: core.api, rendererDir: dir, downloads: core.jobs });
    const api = core.api;
    const sessionId = core.db.prepare('SELECT max(id) FROM sessions').pluck().get() as number;
    const lines = [`${answers.toLocaleString('en-US')} answers (store ${mb(size)}; server at ${rssStart} MB):`];
    try {
      const exported = await runJobTimingCalls(
        api,
        async () => {
          const started = await dispatch(api, 'startHistoryExport', undefined);
          if (!started.ok) throw new Error(started.error.message);
          return started.value as { jobId: string };
        },
        sessionId,
      );
      if (exported.end.state !== 'done') throw new Error(`export ${exported.end.state}: ${exported.end.error}`);
      process.stderr.write(`  export done in ${exported.seconds.toFixed(1)} s; downloading\n`);
      const csv = await download(server.port, exported.end.download!, server.token);
      lines.push(
        `  history export: ${exported.seconds.toFixed(1)} s in the worker, CSV ${mb(csv.bytes)} streamed in ` +
          `${csv.seconds.toFixed(1)} s; peak RSS ${peakRssMb()} MB`,
        `    ${latencyLine(exported.latencies)}`,
      );

      for (const format of ['markdown', 'json', 'csv'] as const) {
        const deck = await runJobTimingCalls(
          api,
          async () => {
            const started = await dispatch(api, 'startDeckExport', { deckId, format });
            if (!started.ok) throw new Error(started.error.message);
            return started.value as { jobId: string };
          },
          sessionId,
        );
        if (deck.end.state !== 'done') throw new Error(`deck export ${deck.end.state}: ${deck.end.error}`);
        const file = await download(server.port, deck.end.download!, server.token);
        lines.push(
          `  deck export (${DECK_QUESTIONS.toLocaleString('en-US')} questions, ${format}): ` +
            `${deck.seconds.toFixed(1)} s in the worker, ${mb(file.bytes)} streamed in ${file.seconds.toFixed(1)} s; ` +
            `peak RSS ${peakRssMb()} MB`,
          `    ${latencyLine(deck.latencies)}`,
        );
      }

      const backupStart = performance.now();
      const backup = await dispatch(api, 'createBackup', undefined);
      if (!backup.ok) throw new Error(backup.error.message);
      const made = (performance.now() - backupStart) / 1000;
      const offered = await dispatch(api, 'exportBackup', {
        fileName: (backup.value as { fileName: string }).fileName,
      });
      if (!offered.ok) throw new Error(offered.error.message);
      const file = offered.value as Extract<FileResult, { kind: 'stream' }>;
      // Session calls while the backup streams out.
      const latencies: number[] = [];
      let streaming = true;
      const timing = (async () => {
        while (streaming) {
          const t = performance.now();
          await dispatch(api, 'getSession', { sessionId });
          latencies.push(performance.now() - t);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      process.stderr.write(`  backup made in ${made.toFixed(1)} s; downloading\n`);
      const sent = await download(server.port, file.download, server.token);
      streaming = false;
      await timing;
      latencies.sort((a, b) => a - b);
      lines.push(
        `  backup: made in ${made.toFixed(1)} s, ${mb(sent.bytes)} downloaded in ${sent.seconds.toFixed(1)} s; ` +
          `peak RSS ${peakRssMb()} MB`,
        `    ${latencyLine(latencies)}`,
      );
      lines.push(...(await benchRestore(api, (backup.value as { fileName: string }).fileName, sessionId)));
    } finally {
      await server.close();
      core.close();
    }
    return lines;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === '--generate') return generate(process.argv[3]!, Number(process.argv[4]));
  if (!fs.existsSync(WORKER)) throw new Error(`${WORKER} is missing: run \`npm run build\` first.`);
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  console.log('Long work in browser mode (tests/bench/long-work.ts):');
  for (const answers of sizes.length > 0 ? sizes : [100_000]) {
    for (const line of await bench(answers)) console.log(line);
  }
}

void main();
