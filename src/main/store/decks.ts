/** Decks: listed, created, renamed, measured and deleted; looked up by id or name. */
import type { DeckSummary } from '../../shared/types';
import type { Db } from './db';
import { stringList } from './columns';
import { prepared } from './statements';

interface DeckRow {
  id: number;
  name: string;
  description: string;
  levels: string;
  bundled_slug: string | null;
  question_count: number;
}

function toDeckSummary(row: DeckRow): DeckSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    levels: stringList(row.levels),
    questionCount: row.question_count,
    bundled: row.bundled_slug !== null,
  };
}

export function listDecks(db: Db): DeckSummary[] {
  const rows = prepared<DeckRow>(
    db,
    `SELECT d.id, d.name, d.description, d.levels, d.bundled_slug,
            (SELECT count(*) FROM questions q WHERE q.deck_id = d.id AND q.deleted_at IS NULL) AS question_count
       FROM decks d ORDER BY d.name COLLATE NOCASE`,
  ).all();
  return rows.map(toDeckSummary);
}

export function insertDeck(
  db: Db,
  deck: { name: string; description: string; levels: string[]; bundledSlug?: string; bundledVersion?: number },
  now: number,
): number {
  const result = db
    .prepare(
      `INSERT INTO decks (name, description, levels, bundled_slug, bundled_version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      deck.name,
      deck.description,
      JSON.stringify(deck.levels),
      deck.bundledSlug ?? null,
      deck.bundledVersion ?? null,
      now,
      now,
    );
  return Number(result.lastInsertRowid);
}

export function updateDeck(
  db: Db,
  id: number,
  patch: { name?: string; description?: string; levels?: string[] },
  now: number,
): void {
  db.prepare(
    `UPDATE decks SET name = coalesce(?, name), description = coalesce(?, description), levels = coalesce(?, levels),
            updated_at = ? WHERE id = ?`,
  ).run(patch.name ?? null, patch.description ?? null, patch.levels ? JSON.stringify(patch.levels) : null, now, id);
}

export function deckImpact(db: Db, id: number): { questions: number; attempts: number } {
  const impact = prepared<{ questions: number; attempts: number }>(
    db,
    `SELECT (SELECT count(*) FROM questions WHERE deck_id = ? AND deleted_at IS NULL) AS questions,
            (SELECT count(*) FROM attempts a JOIN questions q ON q.id = a.question_id WHERE q.deck_id = ?) AS attempts`,
  ).get(id, id);
  return impact ?? { questions: 0, attempts: 0 };
}

/**
 * Deletes a deck with its questions and their attempt history (the person confirmed the counts): a hard delete.
 * A bundled deck is remembered as removed, in the same transaction, so the next start does not install it again.
 */
export function deleteDeck(db: Db, id: number, now: number): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO bundled_removed (slug, removed_at) SELECT bundled_slug, ? FROM decks WHERE id = ? AND bundled_slug IS NOT NULL
         ON CONFLICT (slug) DO UPDATE SET removed_at = excluded.removed_at`,
    ).run(now, id);
    db.prepare('DELETE FROM decks WHERE id = ?').run(id);
  })();
}

export interface DeckRef {
  id: number;
  name: string;
  levels: string[];
  bundled: boolean;
}

interface DeckRefRow {
  id: number;
  name: string;
  levels: string;
  bundled_slug: string | null;
}

const toRef = (row: DeckRefRow): DeckRef => ({
  id: row.id,
  name: row.name,
  levels: stringList(row.levels),
  bundled: row.bundled_slug !== null,
});

export function deckById(db: Db, id: number): DeckRef | null {
  const row = prepared<DeckRefRow>(db, 'SELECT id, name, levels, bundled_slug FROM decks WHERE id = ?').get(id);
  return row ? toRef(row) : null;
}

/** The deck with this name, ignoring case (deck names are unique that way). */
export function deckByName(db: Db, name: string): DeckRef | null {
  const row = prepared<DeckRefRow>(
    db,
    'SELECT id, name, levels, bundled_slug FROM decks WHERE name = ? COLLATE NOCASE LIMIT 1',
  ).get(name.trim());
  return row ? toRef(row) : null;
}
