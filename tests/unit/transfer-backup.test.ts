import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { BackupInfo, BackupList, FileResult, PickedFile } from '../../src/shared/transfer';
import { createApi, type Handlers } from '../../src/main/api';
import { Jobs } from '../../src/main/jobs/registry';
import type { FileDialogs } from '../../src/main/api/context';
import { migrations } from '../../src/main/store/migrations';
import { openMemoryDb, SCHEMA_VERSION, type Db } from '../../src/main/store/database';

import { restoreDone, restoreRefused } from './harness';
import { api, article, call, clock, db, dir, failure, freshTransferApp, storeHash, text } from './transfer-harness';

freshTransferApp();

const backups = () => path.join(dir, 'backups');
const desktop = () => createApi(db, clock, { dataDir: dir });

/** Every row of every table, in a stable order. */
function allRows(on: Db): Record<string, unknown[]> {
  const tables = (
    on
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as Array<{
      name: string;
    }>
  ).map((t) => t.name);
  const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
  return Object.fromEntries(tables.map((t) => [t, sorted(on.prepare(`SELECT * FROM "${t}"`).raw().all())]));
}

async function answerOne(on: Handlers = api): Promise<void> {
  const view = await call<{ id: number }>('startSession', { levels: ['Beginner'], count: 1, order: 'random' }, on);
  const revealed = await call<{ revealed: { id: number } }>(
    'submitAnswer',
    { sessionId: view.id, position: 0, answer: 'MVT and the ORM', reason: 'answer' },
    on,
  );
  await call('gradeAttempt', { sessionId: view.id, attemptId: revealed.revealed.id, grade: 2 }, on);
}

describe('backups', () => {
  it('need a data folder', async () => {
    const memory = createApi(openMemoryDb(), clock);
    expect((await failure('createBackup', undefined, memory)).message).toMatch(/need a data folder/);
  });

  it('backs up into the backups folder as one self-contained file, and lists it', async () => {
    await answerOne();
    const api2 = desktop();
    const info = await call<BackupInfo>('createBackup', undefined, api2);
    expect(info).toMatchObject({
      fileName: 'prepdeck-2026-03-10T09-30-00-000Z.sqlite',
      kind: 'manual',
      counts: { decks: 1, questions: 51, attempts: 1 },
    });
    expect(fs.readdirSync(backups())).toEqual([info.fileName]);
    const second = await call<BackupInfo>('createBackup', undefined, api2);
    expect(second.fileName).toBe('prepdeck-2026-03-10T09-30-00-000Z-2.sqlite');
    const list = await call<BackupList>('listBackups', undefined, api2);
    expect(list.folder).toBe(backups());
    expect(list.backups.map((b) => b.fileName).sort()).toEqual([info.fileName, second.fileName].sort());
    // The listing writes nothing beside the files (no -wal, no -shm).
    expect(fs.readdirSync(backups()).sort()).toEqual([info.fileName, second.fileName].sort());

    const jobs = new Jobs();
    const browser = createApi(db, clock, { dataDir: dir, jobs });
    const download = await call<FileResult>('exportBackup', { fileName: info.fileName }, browser);
    if (download.kind !== 'stream') throw new Error('expected a streamed download');
    expect(download).toEqual({
      kind: 'stream',
      fileName: info.fileName,
      download: expect.stringMatching(/^\/download\/[0-9a-f-]{36}$/),
    });
    const offered = jobs.takeDownload(download.download.slice('/download/'.length))!;
    expect(offered).toMatchObject({ file: path.join(backups(), info.fileName), mimeType: 'application/vnd.sqlite3' });
    offered.sent();
    // The backup stays in its folder once sent, and is offered once.
    expect(fs.existsSync(path.join(backups(), info.fileName))).toBe(true);
    expect(jobs.takeDownload(download.download.slice('/download/'.length))).toBeNull();
    expect((await failure('exportBackup', { fileName: '../prepdeck.sqlite' }, api2)).code).toBe('not_found');
  });
});

describe('restoring a backup', () => {
  it('restores what was backed up, keeping the data it replaces', async () => {
    const api2 = desktop();
    await answerOne(api2);
    const info = await call<BackupInfo>('createBackup', undefined, api2);
    const backedUp = allRows(db);

    // Life goes on: a deck imported, another answer, a deck deleted.
    await call('commitImport', { source: text(article('sql-bold.md')), target: { newDeckName: 'SQL' } }, api2);
    await answerOne(api2);
    const changed = allRows(db);
    expect(changed).not.toEqual(backedUp);

    const result = await restoreDone(api2, { source: { kind: 'backup', fileName: info.fileName } });
    expect(result.restored).toEqual({ decks: 1, questions: 51, attempts: 1 });
    expect(result.replacedBackup).toMatch(/^replaced-2026-03-10T09-30-00-000Z\.sqlite$/);
    // Every row of every table, the stats rollups included, is what was backed up.
    expect(allRows(db)).toEqual(backedUp);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    // The replaced data is kept, whole.
    const kept = new Database(path.join(backups(), result.replacedBackup), { readonly: true });
    expect(allRows(kept)).toEqual(changed);
    kept.close();

    // The live connection goes on working, triggers included.
    await answerOne(api2);
    expect((db.prepare('SELECT count(*) AS n FROM attempts').get() as { n: number }).n).toBe(2);
    const list = await call<BackupList>('listBackups', undefined, api2);
    expect(list.backups.find((b) => b.fileName === result.replacedBackup)).toMatchObject({
      kind: 'replaced',
      counts: { decks: 2, questions: 58, attempts: 2 },
    });
  });

  it('restores an uploaded file and one chosen in the open dialog', async () => {
    const api2 = desktop();
    const info = await call<BackupInfo>('createBackup', undefined, api2);
    const file = path.join(backups(), info.fileName);
    await call('commitImport', { source: text(article('sql-bold.md')), target: { newDeckName: 'SQL' } }, api2);
    const uploaded = await restoreDone(api2, {
      source: { kind: 'bytes', base64: fs.readFileSync(file).toString('base64'), fileName: 'mine.sqlite' },
    });
    expect(uploaded.restored.decks).toBe(1);

    await call('commitImport', { source: text(article('sql-bold.md')), target: { newDeckName: 'SQL' } }, api2);
    const dialogs: FileDialogs = { openFile: () => Promise.resolve(file), saveFile: () => Promise.resolve(null) };
    const withDialogs = createApi(db, clock, { dataDir: dir, dialogs });
    const picked = await call<PickedFile>('chooseBackupFile', undefined, withDialogs);
    const restored = await restoreDone(withDialogs, { source: { kind: 'picked', id: picked.id } });
    expect(restored.restored).toEqual({ decks: 1, questions: 51, attempts: 0 });
  });

  it('restores a backup from an older Prepdeck, upgrading it', async () => {
    const old = path.join(dir, 'old.sqlite');
    const oldDb = new Database(old);
    oldDb.pragma('foreign_keys = ON');
    migrations[0]!.up(oldDb);
    oldDb.pragma('user_version = 1');
    oldDb
      .prepare(
        "INSERT INTO decks (name, description, levels, created_at, updated_at) VALUES ('Old deck', '', '[\"Beginner\"]', 1, 1)",
      )
      .run();
    oldDb.close();
    const api2 = desktop();
    const result = await restoreDone(api2, {
      source: { kind: 'bytes', base64: fs.readFileSync(old).toString('base64'), fileName: 'old.sqlite' },
    });
    expect(result.restored).toEqual({ decks: 1, questions: 0, attempts: 0 });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect((await call<Array<{ name: string }>>('listDecks', undefined, api2)).map((d) => d.name)).toEqual([
      'Old deck',
    ]);
  });
});

describe('restore refusals', () => {
  it('refuses the open data file itself as a backup to restore, changing nothing', async () => {
    const live = path.join(dir, 'prepdeck.sqlite');
    expect(fs.existsSync(live)).toBe(true);
    const dialogs: FileDialogs = { openFile: () => Promise.resolve(live), saveFile: () => Promise.resolve(null) };
    const withDialogs = createApi(db, clock, { dataDir: dir, dialogs });
    const picked = await call<PickedFile>('chooseBackupFile', undefined, withDialogs);
    const before = storeHash();
    const refused = await failure('restoreBackup', { source: { kind: 'picked', id: picked.id } }, withDialogs);
    expect(refused).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/data file Prepdeck has open now/),
    });
    expect(storeHash()).toBe(before);
  });

  describe('refuses a file it cannot trust, changing nothing', () => {
    function sqliteFile(build: (d: Database.Database) => void): Buffer {
      const file = path.join(dir, `probe-${Math.random().toString(36).slice(2)}.sqlite`);
      const probe = new Database(file);
      build(probe);
      probe.close();
      return fs.readFileSync(file);
    }
    const cases: Array<[string, () => Buffer, RegExp]> = [
      ['not a database', () => Buffer.from('just some text, not sqlite at all '.repeat(50)), /not an SQLite database/],
      ['an empty file', () => Buffer.alloc(0), /empty/],
      [
        'a damaged database',
        () => {
          const good = fs.readFileSync(path.join(backups(), fs.readdirSync(backups())[0]!));
          // Keep the header, scribble over the pages that hold the tables.
          const bad = Buffer.from(good);
          for (let i = 4096; i < Math.min(bad.length, 4096 * 6); i++) bad[i] = (i * 7) & 0xff;
          return bad;
        },
        /damaged|cannot be opened/,
      ],
      ['another app’s database', () => sqliteFile((d) => d.exec('CREATE TABLE notes (x)')), /not a Prepdeck backup/],
      [
        'a backup from a newer Prepdeck',
        () =>
          sqliteFile((d) => {
            for (const m of migrations) m.up(d);
            d.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
          }),
        new RegExp(
          `newer version of Prepdeck \\(data format ${SCHEMA_VERSION + 1}; this app reads up to ${SCHEMA_VERSION}\\)`,
        ),
      ],
    ];
    it.each(cases)('%s', async (_what, make, message) => {
      const api2 = desktop();
      await call('createBackup', undefined, api2);
      const content = make();
      const before = storeHash();
      const listed = fs.readdirSync(backups()).sort();
      const error = await restoreRefused(api2, {
        source: { kind: 'bytes', base64: content.toString('base64'), fileName: 'x.sqlite' },
      });
      expect(error).toMatch(message);
      expect(error).toMatch(/Nothing was changed\.$/);
      expect(storeHash()).toBe(before);
      // No replaced-… backup: nothing was replaced.
      expect(fs.readdirSync(backups()).sort()).toEqual(listed);
    });
  });
});
