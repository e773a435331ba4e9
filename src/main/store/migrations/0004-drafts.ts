import type { Migration } from './migration';

/*
 * The answer being typed, saved as the person types (a second behind at most), so a reload, a crash
 * or a click elsewhere loses nothing. One row per question of a session that has been typed at or
 * paused, deleted in the same transaction as the answer that replaces it. left_ms is the time the
 * question had at saved_at: a session resumed after the app was closed goes on from there, never
 * with more.
 */
const migration: Migration = {
  name: 'drafts',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        text TEXT NOT NULL DEFAULT '',
        saved_at INTEGER NOT NULL,
        left_ms INTEGER NOT NULL,
        PRIMARY KEY (session_id, position)
      ) WITHOUT ROWID;
    `);
  },
};

export default migration;
