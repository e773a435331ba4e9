/**
 * Committing an import as a job, in the worker the built app runs (here from its source, through tsx): progress
 * advances to the total, Cancel and a failure leave the store byte for byte as it was, and so does a worker that
 * dies mid-write.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src/main/api';
import type { WorkerSpec } from '../../src/main/jobs/history-export';
import { importStagingDir, importWorkerBeside, runImportCommit } from '../../src/main/jobs/import-commit';
import type { ImportCommitMessage, ImportCommitTask } from '../../src/main/jobs/import-protocol';
import { Jobs } from '../../src/main/jobs/registry';
import { openDb, type Db } from '../../src/main/store/database';
import { callApi, failureOf, jobFinished, storeFileHash } from './harness';

/** The app hands the api its export worker; the import worker is the one beside it. */
const EXPORT_WORKER: WorkerSpec = {
  file: path.resolve('src/main/jobs/history-export-worker.ts'),
  execArgv: ['--import', 'tsx'],
};
const WORKER = importWorkerBeside(EXPORT_WORKER)!;
const NOW = Date.UTC(2026, 2, 10, 9, 30);
const clock = { now: () => NOW };

let dir: string;
let db: Db;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-import-job-'));
  db = await openDb(dir);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A Markdown deck of `n` questions, each with two keywords. */
function deck(n: number, name = 'Big'): string {
  const questions = Array.from(
    { length: n },
    (_, i) =>
      `### Question ${i + 1}: what does case ${i + 1} do?\n\nKeywords: case ${i % 50}; index\n\nIt does ${i + 1}.\n`,
  );
  return `# ${name}\n\nLevels: Junior\n\n## Junior\n\n${questions.join('\n')}`;
}

const counts = () =>
  db
    .prepare(
      `SELECT (SELECT count(*) FROM decks) AS decks, (SELECT count(*) FROM questions) AS questions,
              (SELECT count(*) FROM keywords) AS keywords, (SELECT count(*) FROM question_keywords) AS links`,
    )
    .get();

const staging = () => importStagingDir(db, { sweep: false });
/** The staging files left in the store's folder. */
const staged = () => (fs.existsSync(staging()) ? fs.readdirSync(staging()) : []);

const request = (n: number, name = 'Big') => ({
  request: {
    source: { kind: 'text' as const, text: deck(n) },
    duplicates: 'skip' as const,
    target: { newDeckName: name },
  },
  picked: null,
  now: NOW,
});

describe('committing an import as a job', () => {
  it('keeps keywords apart as the store does: ASCII case folds, other letters do not', async () => {
    const text = `# Umlauts\n\nLevels: Junior\n\n## Junior\n\n### What is Ärger?\n\nKeywords: Ärger; Index\n\nA.\n\n### And ärger?\n\nKeywords: ärger; INDEX\n\nB.\n`;
    const end = await runImportCommit(
      db,
      { ...request(0), request: { ...request(0).request, source: { kind: 'text', text } } },
      staging(),
      WORKER,
      () => {},
    ).finished;
    expect(end.type).toBe('done');
    const links = db
      .prepare(
        `SELECT q.prompt, k.label FROM question_keywords qk JOIN questions q ON q.id = qk.question_id
           JOIN keywords k ON k.id = qk.keyword_id WHERE k.label IN ('Ärger', 'ärger', 'Index') ORDER BY q.prompt, k.label`,
      )
      .all();
    expect(links).toEqual([
      { prompt: 'And ärger?', label: 'Index' },
      { prompt: 'And ärger?', label: 'ärger' },
      { prompt: 'What is Ärger?', label: 'Index' },
      { prompt: 'What is Ärger?', label: 'Ärger' },
    ]);
  });

  it('writes in a worker, its progress advancing chunk by chunk to the total, and reports what it wrote', async () => {
    const messages: ImportCommitMessage[] = [];
    const end = await runImportCommit(db, request(1050), staging(), WORKER, (m) => messages.push(m), 200).finished;
    expect(end).toEqual({
      type: 'done',
      result: { deckId: expect.any(Number), deckName: 'Big', created: 1050, updated: 0, skipped: 0 },
    });
    expect(messages).toEqual([
      { type: 'total', total: 1050 },
      ...[200, 400, 600, 800, 1000, 1050].map((done) => ({ type: 'progress', done })),
    ]);
    expect(counts()).toEqual({ decks: 1, questions: 1050, keywords: 51, links: 2100 });
  });

  it('is polled through the api as any job, and ends with what commitImport answers', async () => {
    const api = createApi(db, clock, { jobs: new Jobs(), exportWorker: EXPORT_WORKER });
    const { jobId } = await callApi(api, 'startImport', {
      source: { kind: 'text', text: deck(30) },
      target: { newDeckName: 'Big' },
    });
    const done = await jobFinished(api, jobId);
    expect(done).toMatchObject({ state: 'done', done: 30, total: 30, error: null });
    expect(done.imported).toEqual({ deckId: expect.any(Number), deckName: 'Big', created: 30, updated: 0, skipped: 0 });
    // Again: every question is in the deck now, so all are skipped, and nothing is written.
    const again = await callApi(api, 'commitImport', {
      source: { kind: 'text', text: deck(30) },
      target: { deckId: done.imported!.deckId },
    });
    expect(again).toMatchObject({ created: 0, updated: 0, skipped: 30 });
    expect(counts()).toMatchObject({ decks: 1, questions: 30 });
  });

  it('says a taken deck name and an invalid file in the same words as before, as a job and as commitImport', async () => {
    const api = createApi(db, clock, { jobs: new Jobs(), exportWorker: EXPORT_WORKER });
    await callApi(api, 'commitImport', { source: { kind: 'text', text: deck(2) }, target: { newDeckName: 'Taken' } });
    const taken = { source: { kind: 'text' as const, text: deck(2) }, target: { newDeckName: 'Taken' } };
    const conflict = await failureOf(api, 'commitImport', taken);
    expect(conflict).toEqual({
      code: 'conflict',
      message: 'There is already a deck called “Taken”. Import into it, or give the new deck another name.',
    });
    const job = await jobFinished(api, (await callApi(api, 'startImport', taken)).jobId);
    expect(job).toMatchObject({ state: 'failed', error: conflict.message, imported: null });

    const broken = {
      source: { kind: 'text' as const, text: '{"version": 9', fileName: 'b.json' },
      target: { newDeckName: 'B' },
    };
    const invalid = await failureOf(api, 'commitImport', broken);
    expect(invalid.code).toBe('invalid_input');
    expect(invalid.message).toMatch(/Nothing was imported\.$/);
    const failed = await jobFinished(api, (await callApi(api, 'startImport', broken)).jobId);
    expect(failed).toMatchObject({ state: 'failed', error: invalid.message });
    expect(counts()).toMatchObject({ decks: 1, questions: 2 });
  });

  it('cancelled between chunks, rolls the whole import back: the store is byte for byte as it was', async () => {
    const before = storeFileHash(db, dir);
    const paused = { ...WORKER, pauseMs: 20 };
    const messages: ImportCommitMessage[] = [];
    const run = runImportCommit(
      db,
      request(1000),
      staging(),
      paused,
      (m) => {
        messages.push(m);
        if (m.type === 'progress' && m.done === 200) run.cancel();
      },
      100,
    );
    expect(await run.finished).toEqual({ type: 'cancelled' });
    expect(messages.at(-1)).toEqual({ type: 'progress', done: 200 });
    expect(counts()).toEqual({ decks: 0, questions: 0, keywords: 0, links: 0 });
    expect(storeFileHash(db, dir)).toBe(before);
  });
});

describe('an import job that does not finish, or writes beside other work', () => {
  it('that fails in its final step leaves nothing of the import, nor its staging file', async () => {
    db.prepare("INSERT INTO decks (name, created_at, updated_at) VALUES ('Kept', 1, 1)").run();
    // The 700th question cannot be written: the final step's copy fails part-way through.
    db.exec(`CREATE TRIGGER fail_late BEFORE INSERT ON questions WHEN (SELECT count(*) FROM questions) >= 699
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END;`);
    const before = storeFileHash(db, dir);
    const end = await runImportCommit(db, request(1000), staging(), WORKER, () => {}, 100).finished;
    expect(end).toMatchObject({ type: 'failed', code: 'conflict' });
    expect(storeFileHash(db, dir)).toBe(before);
    expect(staged()).toEqual([]);
    db.exec('DROP TRIGGER fail_late');
    expect(counts()).toEqual({ decks: 1, questions: 0, keywords: 0, links: 0 });
  });

  it('never locks the store while it stages: a write made meanwhile goes through at once', async () => {
    const run = runImportCommit(
      db,
      request(1000),
      staging(),
      { ...WORKER, pauseMs: 60_000 },
      (m) => {
        if (m.type !== 'progress') return;
        // The worker waits mid-staging; were it holding the write lock, this would throw SQLITE_BUSY after 5 s.
        db.pragma('busy_timeout = 0');
        db.prepare("INSERT INTO decks (name, created_at, updated_at) VALUES ('Meanwhile', 1, 1)").run();
        db.pragma('busy_timeout = 5000');
        run.cancel();
      },
      100,
    );
    expect(await run.finished).toEqual({ type: 'cancelled' });
    expect(counts()).toEqual({ decks: 1, questions: 0, keywords: 0, links: 0 });
    expect(staged()).toEqual([]);
  });

  it('merges its keywords as a save does: one keyword per label, the aliases it lacks added', async () => {
    const api = createApi(db, clock, { jobs: new Jobs(), exportWorker: EXPORT_WORKER });
    const one = (title: string, keywords: string) => `### ${title}\n\nKeywords: ${keywords}\n\nAn answer.\n`;
    const file = (name: string, ...questions: string[]) =>
      `# ${name}\n\nLevels: Junior\n\n## Junior\n\n${questions.join('\n')}`;
    await callApi(api, 'commitImport', {
      source: { kind: 'text', text: file('A', one('Q1?', 'Index | idx')) },
      target: { newDeckName: 'A' },
    });
    const text = file('B', one('Q2?', 'INDEX | btree; index | idx2 | IDX'), one('Q3?', 'cache | lru; Cache | memo'));
    const b = await callApi(api, 'commitImport', { source: { kind: 'text', text }, target: { newDeckName: 'B' } });
    const keywords = db.prepare('SELECT label, aliases FROM keywords ORDER BY id').all();
    expect(keywords).toEqual([
      { label: 'Index', aliases: '["idx","btree","idx2"]' },
      { label: 'cache', aliases: '["lru","memo"]' },
    ]);
    const links = db
      .prepare(
        `SELECT q.prompt, k.label, qk.position FROM question_keywords qk JOIN questions q ON q.id = qk.question_id
           JOIN keywords k ON k.id = qk.keyword_id WHERE q.deck_id = ? ORDER BY q.position, qk.position`,
      )
      .all(b.deckId);
    expect(links).toEqual([
      { prompt: 'Q2?', label: 'Index', position: 0 },
      { prompt: 'Q3?', label: 'cache', position: 0 },
    ]);
  });

  it('whose worker dies mid-way leaves the store as it was, and its staging file is gone at the next start', async () => {
    const before = storeFileHash(db, dir);
    const task: ImportCommitTask = {
      ...request(1000),
      dbFile: db.name,
      stageFile: path.join(staging(), 'prepdeck-import-dead.sqlite'),
      cancel: new SharedArrayBuffer(4),
      chunkSteps: 100,
      pauseMs: 60_000,
    };
    fs.mkdirSync(staging(), { recursive: true });
    const worker = new Worker(WORKER.file, { workerData: task, execArgv: WORKER.execArgv });
    // It has staged a chunk and waits when it is killed.
    await new Promise<void>((resolve) =>
      worker.on('message', (m: ImportCommitMessage) => void (m.type === 'progress' && resolve())),
    );
    await worker.terminate();
    expect(staged()).toEqual(['prepdeck-import-dead.sqlite']);
    expect(storeFileHash(db, dir)).toBe(before);
    createApi(db, clock, { jobs: new Jobs(), exportWorker: EXPORT_WORKER });
    expect(staged()).toEqual([]);
    expect(counts()).toEqual({ decks: 0, questions: 0, keywords: 0, links: 0 });
  });
});
