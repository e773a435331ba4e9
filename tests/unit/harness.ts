/** What the api tests share: a store in memory or on disk, calls through the bridge's checks, and the file's hash. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { CallName, ErrorCode, InputOf, ResultOf } from '../../src/shared/api';
import type { ExportFormat, JobProgress, RestoreResult } from '../../src/shared/transfer';
import { createApi, type Handlers } from '../../src/main/api';
import { dispatch } from '../../src/main/api/dispatch';
import { openAppCore, type AppCore } from '../../src/main/app';
import { bundledDecks } from '../../src/main/bundled-decks';
import type { Clock } from '../../src/main/clock';
import type { Jobs } from '../../src/main/jobs/registry';
import { installBundledDeck, type BundledDeck } from '../../src/main/store/bundled';
import { parseDeckMarkdown } from '../../src/main/core/deck-markdown';
import { DB_FILE, openMemoryDb, type Db } from '../../src/main/store/database';

/**
 * The Django deck as the app first shipped it (version 1, 35 questions), frozen: a store that had it installed before
 * the second edition, and a fixed set of questions for tests that are about sessions and stats, not about the deck.
 */
export function firstEditionDjango(): BundledDeck {
  const markdown = fs.readFileSync(path.resolve('tests/fixtures/decks/django-first-edition.md'), 'utf8');
  return { slug: 'django', version: 1, deck: parseDeckMarkdown(markdown) };
}

/** A store in memory with the Django deck installed (at `installedAt`, or now), and its api. */
export function memoryApi(
  clock: Clock,
  installedAt = clock.now(),
  deck: BundledDeck = bundledDecks()[0]!,
): { db: Db; api: Handlers } {
  const db = openMemoryDb();
  installBundledDeck(db, deck, installedAt);
  return { db, api: createApi(db, clock) };
}

/** The app as it opens a data folder (a fresh temporary one), for tests that need the file itself. */
export async function diskApp(clock: Clock, prefix: string): Promise<{ dir: string; core: AppCore; dispose(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const core = await openAppCore(dir, clock);
  return {
    dir,
    core,
    dispose: () => {
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Calls through the same validation and error shaping as the bridge; throws on an error envelope. */
export async function callApi<K extends CallName>(api: Handlers, name: K, input?: InputOf<K>): Promise<ResultOf<K>> {
  const result = await dispatch(api, name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as ResultOf<K>;
}

/** The error envelope of a call that must fail. */
export async function failureOf(
  api: Handlers,
  name: string,
  input?: unknown,
): Promise<{ code: ErrorCode; message: string }> {
  const result = await dispatch(api, name, input);
  if (result.ok) throw new Error(`${name} was expected to fail but returned ${JSON.stringify(result.value)}`);
  return result.error;
}

/** The data file's bytes with the WAL folded in: equal hashes mean nothing was written. */
export function storeFileHash(db: Db, dir: string): string {
  db.pragma('wal_checkpoint(TRUNCATE)');
  return createHash('sha256')
    .update(fs.readFileSync(path.join(dir, DB_FILE)))
    .digest('hex');
}

/** Polls a job as the page does, until it is no longer running (or, given `until`, until that holds of it). */
export async function jobFinished(
  api: Handlers,
  jobId: string,
  until: (progress: JobProgress) => boolean = () => false,
): Promise<JobProgress> {
  for (;;) {
    const progress = await callApi(api, 'getJob', { jobId });
    if (progress.state !== 'running' || until(progress)) return progress;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A restore start to end, as the page runs it: the job's last state. */
export async function restoreJob(api: Handlers, input: InputOf<'restoreBackup'>): Promise<JobProgress> {
  const started = await callApi(api, 'restoreBackup', input);
  return jobFinished(api, started.jobId);
}

/** A restore that must succeed: what it says it restored. */
export async function restoreDone(api: Handlers, input: InputOf<'restoreBackup'>): Promise<RestoreResult> {
  const end = await restoreJob(api, input);
  if (end.state !== 'done' || !end.restored) throw new Error(`the restore ended ${end.state}: ${end.error ?? ''}`);
  return end.restored;
}

/** A restore that must be refused: its words, whether the call refused it at once or its job did. */
export async function restoreRefused(api: Handlers, input: unknown): Promise<string> {
  const result = await dispatch(api, 'restoreBackup', input);
  if (!result.ok) return result.error.message;
  const end = await jobFinished(api, (result.value as { jobId: string }).jobId);
  if (end.state !== 'failed' || end.error === null)
    throw new Error(`the restore was expected to fail but ended ${end.state}`);
  return end.error;
}

/** Browser mode's history export, start to finish: the text of the file it hands out. */
export async function exportedHistory(api: Handlers, jobs: Jobs): Promise<{ fileName: string; text: string }> {
  return exportedFile(api, jobs, await callApi(api, 'startHistoryExport'));
}

/** Browser mode's export of a deck, start to finish: the text of the file it hands out. */
export async function exportedDeck(
  api: Handlers,
  jobs: Jobs,
  deckId: number,
  format: ExportFormat,
): Promise<{ fileName: string; text: string }> {
  return exportedFile(api, jobs, await callApi(api, 'startDeckExport', { deckId, format }));
}

async function exportedFile(
  api: Handlers,
  jobs: Jobs,
  started: { jobId: string } | null,
): Promise<{ fileName: string; text: string }> {
  const done = await jobFinished(api, started!.jobId);
  const file = jobs.takeDownload(done.jobId);
  if (!file) throw new Error(`the export ended ${done.state}: ${done.error ?? ''}`);
  const text = fs.readFileSync(file.file, 'utf8');
  file.sent();
  return { fileName: file.fileName, text };
}

/** A real store in `dir` with the bundled deck and one answer, closed (its WAL folded into the file). */
export async function makeDiskStore(dir: string, clock: Clock): Promise<void> {
  const core = await openAppCore(dir, clock, { timers: false });
  const view = await callApi(core.api, 'startSession', { levels: ['Beginner'], count: 1, order: 'random' });
  await callApi(core.api, 'submitAnswer', { sessionId: view.id, position: 0, answer: 'the ORM', reason: 'answer' });
  core.close();
}

/** Writes garbage over the root page of a table's b-tree, as a failing disk would. */
export function corruptTable(file: string, table: string): void {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const { rootpage } = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(table) as {
    rootpage: number;
  };
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootpage - 1) * pageSize);
  fs.closeSync(fd);
}
