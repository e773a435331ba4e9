import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src/main/api';
import type { ExportMessage } from '../../src/main/jobs/export-protocol';
import { runExport, type WorkerSpec } from '../../src/main/jobs/history-export';
import { Jobs } from '../../src/main/jobs/registry';
import { openDb, type Db } from '../../src/main/store/database';
import { startWebServer } from '../../src/main/web/server';
import { generateHistory } from '../bench/generate';
import { callApi, failureOf, jobFinished, restoreDone } from './harness';

/** The worker from its source, through tsx: the built app runs out/main/history-export-worker.mjs instead. */
const WORKER: WorkerSpec = {
  file: path.resolve('src/main/jobs/history-export-worker.ts'),
  execArgv: ['--import', 'tsx'],
};
const NOW = Date.UTC(2026, 2, 10, 9, 30);
const clock = { now: () => NOW };

let dir: string;
let db: Db;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-history-export-'));
  db = await openDb(dir);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function run(outFile: string, chunkRows: number, onProgress?: (done: number, cancel: () => void) => void) {
  const messages: ExportMessage[] = [];
  const job = runExport(
    db,
    { kind: 'history' },
    outFile,
    WORKER,
    (message) => {
      messages.push(message);
      if (message.type === 'progress') onProgress?.(message.done, job.cancel);
    },
    chunkRows,
  );
  return { messages, finished: job.finished };
}

describe('the history export job', () => {
  it('writes, in a worker, every answer the store holds, as an independent parser and query read them', async () => {
    generateHistory(db, 1500);
    const jobs = new Jobs();
    const api = createApi(db, clock, { jobs, exportWorker: WORKER });
    const started = await callApi(api, 'startHistoryExport');
    const done = await jobFinished(api, started!.jobId);
    expect(done).toMatchObject({
      state: 'done',
      done: 1500,
      total: 1500,
      fileName: 'prepdeck-history-2026-03-10.csv',
      download: `/download/${started!.jobId}`,
    });
    const file = jobs.takeDownload(started!.jobId)!;
    const text = fs.readFileSync(file.file, 'utf8');
    file.sent();

    // The reference is written here, not taken from the export's code: csv-parse reads the file, plain SQL the store.
    const rows = parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
    const expected = db
      .prepare(
        `SELECT a.session_id AS session, q.prompt, a.answer, a.keyword_score AS score,
                (SELECT count(*) FROM attempt_keywords ak WHERE ak.attempt_id = a.id AND ak.hit = 1) AS named
           FROM attempts a JOIN questions q ON q.id = a.question_id
          ORDER BY a.answered_at, a.session_id, a.position`,
      )
      .all() as Array<{ session: number; prompt: string; answer: string; score: number | null; named: number }>;
    expect(rows).toHaveLength(1500);
    expect(new Set(expected.map((e) => e.named)).size).toBeGreaterThan(1);
    rows.forEach((row, i) => {
      const e = expected[i]!;
      expect(row['session']).toBe(String(e.session));
      expect(row['question']).toBe(e.prompt);
      expect(row['answer']).toBe(e.answer);
      expect(row['keyword score (%)']).toBe(e.score === null ? '' : String(Math.round(e.score * 100)));
      expect(row['keywords named'] === '' ? 0 : row['keywords named']!.split('; ').length).toBe(e.named);
    });
    expect(text.split('\r\n')).toHaveLength(1502);
  });

  it('reports rows done of the total, chunk by chunk', async () => {
    generateHistory(db, 1000);
    const out = path.join(dir, 'history.csv');
    const { messages, finished: end } = run(out, 300);
    expect(await end).toMatchObject({ type: 'done', done: 1000 });
    expect(messages).toEqual([
      { type: 'total', total: 1000 },
      { type: 'progress', done: 300 },
      { type: 'progress', done: 600 },
      { type: 'progress', done: 900 },
      { type: 'progress', done: 1000 },
    ]);
    const lines = fs.readFileSync(out, 'utf8').split('\r\n');
    expect(lines[0]).toMatch(/^\uFEFFdate,session,deck,question,/);
    expect(lines).toHaveLength(1002);
  });

  it('removes its partial file when cancelled', async () => {
    generateHistory(db, 10_000);
    const out = path.join(dir, 'history.csv');
    let sizeWhenCancelled = 0;
    const { finished: end } = run(out, 50, (done, cancel) => {
      if (done === 50) {
        sizeWhenCancelled = fs.statSync(out).size;
        cancel();
      }
    });
    expect(await end).toEqual({ type: 'cancelled' });
    expect(sizeWhenCancelled).toBeGreaterThan(0);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.csv'))).toEqual([]);
  });

  it('saves in the desktop app where the person chose, through a temporary file renamed at the end', async () => {
    generateHistory(db, 200);
    const target = path.join(dir, 'mine.csv');
    const desktop = (save: string | null) =>
      createApi(db, clock, {
        exportWorker: WORKER,
        dialogs: { openFile: () => Promise.resolve(null), saveFile: () => Promise.resolve(save) },
      });
    expect(await callApi(desktop(null), 'startHistoryExport')).toBeNull();
    const api = desktop(target);
    const started = await callApi(api, 'startHistoryExport');
    expect(await jobFinished(api, started!.jobId)).toMatchObject({
      state: 'done',
      done: 200,
      path: target,
      fileName: 'mine.csv',
      download: null,
    });
    expect(fs.readFileSync(target, 'utf8').split('\r\n')).toHaveLength(202);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.part'))).toEqual([]);
  });

  it('runs in chunks on this thread without a worker (in-memory stores), and cancels there too', async () => {
    const jobs = new Jobs();
    const memory = createApi(db, clock, { jobs });
    generateHistory(db, 300);
    const started = await callApi(memory, 'startHistoryExport');
    const cancelled = await callApi(memory, 'cancelJob', { jobId: started!.jobId });
    expect(cancelled.state).toBe('cancelled');
    expect(fs.readdirSync(os.tmpdir()).filter((f) => f.includes(started!.jobId))).toEqual([]);
    expect((await failureOf(memory, 'getJob', { jobId: '00000000-0000-0000-0000-000000000000' })).code).toBe(
      'not_found',
    );
  });
});

describe('streamed downloads and uploads in browser mode', () => {
  function get(port: number, pathname: string, headers: Record<string, string> = {}, method = 'GET', body?: Buffer) {
    return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, path: pathname, method, headers: { host: `127.0.0.1:${port}`, ...headers } },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  it('is refused without the token, sent once with it, as a chunked attachment, then removed', async () => {
    generateHistory(db, 500);
    const jobs = new Jobs();
    const api = createApi(db, clock, { jobs, exportWorker: WORKER });
    const server = await startWebServer({ api, rendererDir: dir, downloads: jobs });
    try {
      const started = await callApi(api, 'startHistoryExport');
      const done = await jobFinished(api, started!.jobId);
      const url = `${done.download}`;
      const tempFile = path.join(os.tmpdir(), `prepdeck-export-${started!.jobId}.csv`);
      expect(fs.existsSync(tempFile)).toBe(true);

      expect((await get(server.port, url)).status).toBe(401);
      expect((await get(server.port, `${url}?token=wrong`)).status).toBe(401);
      expect((await get(server.port, `${url}?token=${server.token}`, { host: 'evil.example' })).status).toBe(403);
      expect((await get(server.port, `${url}?token=${server.token}`, { origin: 'http://evil.example' })).status).toBe(
        403,
      );

      const response = await get(server.port, `${url}?token=${server.token}`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="prepdeck-history-2026-03-10.csv"; filename*=UTF-8''prepdeck-history-2026-03-10.csv`,
      );
      expect(response.headers['transfer-encoding']).toBe('chunked');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body.split('\r\n')).toHaveLength(502);
      // The page follows the download's bytes through the job.
      const size = Buffer.byteLength(response.body);
      expect(done.size).toBe(size);
      expect(await callApi(api, 'getJob', { jobId: started!.jobId })).toMatchObject({ size, sent: size });
      expect(fs.existsSync(tempFile)).toBe(false);
      expect((await get(server.port, `${url}?token=${server.token}`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('takes a backup to restore as a streamed upload, with the token only, and restores from it', async () => {
    generateHistory(db, 50);
    const jobs = new Jobs();
    const api = createApi(db, clock, { dataDir: dir, jobs });
    const backup = await callApi(api, 'createBackup');
    const bytes = fs.readFileSync(path.join(dir, 'backups', backup.fileName));
    db.prepare('DELETE FROM attempts').run();
    const server = await startWebServer({ api, rendererDir: dir, uploads: jobs });
    try {
      expect((await get(server.port, '/upload', {}, 'POST', bytes)).status).toBe(401);
      expect((await get(server.port, '/upload', { 'x-prepdeck-token': server.token })).status).toBe(405);
      const answer = await get(
        server.port,
        '/upload',
        { 'x-prepdeck-token': server.token, 'x-file-name': encodeURIComponent('mine.sqlite') },
        'POST',
        bytes,
      );
      expect(answer.status).toBe(200);
      const { id } = (JSON.parse(answer.body) as { value: { id: string } }).value;
      const uploaded = path.join(os.tmpdir(), `prepdeck-upload-${id}`);
      expect(fs.readFileSync(uploaded).equals(bytes)).toBe(true);

      const restored = await restoreDone(api, { source: { kind: 'uploaded', id } });
      expect(restored.restored.attempts).toBe(50);
      expect(fs.existsSync(uploaded)).toBe(false);
      expect((await failureOf(api, 'restoreBackup', { source: { kind: 'uploaded', id } })).code).toBe('not_found');
    } finally {
      await server.close();
    }
  });
});
