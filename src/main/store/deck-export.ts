import type { ParsedDeck, ParsedQuestion } from '../../shared/domain';
import type { Db } from './db';
import { stringList } from './columns';
import { LEVEL_ORDER_SQL } from './question-filter';
import { keywordsByQuestion } from './keywords';
import { prepared } from './statements';

/** What a deck file says before its questions; null when the deck does not exist. */
export function deckExportHead(db: Db, deckId: number): Pick<ParsedDeck, 'name' | 'description' | 'levels'> | null {
  const deck = prepared<{ name: string; description: string; levels: string }>(
    db,
    'SELECT name, description, levels FROM decks WHERE id = ?',
  ).get(deckId);
  return deck ? { name: deck.name, description: deck.description, levels: stringList(deck.levels) } : null;
}

/** A deck's live questions, ids and levels only, in the deck's level order then their own order. */
export function deckExportOrder(db: Db, deckId: number): { ids: number[]; levels: string[] } {
  const rows = prepared<{ id: number; level: string }>(
    db,
    `SELECT q.id, q.level FROM questions q JOIN decks d ON d.id = q.deck_id
      WHERE q.deck_id = ? AND q.deleted_at IS NULL
      ORDER BY ${LEVEL_ORDER_SQL}, q.position, q.id`,
  ).all(deckId);
  return { ids: rows.map((r) => r.id), levels: rows.map((r) => r.level) };
}

/** Questions ready for a writer, in the order of `ids` (a chunk of an export: two queries, whatever its length). */
export function questionsForExport(db: Db, ids: readonly number[]): ParsedQuestion[] {
  const list = JSON.stringify(ids);
  const rows = prepared<{
    id: number;
    source_key: string | null;
    level: string;
    prompt: string;
    answer: string;
    tags: string;
  }>(
    db,
    'SELECT id, source_key, level, prompt, answer, tags FROM questions WHERE id IN (SELECT value FROM json_each(?))',
  ).all(list);
  const keywords = keywordsByQuestion(db, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        key: r.source_key,
        level: r.level,
        prompt: r.prompt,
        answer: r.answer,
        keywords: (keywords.get(r.id) ?? []).map(({ label, aliases, weight }) => ({ label, aliases, weight })),
        keywordsSuggested: false,
        tags: stringList(r.tags),
        line: 0,
      },
    ];
  });
}

/** A deck with its live questions, in the deck's level order then their own order, ready for a writer. */
export function deckForExport(db: Db, deckId: number): ParsedDeck | null {
  const head = deckExportHead(db, deckId);
  if (!head) return null;
  return { ...head, questions: questionsForExport(db, deckExportOrder(db, deckId).ids), warnings: [] };
}
