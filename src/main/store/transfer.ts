import type { ExistingQuestion, PlannedStep } from '../core/import/plan';
import type { Db } from './db';
import { prepared } from './statements';
import { insertDeck, type DeckRef } from './decks';
import { insertQuestion, nextQuestionPosition, replaceQuestionContent } from './questions';

export function questionsForMatching(db: Db, deckId: number): ExistingQuestion[] {
  return prepared<{ id: number; prompt: string; source_key: string | null; deleted_at: number | null }>(
    db,
    'SELECT id, prompt, source_key, deleted_at FROM questions WHERE deck_id = ?',
  )
    .all(deckId)
    .map((r) => ({ id: r.id, prompt: r.prompt, key: r.source_key, deleted: r.deleted_at !== null }));
}

export type ImportDestination =
  | { kind: 'existing'; deck: DeckRef; levels: string[] }
  | { kind: 'new'; name: string; description: string; levels: string[] };

/**
 * Writes a planned import in one transaction: the deck (new, or its levels extended), then every step in order.
 * Any error rolls everything back.
 */
export function applyImport(
  db: Db,
  destination: ImportDestination,
  steps: readonly PlannedStep[],
  now: number,
): { deckId: number; created: number; updated: number; skipped: number } {
  return db.transaction(() => {
    let deckId: number;
    let bundled = false;
    if (destination.kind === 'new') {
      deckId = insertDeck(
        db,
        { name: destination.name, description: destination.description, levels: destination.levels },
        now,
      );
    } else {
      deckId = destination.deck.id;
      bundled = destination.deck.bundled;
      if (JSON.stringify(destination.levels) !== JSON.stringify(destination.deck.levels)) {
        prepared(db, 'UPDATE decks SET levels = ?, updated_at = ? WHERE id = ?').run(
          JSON.stringify(destination.levels),
          now,
          deckId,
        );
      }
    }
    let position = nextQuestionPosition(db, deckId);
    let created = 0;
    let updated = 0;
    let skipped = 0;
    for (const step of steps) {
      if (step.action === 'create') {
        insertQuestion(db, deckId, { ...step.question, key: step.key }, position++, now);
        created++;
      } else if (step.action === 'update') {
        replaceQuestionContent(db, step.id, step.question, now);
        // The person chose this content: a newer version of a bundled deck must not overwrite it.
        if (bundled) prepared(db, 'UPDATE questions SET edited_at = ? WHERE id = ?').run(now, step.id);
        updated++;
      } else skipped++;
    }
    prepared(db, 'UPDATE decks SET updated_at = ? WHERE id = ?').run(now, deckId);
    return { deckId, created, updated, skipped };
  })();
}
