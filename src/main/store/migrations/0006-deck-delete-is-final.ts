import type { Migration } from './migration';

/*
 * Deleting a deck deletes it, with its questions and their answers (the confirmation says how many). decks.deleted_at
 * said otherwise: nothing ever set it, yet every query filtered on it and a helper was called liveDeck. The column
 * goes, and deck names stay unique with an index that no longer pretends.
 *
 * bundled_removed remembers, by slug, a bundled deck the person deleted, so that the next start does not install it
 * again; adding the deck back removes the row. Literal SQL: nothing here may change once shipped.
 */
const migration: Migration = {
  name: 'deck-delete-is-final',
  up(db) {
    db.exec(`
      DROP INDEX decks_live_name;
      ALTER TABLE decks DROP COLUMN deleted_at;
      CREATE UNIQUE INDEX decks_name ON decks (name COLLATE NOCASE);

      CREATE TABLE bundled_removed (
        slug TEXT PRIMARY KEY,
        removed_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};

export default migration;
