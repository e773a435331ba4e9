import type { ParsedDeck, ParsedQuestion } from '../../shared/domain';
import type { Db } from './db';
import { stringList } from './columns';
import { prepared } from './statements';
import { insertDeck } from './decks';
import { insertQuestion, questionWithPrompt, replaceQuestionContent } from './questions';

export interface BundledDeck {
  /** Stable name of the deck inside the app, e.g. "django". */
  slug: string;
  /** Raise when the deck file changes; installed copies update to it once. */
  version: number;
  deck: ParsedDeck;
}

/** `removed`: the person deleted this bundled deck; it stays deleted until they add it again (addBundledDeckAgain). */
export type BundledInstall = 'installed' | 'updated' | 'current' | 'removed';

interface InstalledRow {
  id: number;
  source_key: string;
  edited_at: number | null;
  deleted_at: number | null;
}

/**
 * Installs a bundled deck on first run, in one transaction, and only once per version.
 *
 * A newer version updates the installed copy by `Id:` (the question's source key):
 * - a question the person never edited or deleted takes the new content: prompt, level, answer, tags, keywords, and
 *   its place in the deck;
 * - a question the person edited or deleted stays as they left it;
 * - a new question is added at its place, unless the deck already has a live question with its prompt (the person's
 *   own): that one is left alone and nothing is added;
 * - a question the new version no longer has is removed only if the person never edited, deleted or answered it and
 *   no session still plans to ask it; otherwise it stays, as it is.
 * Answers, grades and review schedules are never touched: attempts keep the level they were asked at.
 */
export function installBundledDeck(db: Db, bundled: BundledDeck, now: number): BundledInstall {
  return db.transaction((): BundledInstall => {
    if (isBundledDeckRemoved(db, bundled.slug)) return 'removed';
    const existing = prepared<{ id: number; bundled_version: number; levels: string }>(
      db,
      'SELECT id, bundled_version, levels FROM decks WHERE bundled_slug = ?',
    ).get(bundled.slug);
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

    updateQuestions(db, existing.id, deck.questions, now);
    removeDroppedQuestions(db, existing.id, deck.questions);
    refreshKeywordAliases(db, existing.id, deck.questions);
    // The person's levels (renamed, reordered or added) stay; a level the new version brings is added at the end.
    const levels = stringList(existing.levels);
    const known = new Set(levels.map((l) => l.toLowerCase()));
    const added = deck.levels.filter((l) => !known.has(l.toLowerCase()));
    db.prepare('UPDATE decks SET bundled_version = ?, levels = ?, updated_at = ? WHERE id = ?').run(
      bundled.version,
      JSON.stringify([...levels, ...added]),
      now,
      existing.id,
    );
    return 'updated';
  })();
}

export function isBundledDeckRemoved(db: Db, slug: string): boolean {
  return db.prepare('SELECT 1 FROM bundled_removed WHERE slug = ?').get(slug) !== undefined;
}

/** The person changed their mind: forgets that the deck was removed and installs it as on a first start. */
export function addBundledDeckAgain(db: Db, bundled: BundledDeck, now: number): BundledInstall {
  return db.transaction((): BundledInstall => {
    db.prepare('DELETE FROM bundled_removed WHERE slug = ?').run(bundled.slug);
    return installBundledDeck(db, bundled, now);
  })();
}

function updateQuestions(db: Db, deckId: number, questions: readonly ParsedQuestion[], now: number): void {
  const installed = new Map(
    prepared<InstalledRow>(
      db,
      'SELECT id, source_key, edited_at, deleted_at FROM questions WHERE deck_id = ? AND source_key IS NOT NULL',
    )
      .all(deckId)
      .map((row) => [row.source_key, row]),
  );
  const setPosition = db.prepare('UPDATE questions SET position = ? WHERE id = ?');
  questions.forEach((q, position) => {
    const row = q.key === null ? undefined : installed.get(q.key);
    if (!row) {
      if (questionWithPrompt(db, deckId, q.prompt) === null) insertQuestion(db, deckId, q, position, now);
      return;
    }
    if (row.edited_at !== null || row.deleted_at !== null) return;
    // A live question of the person's own already has the new prompt: theirs wins, this one stays as it was.
    if (questionWithPrompt(db, deckId, q.prompt, row.id) !== null) return;
    replaceQuestionContent(db, row.id, q, now);
    setPosition.run(position, row.id);
  });
}

function removeDroppedQuestions(db: Db, deckId: number, questions: readonly ParsedQuestion[]): void {
  const keys = questions.flatMap((q) => (q.key === null ? [] : [q.key]));
  db.prepare(
    `DELETE FROM questions
      WHERE deck_id = ? AND source_key IS NOT NULL AND source_key NOT IN (SELECT value FROM json_each(?))
        AND edited_at IS NULL AND deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.question_id = questions.id)
        AND NOT EXISTS (SELECT 1 FROM review_state r WHERE r.question_id = questions.id)
        AND NOT EXISTS (SELECT 1 FROM sessions s, json_each(s.plan) p
                         WHERE s.status = 'active' AND p.value = questions.id)`,
  ).run(deckId, JSON.stringify(keys));
}

/**
 * Keywords are shared by label, and an update merges new aliases in. A keyword that only this deck's untouched
 * questions use carries nothing of the person's or of another deck: it takes exactly the aliases the new version
 * gives it, so an alias a later edition dropped (too vague, say) does not linger in the installed copy.
 */
function refreshKeywordAliases(db: Db, deckId: number, questions: readonly ParsedQuestion[]): void {
  const aliasesByLabel = new Map<string, readonly string[]>();
  for (const q of questions) for (const k of q.keywords) aliasesByLabel.set(k.label.toLowerCase(), k.aliases);
  const keywordOf = prepared<{ id: number }>(db, 'SELECT id FROM keywords WHERE label = ?');
  const usedElsewhere = db
    .prepare(
      `SELECT 1 FROM question_keywords qk JOIN questions q ON q.id = qk.question_id
        WHERE qk.keyword_id = ? AND (q.deck_id != ? OR q.edited_at IS NOT NULL) LIMIT 1`,
    )
    .pluck();
  const setAliases = db.prepare('UPDATE keywords SET aliases = ? WHERE id = ?');
  for (const [label, aliases] of aliasesByLabel) {
    const id = keywordOf.get(label)?.id;
    if (id === undefined || usedElsewhere.get(id, deckId) !== undefined) continue;
    setAliases.run(JSON.stringify(aliases), id);
  }
}
