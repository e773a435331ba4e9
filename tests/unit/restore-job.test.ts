import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi, type Handlers } from '../../src/main/api';
import { RESTORING } from '../../src/main/api/restore-job';
import type { WorkerSpec } from '../../src/main/jobs/history-export';
import { runRestore } from '../../src/main/jobs/restore-check';
import type { RestoreMessage } from '../../src/main/jobs/restore-steps';
import { openDb, type Db } from '../../src/main/store/database';
import type { JobProgress } from '../../src/shared/transfer';
import { generateHistory } from '../bench/generate';
import { callApi, failureOf, jobFinished, restoreDone, restoreJob, storeFileHash } from './harness';

/** The worker from its source, through tsx: the built app runs out/main/restore-check-worker.mjs instead. */
const WORKER: WorkerSpec = {
  file: path.resolve('src/main/jobs/restore-check-worker.ts'),
  execArgv: ['--import', 'tsx'],
};
/** Waits before each chunk of the swap until cancelled: the swap's transaction is open, and held there. */
const HELD: WorkerSpec = { ...WORKER, pauseMs: 600_000 };
const clock = { now: () => Date.UTC(2026, 2, 10, 9, 30) };

let dir: string;
let db: Db;
const backupsDir = (): string => path.join(dir, 'backups');
const replacedBackups = (): string[] => fs.readdirSync(backupsDir()).filter((f) => f.startsWith('replaced-'));
const deckNames = async (api: Handlers): Promise<string[]> =>
  (await callApi(api, 'listDecks')).map((d) => d.name).sort();

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-restore-job-'));
  db = await openDb(dir);
  generateHistory(db, 600);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A backup of the generated history, then a change after it (a deck more): what a restore must undo. */
async function backedUpThenChanged(api: Handlers): Promise<{ fileName: string; backedUp: string[] }> {
  const backedUp = await deckNames(api);
  const { fileName } = await callApi(api, 'createBackup');
  await callApi(api, 'createDeck', { name: 'Made after the backup' });
  return { fileName, backedUp };
}

/** The job, polled as the page does, until its stage is `label`. */
const untilStage = (api: Handlers, jobId: string, label: string): Promise<JobProgress> =>
  jobFinished(api, jobId, (progress) => progress.stage?.label === label);

describe('a restore as a job, in its worker', () => {
  it('goes through its stages, counting bytes and then every row of the backup, and the app reads the result', async () => {
    const api = createApi(db, clock, { dataDir: dir, restoreCheckWorker: WORKER });
    const { fileName, backedUp } = await backedUpThenChanged(api);
    const backup = path.join(backupsDir(), fileName);
    // Counted independently: every row of every table of the backup.
    const probe = new Database(backup, { readonly: true });
    const tables = probe
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all();
    const rows = tables.reduce(
      (n, t) => n + (probe.prepare(`SELECT count(*) FROM "${t.name}"`).pluck().get() as number),
      0,
    );
    probe.close();

    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-restore-work-'));
    const seen: Array<Extract<RestoreMessage, { type: 'progress' }>> = [];
    const replaced = path.join(backupsDir(), 'replaced-by-test.sqlite');
    const run = runRestore(db, { source: backup, workDir: work, replacedFile: replaced, chunkRows: 250 }, WORKER, (m) =>
      seen.push(m),
    );
    const end = await run.finished;
    fs.rmSync(work, { recursive: true, force: true });

    expect(end).toEqual({
      type: 'done',
      restored: { decks: backedUp.length, questions: expect.any(Number), attempts: 600 },
    });
    expect(seen.map((m) => m.stage).filter((s, i, all) => s !== all[i - 1])).toEqual([
      'reading',
      'checking',
      'backing-up',
      'checking-backup',
      'replacing',
      'finishing',
    ]);
    const reading = seen.filter((m) => m.stage === 'reading');
    expect(reading.at(-1)).toMatchObject({ done: fs.statSync(backup).size, total: fs.statSync(backup).size });
    const replacing = seen.filter((m) => m.stage === 'replacing');
    expect(replacing.every((m) => m.total === rows)).toBe(true);
    expect(replacing.length).toBeGreaterThan(rows / 250);
    expect(replacing.map((m) => m.done)).toEqual([...replacing.map((m) => m.done)].sort((a, b) => a - b));
    expect(replacing.at(-1)!.done).toBe(rows);

    // The main connection, its cached statements included, sees the restored data, and writes go on.
    expect(await deckNames(api)).toEqual(backedUp);
    expect((await callApi(api, 'listBackups')).current.attempts).toBe(600);
    await callApi(api, 'createDeck', { name: 'Made after the restore' });
    expect(await deckNames(api)).toContain('Made after the restore');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses writes while it runs, answers reads, and cancelled mid-swap changes nothing', async () => {
    const api = createApi(db, clock, { dataDir: dir, restoreCheckWorker: HELD });
    const { fileName } = await backedUpThenChanged(api);
    const before = await deckNames(api);
    const hash = storeFileHash(db, dir);

    const { jobId } = await callApi(api, 'restoreBackup', { source: { kind: 'backup', fileName } });
    const swapping = await untilStage(api, jobId, 'Replacing your data');
    expect(swapping).toMatchObject({ state: 'running', stage: { unit: 'rows', cancellable: true } });
    expect(swapping.total).toBeGreaterThan(600);
    // The swap's transaction is open in the worker: reads answer with the data as it was, writes are refused.
    expect(await deckNames(api)).toEqual(before);
    expect(await failureOf(api, 'createDeck', { name: 'Meanwhile' })).toEqual({ code: 'conflict', message: RESTORING });
    expect((await failureOf(api, 'restoreBackup', { source: { kind: 'backup', fileName } })).code).toBe('conflict');

    expect((await callApi(api, 'cancelJob', { jobId })).state).toBe('cancelled');
    expect(await deckNames(api)).toEqual(before);
    expect(storeFileHash(db, dir)).toBe(hash);
    expect(replacedBackups()).toEqual([]);
    // Over: writes are taken again.
    await callApi(api, 'createDeck', { name: 'After the cancel' });
  });

  it('a swap that fails midway changes nothing and keeps no backup of the data it did not replace', async () => {
    const api = createApi(db, clock, { dataDir: dir, restoreCheckWorker: WORKER });
    const { fileName } = await backedUpThenChanged(api);
    // A backup that passes every check but breaks a rule of the live schema (two decks of one name): the copy of
    // the decks table fails after the tables before it have been copied.
    const odd = new Database(path.join(backupsDir(), fileName));
    for (const index of odd
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'decks' AND sql IS NOT NULL")
      .pluck()
      .all() as string[]) {
      odd.exec(`DROP INDEX "${index}"`);
    }
    odd.exec(
      "INSERT INTO decks (name, description, levels, created_at, updated_at) SELECT name, '', levels, 1, 1 FROM decks LIMIT 1",
    );
    odd.close();
    const before = await deckNames(api);
    const hash = storeFileHash(db, dir);

    const end = await restoreJob(api, { source: { kind: 'backup', fileName } });
    expect(end.state).toBe('failed');
    expect(end.error).toMatch(/^The restore failed: UNIQUE constraint failed: decks\.name.*\. Nothing was changed\.$/);
    expect(await deckNames(api)).toEqual(before);
    expect(storeFileHash(db, dir)).toBe(hash);
    expect(replacedBackups()).toEqual([]);
  });
});

describe('a restore without a worker', () => {
  it('cancelled before it starts, changes nothing and keeps no backup', async () => {
    const api = createApi(db, clock, { dataDir: dir });
    const { fileName } = await backedUpThenChanged(api);
    const hash = storeFileHash(db, dir);
    const { jobId } = await callApi(api, 'restoreBackup', { source: { kind: 'backup', fileName } });
    await callApi(api, 'cancelJob', { jobId });
    expect((await jobFinished(api, jobId)).state).toBe('cancelled');
    expect(storeFileHash(db, dir)).toBe(hash);
    expect(replacedBackups()).toEqual([]);
  });

  it('refuses to start while another job runs: a re-scoring would write under it', async () => {
    const api = createApi(db, clock, { dataDir: dir });
    const { fileName } = await callApi(api, 'createBackup');
    db.exec("UPDATE attempts SET scorer_version = 1 WHERE mode = 'write'");
    const { jobId } = await callApi(api, 'rescoreHistory');
    expect(await failureOf(api, 'restoreBackup', { source: { kind: 'backup', fileName } })).toEqual({
      code: 'conflict',
      message: expect.stringMatching(/still running.*Nothing was changed\.$/),
    });
    await callApi(api, 'cancelJob', { jobId });
  });

  it('a session restored from a backup resumes as interrupted: the time since the backup is not counted', async () => {
    let now = Date.UTC(2026, 2, 10, 9, 30);
    const api = createApi(db, { now: () => now }, { dataDir: dir });
    const questionId = db.prepare('SELECT id FROM questions WHERE deleted_at IS NULL LIMIT 1').pluck().get() as number;
    const started = await callApi(api, 'startSession', { questionIds: [questionId], count: 1, order: 'random' });
    const allowed = started.current!.timeAllowedMs;
    now += 10_000;
    const { fileName } = await callApi(api, 'createBackup');
    // Long after the backup: the session's clock in it stopped when it was made.
    now += allowed * 10;
    await restoreDone(api, { source: { kind: 'backup', fileName } });
    const resumed = await callApi(api, 'resumeSession', { sessionId: started.id });
    expect(resumed.current).toMatchObject({ question: { id: questionId }, remainingMs: allowed });
  });
});

describe('a restore whose worker stops after the commit', () => {
  it('a worker that stops after the swap committed says the data was replaced, not that nothing changed', async () => {
    // A stand-in for the worker: it reports the commit ("finishing") and dies before its last message.
    const dying = path.join(dir, 'dies-after-commit.mjs');
    fs.writeFileSync(
      dying,
      "import { parentPort } from 'node:worker_threads';\n" +
        "parentPort.postMessage({ type: 'progress', stage: 'finishing', done: 0, total: 0 });\n" +
        'process.exit(1);\n',
    );
    const api = createApi(db, clock, { dataDir: dir, restoreCheckWorker: { file: dying } });
    const { fileName } = await callApi(api, 'createBackup');
    const end = await restoreJob(api, { source: { kind: 'backup', fileName } });
    expect(end.state).toBe('failed');
    expect(end.error).toMatch(
      /^Your data was replaced by the backup, but the restore could not finish: .+\. Your previous data is kept as replaced-.+\.sqlite \(Decks → Backups\)\.$/,
    );
    // Over either way: writes are taken again.
    await callApi(api, 'createDeck', { name: 'After the restore' });
  });
});
