import type { KeywordSpec, ParsedDeck, ParsedQuestion } from '../../shared/domain';
import type { ExistingQuestion, PlannedStep } from '../core/import/plan';
import type { Db } from './db';
import { prepared } from './statements';
import { stringList } from './columns';
import { insertDeck, type DeckRef } from './decks';
import { LEVEL_ORDER_SQL } from './question-filter';
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

/** What an import has written so far, in the transaction its caller holds. */
export interface ImportWriter {
  deckId: number;
  /** Writes the next steps, in order. */
  write(steps: readonly PlannedStep[]): void;
  /** The deck's last touch; what was written. */
  finish(): { deckId: number; created: number; updated: number; skipped: number };
}

/**
 * Starts writing a planned import in the caller's transaction: the deck (new, or its levels extended), then, as
 * `write` is given them, the steps in order. The caller commits, or rolls everything back.
 */
export function startImportWrite(db: Db, destination: ImportDestination, now: number): ImportWriter {
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
  return {
    deckId,
    write(steps) {
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
    },
    finish() {
      prepared(db, 'UPDATE decks SET updated_at = ? WHERE id = ?').run(now, deckId);
      return { deckId, created, updated, skipped };
    },
  };
}

/** Writes a planned import in one transaction (see startImportWrite). Any error rolls everything back. */
export function applyImport(
  db: Db,
  destination: ImportDestination,
  steps: readonly PlannedStep[],
  now: number,
): { deckId: number; created: number; updated: number; skipped: number } {
  return db.transaction(() => {
    const writer = startImportWrite(db, destination, now);
    writer.write(steps);
    return writer.finish();
  })();
}

/** A deck with its live questions, in the deck's level order then their own order, ready for a writer. */
export function deckForExport(db: Db, deckId: number): ParsedDeck | null {
  const deck = prepared<{ id: number; name: string; description: string; levels: string }>(
    db,
    'SELECT id, name, description, levels FROM decks WHERE id = ?',
  ).get(deckId);
  if (!deck) return null;
  const rows = prepared<{
    id: number;
    source_key: string | null;
    level: string;
    prompt: string;
    answer: string;
    tags: string;
  }>(
    db,
    `SELECT q.id, q.source_key, q.level, q.prompt, q.answer, q.tags
         FROM questions q JOIN decks d ON d.id = q.deck_id
        WHERE q.deck_id = ? AND q.deleted_at IS NULL
        ORDER BY ${LEVEL_ORDER_SQL}, q.position, q.id`,
  ).all(deckId);
  const keywordRows = prepared<{ question_id: number; label: string; aliases: string; weight: number }>(
    db,
    `SELECT qk.question_id, k.label, k.aliases, qk.weight
         FROM question_keywords qk JOIN keywords k ON k.id = qk.keyword_id JOIN questions q ON q.id = qk.question_id
        WHERE q.deck_id = ? AND q.deleted_at IS NULL ORDER BY qk.question_id, qk.position`,
  ).all(deckId);
  const keywords = new Map<number, KeywordSpec[]>();
  for (const k of keywordRows) {
    const list = keywords.get(k.question_id) ?? [];
    list.push({ label: k.label, aliases: stringList(k.aliases), weight: k.weight });
    keywords.set(k.question_id, list);
  }
  const questions: ParsedQuestion[] = rows.map((r) => ({
    key: r.source_key,
    level: r.level,
    prompt: r.prompt,
    answer: r.answer,
    keywords: keywords.get(r.id) ?? [],
    keywordsSuggested: false,
    tags: stringList(r.tags),
    line: 0,
  }));
  return {
    name: deck.name,
    description: deck.description,
    levels: stringList(deck.levels),
    questions,
    warnings: [],
  };
}
