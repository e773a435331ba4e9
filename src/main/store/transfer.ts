import type { KeywordSpec, ParsedDeck, ParsedQuestion } from '../../shared/domain';
import type { ExistingQuestion } from '../core/import/plan';
import type { Db } from './db';
import { prepared } from './statements';
import { stringList } from './columns';
import type { DeckRef } from './decks';
import { LEVEL_ORDER_SQL } from './question-filter';

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
