/** A full or read-only disk: a clear message, and what was saved stays. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../src/main/api';
import { openAppCore } from '../../src/main/app';
import { DB_FILE, openDb, StoreOpenError } from '../../src/main/store/database';
import { callApi, failureOf } from './harness';

const clock = { now: () => Date.UTC(2026, 2, 10, 9, 30) };
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-disk-'));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

const attempts = (db: Database.Database): unknown[] =>
  db.prepare('SELECT position, answer FROM attempts ORDER BY id').all();

describe('when the disk fails', () => {
  it('a full disk (SQLite refuses to grow the file) says so, and every answer saved before stays', async () => {
    const core = await openAppCore(dir, clock, { timers: false });
    const view = await callApi(core.api, 'startSession', { count: 5, order: 'random' });
    await callApi(core.api, 'submitAnswer', { sessionId: view.id, position: 0, answer: 'saved', reason: 'answer' });
    await callApi(core.api, 'nextQuestion', { sessionId: view.id });
    // The file may not grow by one page more: SQLite answers SQLITE_FULL, as on a full disk.
    const pages = core.db.pragma('page_count', { simple: true }) as number;
    core.db.pragma(`max_page_count = ${pages}`);
    const failure = await failureOf(core.api, 'submitAnswer', {
      sessionId: view.id,
      position: 1,
      answer: 'x'.repeat(200_000 / 4),
      reason: 'answer',
    });
    expect(failure).toEqual({
      code: 'storage',
      message:
        'The disk is full, so this change was not saved. Everything saved before is safe. Free some space and try again.',
    });
    core.close();
    const db = new Database(path.join(dir, DB_FILE), { readonly: true });
    expect(attempts(db)).toEqual([{ position: 0, answer: 'saved' }]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('a read-only data file says so, and what was saved stays', async () => {
    const core = await openAppCore(dir, clock, { timers: false });
    const view = await callApi(core.api, 'startSession', { count: 5, order: 'random' });
    await callApi(core.api, 'submitAnswer', { sessionId: view.id, position: 0, answer: 'saved', reason: 'answer' });
    core.close();
    // chmod does not stop root (the tests may run as root): the store is opened read-only instead.
    const readonly = new Database(path.join(dir, DB_FILE), { readonly: true });
    const api = createApi(readonly, clock, { dataDir: dir });
    const failure = await failureOf(api, 'createDeck', { name: 'New deck' });
    expect(failure).toEqual({
      code: 'storage',
      message: expect.stringMatching(
        /^Prepdeck's data folder cannot be written to \(it is read-only\), so this change was not saved\. Everything saved before is safe\.$/,
      ),
    });
    expect((await failureOf(api, 'nextQuestion', { sessionId: view.id })).code).toBe('storage');
    expect(attempts(readonly)).toEqual([{ position: 0, answer: 'saved' }]);
    readonly.close();
  });

  it.skipIf(canWrite('/sys'))('a data folder that cannot be written is refused at start with words', async () => {
    await expect(openDb('/sys/prepdeck-test')).rejects.toThrow(StoreOpenError);
    await expect(openDb('/sys/prepdeck-test')).rejects.toThrow(
      /^Prepdeck cannot write in its data folder \/sys\/prepdeck-test: (Prepdeck may not write there|the folder is read-only)\. Nothing was changed/,
    );
  });
});

function canWrite(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    fs.mkdirSync(path.join(dir, 'prepdeck-probe'));
    fs.rmdirSync(path.join(dir, 'prepdeck-probe'));
    return true;
  } catch {
    return false;
  }
}
