import { ApiError } from '../../shared/api';
import type { ExistingQuestion } from '../core/import/plan';
import type { Db } from './db';
import { prepared } from './statements';
import type { DeckRef } from './decks';

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

/** An import into a new deck whose name another deck has: when it is planned, and again when it is written. */
export function deckNameTaken(name: string): ApiError {
  return new ApiError(
    'conflict',
    `There is already a deck called “${name}”. Import into it, or give the new deck another name.`,
  );
}
