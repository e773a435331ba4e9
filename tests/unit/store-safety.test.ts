/** The store checks itself: at start, before a backup, on a schedule; and a refusal writes nothing. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupInfo, StoreHealth } from '../../src/shared/transfer';
import { createApi } from '../../src/main/api';
import { openAppCore } from '../../src/main/app';
import { startBackupTimer, CHECK_EVERY_MS, type Timers } from '../../src/main/backup-timer';
import { backupDatabase, StoreDamagedError } from '../../src/main/store/backup';
import { DB_FILE, openDb, type Db } from '../../src/main/store/database';
import { listAutoBackups } from '../../src/main/store/auto-backup';
import { callApi, corruptTable, failureOf, makeDiskStore, restoreRefused } from './harness';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Tuesday 2026-03-10, 09:30 UTC. */
const T0 = Date.UTC(2026, 2, 10, 9, 30);

let dir: string;
let now: number;
const clock = { now: () => now };
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-safety-'));
  now = T0;
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const hash = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const backupsDir = (): string => path.join(dir, 'backups');

const makeStore = (): Promise<void> => makeDiskStore(dir, clock);

describe('the check at start', () => {
  it('refuses a store with one corrupted page: no crash, nothing written, every call a storage error', async () => {
    await makeStore();
    const file = path.join(dir, DB_FILE);
    corruptTable(file, 'attempts');
    const before = hash(file);
    const core = await openAppCore(dir, clock, { timers: false });
    const health = await callApi(core.api, 'getStoreHealth');
    expect(health).toMatchObject({
      status: 'damaged',
      problem: expect.stringMatching(
        /^SQLite's check of the data file says: Tree \d+ page \d+: btreeInitPage\(\) returns error code 11; wrong # of entries in index/,
      ),
      file,
      keepAs: path.join(dir, 'prepdeck.damaged-2026-03-10T09-30-00-000Z.sqlite'),
      newestGood: null,
    });
    for (const name of ['libraryOverview', 'getActiveSession', 'createBackup', 'listBackups'] as const) {
      expect(await failureOf(core.api, name)).toEqual({
        code: 'storage',
        message: expect.stringMatching(/data file is damaged, so it is not being used \(nothing was written/),
      });
    }
    core.close();
    expect(hash(file)).toBe(before);
  });

  it('restores the newest backup that passes its check, keeping the damaged file beside it', async () => {
    await makeStore();
    const live = await openDb(dir);
    await backupDatabase(live, path.join(backupsDir(), 'prepdeck-2026-03-09T09-00-00-000Z.sqlite'));
    live.close();
    // A newer backup that is itself damaged is passed over.
    const bad = path.join(backupsDir(), 'auto-2026-03-10T09-00-00-000Z.sqlite');
    fs.copyFileSync(path.join(backupsDir(), 'prepdeck-2026-03-09T09-00-00-000Z.sqlite'), bad);
    corruptTable(bad, 'questions');
    fs.utimesSync(bad, new Date(T0), new Date(T0));

    const file = path.join(dir, DB_FILE);
    corruptTable(file, 'questions');
    const damagedBytes = hash(file);
    const core = await openAppCore(dir, clock, { timers: false });
    const health = (await callApi(core.api, 'getStoreHealth')) as Extract<StoreHealth, { status: 'damaged' }>;
    expect(health.newestGood).toMatchObject({
      fileName: 'prepdeck-2026-03-09T09-00-00-000Z.sqlite',
      kind: 'manual',
      counts: { decks: 1, questions: expect.any(Number) as number, attempts: 1 },
    });
    const after = await callApi(core.api, 'recoverStore', { action: 'restore-newest' });
    expect(after).toEqual({
      status: 'ok',
      recovery: { damagedFile: health.keepAs, restoredFrom: 'prepdeck-2026-03-09T09-00-00-000Z.sqlite' },
    });
    expect(hash(health.keepAs)).toBe(damagedBytes);
    expect(await callApi(core.api, 'getActiveSession')).not.toBeNull();
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await callApi(core.api, 'libraryOverview')).decks).toHaveLength(1);
    expect((await failureOf(core.api, 'recoverStore', { action: 'start-empty' })).code).toBe('conflict');
    core.close();
  });

  it('starts with an empty store on request, keeping the damaged file', async () => {
    await makeStore();
    fs.writeFileSync(path.join(dir, DB_FILE), 'not a database at all '.repeat(300));
    const core = await openAppCore(dir, clock, { timers: false });
    const health = (await callApi(core.api, 'getStoreHealth')) as Extract<StoreHealth, { status: 'damaged' }>;
    expect(health.problem).toMatch(/not a readable database/);
    expect((await failureOf(core.api, 'recoverStore', { action: 'restore-newest' })).code).toBe('not_found');
    const after = await callApi(core.api, 'recoverStore', { action: 'start-empty' });
    expect(after).toMatchObject({ status: 'ok', recovery: { restoredFrom: null } });
    expect(fs.readFileSync(health.keepAs, 'utf8')).toMatch(/^not a database at all/);
    const overview = await callApi(core.api, 'libraryOverview');
    expect(overview.decks.map((d) => d.name)).toEqual(['Django']);
    core.close();
  });
});

describe('backing up', () => {
  it('checks the copy first: a damaged store gives no backup, and says so', async () => {
    await makeStore();
    const file = path.join(dir, DB_FILE);
    corruptTable(file, 'attempts');
    // Opened behind the start-up check's back, as a store damaged while the app runs would be.
    const db = new Database(file);
    await expect(backupDatabase(db, path.join(backupsDir(), 'x.sqlite'))).rejects.toThrow(StoreDamagedError);
    const api = createApi(db, clock, { dataDir: dir });
    expect(await failureOf(api, 'createBackup')).toEqual({
      code: 'storage',
      message: expect.stringMatching(/data file is damaged .*no backup was made from it/),
    });
    expect(fs.readdirSync(backupsDir())).toEqual([]);
    db.close();
  });

  it('a restore refused late (its tables turn out wrong) leaves no "Before a restore" backup behind', async () => {
    await makeStore();
    const db = await openDb(dir);
    const api = createApi(db, clock, { dataDir: dir });
    const info = (await callApi(api, 'createBackup')) as BackupInfo;
    const odd = new Database(path.join(backupsDir(), info.fileName));
    odd.exec('CREATE TABLE something_else (x)');
    odd.close();
    const before = (await callApi(api, 'listBackups')).backups.map((b) => b.fileName);
    const refused = await restoreRefused(api, { source: { kind: 'backup', fileName: info.fileName } });
    expect(refused).toMatch(/does not have the tables .*Nothing was changed\.$/);
    expect((await callApi(api, 'listBackups')).backups.map((b) => b.fileName)).toEqual(before);
    db.close();
  });
});

/** Timers that never fire by themselves: the test calls tick() with the fake clock. */
function fakeTimers(): Timers & { every: number | null; cleared: boolean } {
  const t = {
    every: null as number | null,
    cleared: false,
    setInterval: (_run: () => void, ms: number) => {
      t.every = ms;
      return 1;
    },
    clearInterval: () => {
      t.cleared = true;
    },
  };
  return t;
}

const write = (db: Db, value: number) =>
  db
    .prepare(
      "INSERT INTO settings (key, value) VALUES ('test', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .run(String(value));

const autos = () =>
  listAutoBackups(backupsDir())
    .map((b) => b.name)
    .sort();

describe('automatic backups', () => {
  it('run when the data changed, at most every 30 minutes, checked, and once at quit', async () => {
    const db = await openDb(dir);
    const timers = fakeTimers();
    const timer = startBackupTimer({ db, dataDir: dir, clock, timers });
    expect(timers.every).toBe(CHECK_EVERY_MS);
    expect(await timer.tick()).toBeNull(); // nothing changed
    write(db, 1);
    const first = await timer.tick();
    expect(first).toMatchObject({ fileName: 'auto-2026-03-10T09-30-00-000Z.sqlite', pruned: [] });
    const copy = new Database(path.join(backupsDir(), first!.fileName), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'test'").pluck().get()).toBe('1');
    copy.close();

    write(db, 2);
    now += 29 * MIN;
    expect(await timer.tick()).toBeNull();
    now += MIN;
    // Same day: the newer one replaces the older, which goes only once the new one passed its check.
    expect(await timer.tick()).toMatchObject({ pruned: [first!.fileName] });
    expect(autos()).toEqual(['auto-2026-03-10T10-00-00-000Z.sqlite']);

    now += 5 * MIN;
    expect(await timer.finish()).toBeNull(); // quitting with nothing new
    expect(timers.cleared).toBe(true);
    write(db, 3);
    expect(await timer.tick()).toBeNull(); // stopped
    db.close();
  });
});

describe('automatic backups at quit, and when a check fails', () => {
  it('make the quit backup when the data changed since the last one', async () => {
    const db = await openDb(dir);
    const timer = startBackupTimer({ db, dataDir: dir, clock, timers: fakeTimers() });
    write(db, 1);
    now += MIN;
    expect(await timer.finish()).toMatchObject({ fileName: 'auto-2026-03-10T09-31-00-000Z.sqlite' });
    db.close();
  });

  it(
    'keep 12 daily, then weekly and monthly ones over 120 days; manual and upgrade backups are never pruned',
    { timeout: 60_000 },
    async () => {
      const db = await openDb(dir);
      fs.mkdirSync(backupsDir(), { recursive: true });
      const kept = ['prepdeck-2026-01-01T00-00-00-000Z.sqlite', 'before-migration-v1-2026-01-01T00-00-00-000Z.sqlite'];
      for (const name of kept) await backupDatabase(db, path.join(backupsDir(), name));
      const timer = startBackupTimer({ db, dataDir: dir, clock, timers: fakeTimers() });
      for (let i = 0; i < 120; i++) {
        write(db, i);
        await timer.tick();
        now += DAY;
      }
      const names = autos();
      const days = names.map((n) => n.slice(5, 15));
      const last12 = Array.from({ length: 12 }, (_, i) => new Date(now - DAY - i * DAY).toISOString().slice(0, 10));
      expect(days.slice(-12)).toEqual([...last12].reverse());
      expect(new Set(days).size).toBe(days.length);
      expect(names.length).toBeGreaterThan(12 + 9);
      expect(names.length).toBeLessThanOrEqual(12 + 10 + 9);
      for (const name of kept) expect(fs.existsSync(path.join(backupsDir(), name))).toBe(true);
      timer.stop();
      db.close();
    },
  );

  it('a backup that fails its check prunes nothing', async () => {
    await makeStore();
    const db = await openDb(dir);
    const timer = startBackupTimer({ db, dataDir: dir, clock, timers: fakeTimers() });
    write(db, 1);
    await timer.tick();
    timer.stop();
    db.close();
    corruptTable(path.join(dir, DB_FILE), 'settings');
    const damaged = new Database(path.join(dir, DB_FILE));
    const errors: unknown[] = [];
    now += DAY;
    const again = startBackupTimer({
      db: damaged,
      dataDir: dir,
      clock,
      timers: fakeTimers(),
      onError: (e) => errors.push(e),
    });
    damaged.prepare("INSERT INTO decks (name, created_at, updated_at) VALUES ('x', 0, 0)").run();
    expect(await again.tick()).toBeNull();
    expect(errors[0]).toBeInstanceOf(StoreDamagedError);
    expect(autos()).toEqual(['auto-2026-03-10T09-30-00-000Z.sqlite']);
    expect(fs.readdirSync(backupsDir()).filter((n) => n.endsWith('.partial'))).toEqual([]);
    again.stop();
    damaged.close();
  });
});
