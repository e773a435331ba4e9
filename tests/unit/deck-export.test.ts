import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi, type Handlers } from '../../src/main/api';
import { writeDeckCsv, writeDeckJson, writeDeckMarkdown } from '../../src/main/core/export';
import type { ExportMessage } from '../../src/main/jobs/export-protocol';
import { runExport, type WorkerSpec } from '../../src/main/jobs/history-export';
import { Jobs } from '../../src/main/jobs/registry';
import { openDb, openMemoryDb, type Db } from '../../src/main/store/database';
import { deckForExport } from '../../src/main/store/deck-export';
import type { ExportFormat } from '../../src/shared/transfer';
import { buildExportDeck } from './deck-export-fixture';
import { callApi, exportedDeck, failureOf } from './harness';

/** The worker from its source, through tsx: the built app runs out/main/history-export-worker.mjs instead. */
const WORKER: WorkerSpec = {
  file: path.resolve('src/main/jobs/history-export-worker.ts'),
  execArgv: ['--import', 'tsx'],
};
/** A worker that waits at each chunk until it is cancelled (or a minute passes): a running job to cancel. */
const WAITING: WorkerSpec = { ...WORKER, pauseMs: 60_000 };
const clock = { now: () => Date.UTC(2026, 2, 10, 9, 30) };
/** What the whole-deck writers made of the fixture deck before the export became a job (tests/fixtures). */
const GOLDEN = { markdown: 'deck.md', json: 'deck.json', csv: 'deck.csv' } as const;
const golden = (format: ExportFormat) =>
  fs.readFileSync(path.resolve('tests/fixtures/deck-export', GOLDEN[format]), 'utf8');
const WRITERS = { markdown: writeDeckMarkdown, json: writeDeckJson, csv: writeDeckCsv };
const FORMATS = ['markdown', 'json', 'csv'] as const;

let dir: string;
let db: Db;
let api: Handlers;
let jobs: Jobs;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-deck-export-'));
  db = await openDb(dir);
  jobs = new Jobs();
  api = createApi(db, clock, { jobs, exportWorker: WORKER });
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function run(deckId: number, format: ExportFormat, outFile: string, chunkRows: number, worker = WORKER) {
  const messages: ExportMessage[] = [];
  const job = runExport(db, { kind: 'deck', deckId, format }, outFile, worker, (m) => messages.push(m), chunkRows);
  return { messages, job };
}

describe('the deck export job', () => {
  it.each(FORMATS)('writes %s in a worker, byte for byte what the whole-deck writer wrote', async (format) => {
    const deckId = await buildExportDeck(api, db, 13);
    const whole = WRITERS[format](deckForExport(db, deckId)!);
    expect(whole).toBe(golden(format));
    // Chunk sizes that cut the deck's sections and the JSON array at different places.
    for (const chunkRows of [1, 2, 5, 200]) {
      const out = path.join(dir, `deck-${chunkRows}.${format}`);
      expect(await run(deckId, format, out, chunkRows).job.finished).toMatchObject({ type: 'done', done: 12 });
      expect(fs.readFileSync(out, 'utf8')).toBe(whole);
    }
    // Through the call, in browser mode: the same file, to download.
    expect((await exportedDeck(api, jobs, deckId, format)).text).toBe(whole);
  });

  it('writes the same on this thread without a worker (an in-memory store), an empty deck too', async () => {
    const memory = openMemoryDb();
    const memoryJobs = new Jobs();
    const inline = createApi(memory, clock, { jobs: memoryJobs });
    const deckId = await buildExportDeck(inline, memory, 13);
    const empty = await callApi(inline, 'createDeck', { name: 'Nothing yet', description: '', levels: ['Junior'] });
    for (const format of FORMATS) {
      expect((await exportedDeck(inline, memoryJobs, deckId, format)).text).toBe(golden(format));
      expect((await exportedDeck(inline, memoryJobs, empty.id, format)).text).toBe(
        WRITERS[format](deckForExport(memory, empty.id)!),
      );
    }
    memory.close();
  });

  it('reports questions done of the total, chunk by chunk', async () => {
    const deckId = await buildExportDeck(api, db, 13);
    const { messages, job } = run(deckId, 'json', path.join(dir, 'deck.json'), 5);
    expect(await job.finished).toMatchObject({ type: 'done', done: 12 });
    expect(messages).toEqual([
      { type: 'total', total: 12 },
      { type: 'progress', done: 5 },
      { type: 'progress', done: 10 },
      { type: 'progress', done: 12 },
    ]);
  });

  it('removes its partial file when cancelled', async () => {
    const deckId = await buildExportDeck(api, db, 13);
    const out = path.join(dir, 'deck.md');
    let existed = false;
    const messages: ExportMessage[] = [];
    const job = runExport(db, { kind: 'deck', deckId, format: 'markdown' }, out, WAITING, (message) => {
      messages.push(message);
      existed = fs.existsSync(out);
      job.cancel();
    });
    expect(await job.finished).toEqual({ type: 'cancelled' });
    expect(messages).toEqual([{ type: 'total', total: 12 }]);
    expect(existed).toBe(true);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('cancelled in the desktop app, leaves nothing in the chosen folder', async () => {
    const deckId = await buildExportDeck(api, db, 13);
    const folder = path.join(dir, 'chosen');
    fs.mkdirSync(folder);
    const desktop = createApi(db, clock, {
      jobs,
      exportWorker: WAITING,
      dialogs: { openFile: () => Promise.resolve(null), saveFile: () => Promise.resolve(path.join(folder, 'x.md')) },
    });
    const started = await callApi(desktop, 'startDeckExport', { deckId, format: 'markdown' });
    // The job is running (the worker waits before its first chunk until cancelled).
    expect(await callApi(desktop, 'getJob', started!)).toMatchObject({ state: 'running', fileName: 'x.md' });
    expect(await callApi(desktop, 'cancelJob', started!)).toMatchObject({ state: 'cancelled', path: null });
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('says clearly when the deck does not exist, or is deleted before the job reads it, and writes nothing', async () => {
    const deckId = await buildExportDeck(api, db, 3);
    await callApi(api, 'deleteDeck', { id: deckId });
    expect(await failureOf(api, 'startDeckExport', { deckId, format: 'csv' })).toEqual({
      code: 'not_found',
      message: `Deck ${deckId} does not exist (it may have been deleted).`,
    });
    const out = path.join(dir, 'gone.csv');
    expect(await run(deckId, 'csv', out, 5).job.finished).toEqual({
      type: 'failed',
      code: 'not_found',
      message: 'The deck was deleted before its export could start.',
    });
    expect(fs.existsSync(out)).toBe(false);
  });
});
