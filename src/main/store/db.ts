import type Database from 'better-sqlite3';

/** The open store. Every store function takes it first, so a test can hand it an in-memory one. */
export type Db = Database.Database;
