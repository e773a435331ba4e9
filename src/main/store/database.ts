import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './db';
import { migrations } from './migrations';
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

export const SCHEMA_VERSION = migrations.length;

function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/** Runs every migration the database has not seen yet, each in its own transaction. */
export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new StoreOpenError(
      `This data was saved by a newer version of Prepdeck (data format ${current}; this app reads up to ${SCHEMA_VERSION}). ` +
        'Update Prepdeck to open it. Nothing was changed.',
    );
  }
  for (let version = current; version < SCHEMA_VERSION; version++) {
    const migration = migrations[version]!;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
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
    return probe.pragma('user_version', { simple: true }) as number;
  } finally {
    probe.close();
  }
}

/**
 * Opens (creating if needed) the store in `dir`. A newer or corrupt file is refused before anything
 * is written to it; an existing older file is backed up with SQLite's online backup before migrating.
 */
export async function openDb(dir: string): Promise<Db> {
  privateDir(dir);
  const file = path.join(dir, DB_FILE);
  const exists = fs.existsSync(file) && fs.statSync(file).size > 0;
  let version = 0;
  if (exists) {
    try {
      version = readUserVersion(file);
    } catch (error) {
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
  try {
    applyPragmas(db);
    if (exists && version < SCHEMA_VERSION) {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      privateDir(path.join(dir, 'backups'));
      const backup = path.join(dir, 'backups', `before-migration-v${version}-${stamp}.sqlite`);
      privateFile(backup);
      await db.backup(backup);
    }
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
