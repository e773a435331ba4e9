/**
 * The one step of an import that touches the store: a staged import (import-staging.ts) copied in by SQL, in one
 * transaction on the store's own connection. Until it commits nothing of the import is in the store; it copies rows
 * that are ready, so it holds the write lock for a short moment, and never waits for another connection's.
 */
import { ApiError } from '../../shared/api';
import type { ImportResult } from '../../shared/transfer';
import { stringList } from './columns';
import type { Db } from './db';
import { deckById, deckByName, insertDeck } from './decks';
import { upsertKeyword } from './keywords';
import { nextQuestionPosition } from './questions';
import { deckNameTaken, type ImportDestination } from './transfer';

/**
 * The deck the import writes into, made now if it is new. Between the plan and the write the name may have been
 * taken, or the deck deleted: checked again here.
 */
function deckFor(db: Db, where: ImportDestination, now: number): number {
  if (where.kind === 'new') {
    if (deckByName(db, where.name)) throw deckNameTaken(where.name);
    return insertDeck(db, { name: where.name, description: where.description, levels: where.levels }, now);
  }
  const deck = deckById(db, where.deck.id);
  if (!deck) throw new ApiError('not_found', `Deck ${where.deck.id} does not exist (it may have been deleted).`);
  if (JSON.stringify(where.levels) !== JSON.stringify(deck.levels)) {
    db.prepare('UPDATE decks SET levels = ?, updated_at = ? WHERE id = ?').run(
      JSON.stringify(where.levels),
      now,
      where.deck.id,
    );
  }
  return where.deck.id;
}

/** The questions the import updates: their content replaced, their keyword links dropped (the copy relinks them). */
function updateQuestions(db: Db, where: ImportDestination, now: number): void {
  db.prepare(
    `UPDATE questions SET level = s.level, prompt = s.prompt, answer = s.answer, tags = s.tags, updated_at = :now
       FROM staged.staged_questions s WHERE questions.id = s.question_id`,
  ).run({ now });
  // The person chose this content: a newer version of a bundled deck must not overwrite it.
  if (where.kind === 'existing' && where.deck.bundled) {
    db.prepare('UPDATE questions SET edited_at = ? WHERE id IN (SELECT question_id FROM staged.staged_questions)').run(
      now,
    );
  }
  db.exec('DELETE FROM question_keywords WHERE question_id IN (SELECT question_id FROM staged.staged_questions)');
}

/** The keywords: new ones inserted, the import's aliases merged into existing ones. */
function copyKeywords(db: Db): void {
  db.exec(`
    INSERT INTO keywords (label, aliases) SELECT label, aliases FROM staged.staged_keywords WHERE seen IS NULL
      ORDER BY rowid ON CONFLICT (label) DO NOTHING;
    UPDATE keywords SET aliases = s.aliases FROM staged.staged_keywords s
     WHERE keywords.label = s.label AND keywords.aliases = s.seen AND s.aliases <> s.seen;
  `);
  // A keyword the person changed (or created) since the import was staged: its aliases merged one by one.
  const changed = db
    .prepare<[], { label: string; added: string }>(
      `SELECT s.label, s.added FROM staged.staged_keywords s JOIN keywords k ON k.label = s.label
        WHERE k.aliases <> s.aliases AND s.added <> '[]'`,
    )
    .all();
  for (const k of changed) upsertKeyword(db, { label: k.label, aliases: stringList(k.added), weight: 1 });
}

/** Applies the complete staged import in `stageFile` (attached for the moment), or refuses as the plan would. */
export function applyStagedImport(db: Db, stageFile: string, now: number): ImportResult {
  db.prepare('ATTACH DATABASE ? AS staged').run(stageFile);
  try {
    return db.transaction((): ImportResult => {
      const staged = db
        .prepare<[], { destination: string; deck_name: string; created: number; updated: number; skipped: number }>(
          'SELECT destination, deck_name, created, updated, skipped FROM staged.staged_import WHERE complete = 1',
        )
        .get();
      if (!staged) throw new Error('The staged import is not complete.');
      const where = JSON.parse(staged.destination) as ImportDestination;
      const deckId = deckFor(db, where, now);
      const firstId = (db.prepare('SELECT coalesce(max(id), 0) + 1 AS n FROM questions').get() as { n: number }).n;
      const params = { deckId, firstId, position: nextQuestionPosition(db, deckId), now };
      db.prepare(
        `INSERT INTO questions (id, deck_id, source_key, level, prompt, answer, tags, position, created_at, updated_at)
         SELECT :firstId + create_no, :deckId, source_key, level, prompt, answer, tags, :position + create_no, :now, :now
           FROM staged.staged_questions WHERE create_no IS NOT NULL ORDER BY seq`,
      ).run(params);
      if (staged.updated > 0) updateQuestions(db, where, now);
      copyKeywords(db);
      db.prepare(
        `INSERT OR IGNORE INTO question_keywords (question_id, keyword_id, weight, position)
         SELECT coalesce(q.question_id, :firstId + q.create_no), k.id, l.weight, l.position
           FROM staged.staged_links l JOIN staged.staged_questions q ON q.seq = l.seq JOIN keywords k ON k.label = l.label
          ORDER BY l.rowid`,
      ).run({ firstId });
      db.prepare('UPDATE decks SET updated_at = ? WHERE id = ?').run(now, deckId);
      return {
        deckId,
        deckName: staged.deck_name,
        created: staged.created,
        updated: staged.updated,
        skipped: staged.skipped,
      };
    })();
  } finally {
    db.exec('DETACH DATABASE staged');
  }
}
