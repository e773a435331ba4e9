/**
 * The start-up check off the path to the first page: a store that needs no migration is served at once, reads answer
 * while the check runs, writes wait for it and land once it passes, and a failed check refuses them and writes nothing.
 * The check here is a fake that answers when the test says (the real one, `checkStoreFile`, run on release).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppCore, type AppCore } from '../../src/main/app';
import { dispatch } from '../../src/main/api/dispatch';
import { workerStoreCheck } from '../../src/main/jobs/store-check';
import { checkStoreFile, DB_FILE, SCHEMA_VERSION } from '../../src/main/store/database';
import { callApi, corruptTable, failureOf, makeDiskStore } from './harness';

const T0 = Date.UTC(2026, 2, 10, 9, 30);
const clock = { now: () => T0 };
let dir: string;
let file: string;
const cores: AppCore[] = [];
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-check-'));
  file = path.join(dir, DB_FILE);
  await makeDiskStore(dir, clock);
});
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const hash = (f: string): string => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

/** A check that runs only when released: `files` records what it was asked to check. */
function heldCheck() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const files: string[] = [];
  const check = async (dbFile: string): Promise<string | null> => {
    files.push(dbFile);
    await released;
    return checkStoreFile(dbFile);
  };
  return { check, files, release };
}

/** Lets every promise that can settle do so (no timers involved). */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

async function open(check: (file: string) => Promise<string | null>): Promise<AppCore> {
  const core = await openAppCore(dir, clock, { timers: false, storeCheck: check });
  cores.push(core);
  return core;
}

describe('the start-up check in the background', () => {
  it('answers reads while it runs; writes wait for it, then land in order', async () => {
    const held = heldCheck();
    const core = await open(held.check);
    expect(await callApi(core.api, 'getStoreHealth')).toEqual({ status: 'checking' });
    const decksBefore = await callApi(core.api, 'listDecks');
    // The first page's reads do not begin it (check-start.ts): the first write does, at once.
    await settle();
    expect(held.files).toEqual([]);

    const landed: string[] = [];
    const first = dispatch(core.api, 'createDeck', { name: 'Waits first' }).then((r) => (landed.push('first'), r));
    await settle();
    expect(held.files).toEqual([file]);
    const second = dispatch(core.api, 'createDeck', { name: 'Waits second' }).then((r) => (landed.push('second'), r));
    const untilChecked = callApi(core.api, 'getStoreHealth', { untilChecked: true });
    await settle();
    expect(landed).toEqual([]);
    expect(await callApi(core.api, 'listDecks')).toEqual(decksBefore);

    held.release();
    expect(await untilChecked).toEqual({ status: 'ok', recovery: null });
    expect((await first).ok && (await second).ok).toBe(true);
    expect(landed).toEqual(['first', 'second']);
    const names = (await callApi(core.api, 'listDecks')).map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['Waits first', 'Waits second']));
    expect(await callApi(core.api, 'getStoreHealth')).toEqual({ status: 'ok', recovery: null });
  });

  it('finds a damaged store: the waiting write is refused, the page learns of it, and nothing is written', async () => {
    corruptTable(file, 'attempts');
    const before = hash(file);
    const held = heldCheck();
    const core = await open(held.check);
    expect(await callApi(core.api, 'getStoreHealth')).toEqual({ status: 'checking' });
    expect((await callApi(core.api, 'listDecks')).length).toBeGreaterThan(0);
    const write = failureOf(core.api, 'createDeck', { name: 'Never written' });
    const untilChecked = callApi(core.api, 'getStoreHealth', { untilChecked: true });

    held.release();
    const refused = {
      code: 'storage',
      message: expect.stringMatching(/data file is damaged, so it is not being used \(nothing was written/),
    };
    expect(await write).toEqual(refused);
    expect(await untilChecked).toMatchObject({
      status: 'damaged',
      problem: expect.stringMatching(/^SQLite's check of the data file says: Tree \d+ page \d+/),
      file,
    });
    expect(await failureOf(core.api, 'listDecks')).toEqual(refused);
    core.close();
    expect(hash(file)).toBe(before);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('a check that cannot run counts as a failed one', async () => {
    const core = await open(() => Promise.reject(new Error('no worker')));
    expect(await failureOf(core.api, 'createDeck', { name: 'Never written' })).toMatchObject({ code: 'storage' });
    expect(await callApi(core.api, 'getStoreHealth')).toMatchObject({
      status: 'damaged',
      problem: "SQLite's check of the data file says: the check could not run (no worker).",
    });
  });

  it('a store that needs a migration is still checked first, before its backup and the migration', async () => {
    const older = new Database(file);
    older.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
    older.close();
    corruptTable(file, 'attempts');
    const before = hash(file);
    const held = heldCheck();
    const core = await open(held.check);
    expect(held.files).toEqual([]);
    expect(await callApi(core.api, 'getStoreHealth')).toMatchObject({ status: 'damaged' });
    core.close();
    expect(hash(file)).toBe(before);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('runs in the jobs worker: sound, then damaged', async () => {
    // The worker from its source, through tsx: the built app runs out/main/history-export-worker.js instead.
    const check = workerStoreCheck({
      file: path.resolve('src/main/jobs/history-export-worker.ts'),
      execArgv: ['--import', 'tsx'],
    });
    expect(await check(file)).toBeNull();
    corruptTable(file, 'attempts');
    expect(await check(file)).toMatch(/^Tree \d+ page \d+: btreeInitPage/);
  });
});
