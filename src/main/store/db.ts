import type Database from 'better-sqlite3';

/** The open store. Every store function takes it first, so a test can hand it an in-memory one. */
export type Db = Database.Database;

/** The schema version the migrations have brought the file to (`PRAGMA user_version`). */
export function userVersion(db: Db): number {
  const row = db.prepare<[], { user_version: number }>('PRAGMA user_version').get();
  return row?.user_version ?? 0;
}
