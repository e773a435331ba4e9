import type { ParsedDeck } from '../../shared/domain';
import type { Db } from './db';
import { prepared } from './statements';
import { insertDeck, insertQuestion, replaceQuestionContent } from './questions';

export interface BundledDeck {
  /** Stable name of the deck inside the app, e.g. "django". */
  slug: string;
  /** Raise when the deck file changes; installed copies update to it once. */
  version: number;
  deck: ParsedDeck;
}

export type BundledInstall = 'installed' | 'updated' | 'current';

/**
 * Installs a bundled deck on first run, in one transaction, and only once per version.
 * A newer version adds its new questions and updates the ones the person never edited;
 * an edited or deleted question is left as the person left it.
 */
export function installBundledDeck(db: Db, bundled: BundledDeck, now: number): BundledInstall {
  return db.transaction((): BundledInstall => {
    const existing = prepared(db, 'SELECT id, bundled_version FROM decks WHERE bundled_slug = ?').get(bundled.slug) as
      { id: number; bundled_version: number } | undefined;
    const { deck } = bundled;
    if (!existing) {
      const deckId = insertDeck(
        db,
        {
          name: deck.name,
          description: deck.description,
          levels: deck.levels,
          bundledSlug: bundled.slug,
          bundledVersion: bundled.version,
        },
        now,
      );
      deck.questions.forEach((q, position) => insertQuestion(db, deckId, q, position, now));
      return 'installed';
    }
    if (existing.bundled_version >= bundled.version) return 'current';

    const byKey = prepared(db, 'SELECT id, edited_at, deleted_at FROM questions WHERE deck_id = ? AND source_key = ?');
    const nextPosition = prepared(db, 'SELECT coalesce(max(position), -1) + 1 AS p FROM questions WHERE deck_id = ?');
    for (const q of deck.questions) {
      const row = q.key
        ? (byKey.get(existing.id, q.key) as
            { id: number; edited_at: number | null; deleted_at: number | null } | undefined)
        : undefined;
      if (!row) {
        const { p } = nextPosition.get(existing.id) as { p: number };
        insertQuestion(db, existing.id, q, p, now);
      } else if (row.edited_at === null && row.deleted_at === null) {
        replaceQuestionContent(db, row.id, q, now);
      }
    }
    prepared(db, 'UPDATE decks SET bundled_version = ?, levels = ?, updated_at = ? WHERE id = ?').run(
      bundled.version,
      JSON.stringify(deck.levels),
      now,
      existing.id,
    );
    return 'updated';
  })();
}
