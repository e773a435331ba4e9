import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { userVersion, type Db } from './db';
import { migrations, type Migration } from './migrations';
import { privateDir, privateFile, tightenFile } from './private-files';

export type { Db } from './db';

export const DB_FILE = 'prepdeck.sqlite';

/** A store the app cannot use: newer than the app, not a database, or unreadable. */
export class StoreOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreOpenError';
  }
}

/** The data file failed SQLite's check (or is not a database): it is not used, and never written. */
export class StoreDamagedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreDamagedError';
  }
}

/** The error of a store whose start-up check found `problem`: the same words wherever the check ran. */
export function failedCheck(problem: string): StoreDamagedError {
  return new StoreDamagedError(`SQLite's check of the data file says: ${problem}.`);
}

/** What SQLite's check finds wrong with an open database, in its words; null when it is sound. */
export function integrityProblem(db: Db, pragma: 'integrity_check' | 'quick_check' = 'integrity_check'): string | null {
  try {
    const rows = db
      .prepare<[], Record<string, string>>(`PRAGMA ${pragma}(5)`)
      .all()
      .map((r) => String(Object.values(r)[0]));
    if (rows.length === 1 && rows[0] === 'ok') return null;
    const lines = rows.flatMap((r) => r.split('\n')).filter((l) => l.trim() && !/^\*\*\* in database/.test(l));
    return lines.join('; ') || 'no answer';
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return (error as Error).message;
    throw error;
  }
}

/**
 * SQLite's `quick_check` of the store's file on a read-only connection of its own (the start-up check when it runs
 * off the path to the first page): what it finds wrong, or null when the file is sound. Writes nothing.
 */
export function checkStoreFile(file: string): string | null {
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return `the file could not be opened to check it (${(error as Error).message})`;
  }
  try {
    db.pragma('busy_timeout = 5000');
    return integrityProblem(db, 'quick_check');
  } catch (error) {
    return `the check could not run (${(error as Error).message})`;
  } finally {
    db.close();
  }
}

export const SCHEMA_VERSION = migrations.length;

function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/**
 * Runs every migration the database has not seen yet (of `steps`: the app's own list unless a test gives
 * another), each in its own transaction with its version number: one that fails leaves the file at the
 * version before it, as it was, and says which step failed.
 */
export function migrate(db: Db, steps: readonly Migration[] = migrations): void {
  const current = userVersion(db);
  if (current > steps.length) {
    throw new StoreOpenError(
      `This data was saved by a newer version of Prepdeck (data format ${current}; this app reads up to ${steps.length}). ` +
        'Update Prepdeck to open it. Nothing was changed.',
    );
  }
  for (let version = current; version < steps.length; version++) {
    const migration = steps[version]!;
    try {
      db.transaction(() => {
        migration.up(db);
        db.pragma(`user_version = ${version + 1}`);
      })();
    } catch (error) {
      throw new StoreOpenError(
        `Prepdeck could not update its data to format ${version + 1} (${migration.name}: ${(error as Error).message}). ` +
          `The data was left as it was, in format ${version}.`,
      );
    }
  }
}

/** An in-memory store with the full schema, for tests and benchmarks. */
export function openMemoryDb(): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

function readUserVersion(file: string): number {
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return userVersion(probe);
  } finally {
    probe.close();
  }
}

const OPEN_FAILURES: Array<[RegExp, string]> = [
  [/^(EROFS|SQLITE_READONLY)/, 'the folder is read-only'],
  [/^(EACCES|EPERM|SQLITE_CANTOPEN)/, 'Prepdeck may not write there'],
  [/^(ENOSPC|EDQUOT|SQLITE_FULL)/, 'the disk is full'],
  [/^(EIO|SQLITE_IOERR)/, 'the disk could not be read or written'],
];

/**
 * Opens (creating if needed) the store in `dir`. A newer file is refused (StoreOpenError) and a damaged one
 * (StoreDamagedError: not a database, or failing `PRAGMA quick_check`) before anything is written to it; an
 * existing older file is backed up with SQLite's online backup before migrating. A folder that cannot be written
 * (read-only, full, no permission) is a StoreOpenError that says so.
 */
export async function openDb(dir: string): Promise<Db> {
  return (await openServedDb(dir, false)).db;
}

/**
 * `openDb`, except that with `deferCheck` a file that needs no migration is opened without its `quick_check`
 * (`checkDeferred` says so): the caller runs `checkStoreFile` elsewhere and writes nothing until it passes.
 * A file that needs a migration is still checked here first, then backed up, then migrated.
 */
export async function openServedDb(dir: string, deferCheck: boolean): Promise<{ db: Db; checkDeferred: boolean }> {
  try {
    return await openDbIn(dir, deferCheck);
  } catch (error) {
    if (error instanceof StoreOpenError || error instanceof StoreDamagedError) throw error;
    const code = (error as { code?: string }).code ?? '';
    const reason = OPEN_FAILURES.find(([pattern]) => pattern.test(code))?.[1];
    if (!reason) throw error;
    throw new StoreOpenError(
      `Prepdeck cannot write in its data folder ${dir}: ${reason}. Nothing was changed; your data there, if any, is as it was. ` +
        'Free some space or fix the folder, or set PREPDECK_DATA_DIR to another folder.',
    );
  }
}

async function openDbIn(dir: string, deferCheck: boolean): Promise<{ db: Db; checkDeferred: boolean }> {
  privateDir(dir);
  const file = path.join(dir, DB_FILE);
  const exists = fs.existsSync(file) && fs.statSync(file).size > 0;
  let version = 0;
  if (exists) {
    try {
      version = readUserVersion(file);
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
        throw new StoreDamagedError(`The data file is not a readable database (${(error as Error).message}).`);
      }
      throw new StoreOpenError(
        `Prepdeck's data file ${file} could not be read (${(error as Error).message}). ` +
          'It may be damaged. Move it aside to start fresh, or restore a backup. Nothing was changed.',
      );
    }
    if (version > SCHEMA_VERSION) {
      throw new StoreOpenError(
        `The data in ${file} was saved by a newer version of Prepdeck (data format ${version}; this app reads up to ${SCHEMA_VERSION}). ` +
          'Update Prepdeck to open it. Nothing was changed.',
      );
    }
  }
  // SQLite gives its -wal and -shm files the database file's mode: 0600 here makes all three private.
  privateFile(file);
  for (const companion of [`${file}-wal`, `${file}-shm`, `${file}-journal`]) tightenFile(companion);
  const db = new Database(file);
  const checkDeferred = deferCheck && exists && version === SCHEMA_VERSION;
  try {
    if (exists && !checkDeferred) {
      // Before anything is written (even a pragma): a damaged store is refused, and the person chooses what to do.
      const problem = integrityProblem(db, 'quick_check');
      if (problem !== null) throw failedCheck(problem);
    }
    applyPragmas(db);
    if (exists && version < SCHEMA_VERSION) {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      privateDir(path.join(dir, 'backups'));
      const backup = path.join(dir, 'backups', `before-migration-v${version}-${stamp}.sqlite`);
      privateFile(backup);
      await db.backup(backup);
    }
    migrate(db);
    return { db, checkDeferred };
  } catch (error) {
    db.close();
    throw error;
  }
}
