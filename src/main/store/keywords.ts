/** Keywords: shared by label across questions, with their aliases; linked to a question with a weight. */
import type { KeywordSpec } from '../../shared/domain';
import type { KeywordCount, QuestionKeyword } from '../../shared/types';
import type { Db } from './db';
import { stringList } from './columns';
import { prepared } from './statements';

/**
 * How a save treats the aliases of a keyword that already exists (keywords are shared by every question that uses
 * them): imports and bundled decks `merge` theirs in; the person's own edit `replace`s them, so an alias can go.
 */
export interface KeywordWriteOptions {
  aliases?: 'merge' | 'replace';
}

/** Aliases without repeats (ignoring case) and without the label itself. */
function cleanAliases(label: string, aliases: readonly string[]): string[] {
  const seen = new Set([label.toLowerCase()]);
  return aliases.filter((a) => {
    const key = a.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Finds or creates a keyword by label (case-insensitive) and merges in any new aliases, or replaces them. */
export function upsertKeyword(
  db: Db,
  spec: KeywordSpec,
  { aliases: mode = 'merge' }: KeywordWriteOptions = {},
): number {
  const existing = prepared<{ id: number; aliases: string }>(
    db,
    'SELECT id, aliases FROM keywords WHERE label = ?',
  ).get(spec.label);
  if (!existing) {
    const result = prepared(db, 'INSERT INTO keywords (label, aliases) VALUES (?, ?)').run(
      spec.label,
      JSON.stringify(mode === 'replace' ? cleanAliases(spec.label, spec.aliases) : spec.aliases),
    );
    return Number(result.lastInsertRowid);
  }
  const aliases = stringList(existing.aliases);
  if (mode === 'replace') {
    const given = cleanAliases(spec.label, spec.aliases);
    if (JSON.stringify(given) !== JSON.stringify(aliases)) {
      prepared(db, 'UPDATE keywords SET aliases = ? WHERE id = ?').run(JSON.stringify(given), existing.id);
    }
    return existing.id;
  }
  const known = new Set(aliases.map((a) => a.toLowerCase()));
  const added = spec.aliases.filter((a) => !known.has(a.toLowerCase()));
  if (added.length > 0) {
    prepared(db, 'UPDATE keywords SET aliases = ? WHERE id = ?').run(
      JSON.stringify([...aliases, ...added]),
      existing.id,
    );
  }
  return existing.id;
}

/** The aliases a keyword has now (none for a keyword not in the bank yet). */
export function keywordAliases(db: Db, label: string): string[] {
  const row = prepared<{ aliases: string }>(db, 'SELECT aliases FROM keywords WHERE label = ?').get(label);
  return row === undefined ? [] : stringList(row.aliases);
}

export function setQuestionKeywords(
  db: Db,
  questionId: number,
  keywords: readonly KeywordSpec[],
  options: KeywordWriteOptions = {},
): void {
  prepared(db, 'DELETE FROM question_keywords WHERE question_id = ?').run(questionId);
  const link = prepared(
    db,
    'INSERT OR IGNORE INTO question_keywords (question_id, keyword_id, weight, position) VALUES (?, ?, ?, ?)',
  );
  // A keyword named twice is linked once; when replacing, its first mention also decides its aliases.
  const seen = new Set<string>();
  keywords.forEach((spec, position) => {
    const key = spec.label.toLowerCase();
    if (options.aliases === 'replace' && seen.has(key)) return;
    seen.add(key);
    link.run(questionId, upsertKeyword(db, spec, options), spec.weight, position);
  });
}

export function keywordsByQuestion(db: Db, questionIds: readonly number[]): Map<number, QuestionKeyword[]> {
  const rows = prepared<{ question_id: number; id: number; label: string; aliases: string; weight: number }>(
    db,
    `SELECT qk.question_id, k.id, k.label, k.aliases, qk.weight
       FROM question_keywords qk JOIN keywords k ON k.id = qk.keyword_id
      WHERE qk.question_id IN (SELECT value FROM json_each(?))
      ORDER BY qk.question_id, qk.position`,
  ).all(JSON.stringify(questionIds));
  const map = new Map<number, QuestionKeyword[]>();
  for (const row of rows) {
    const list = map.get(row.question_id) ?? [];
    list.push({ id: row.id, label: row.label, aliases: stringList(row.aliases), weight: row.weight });
    map.set(row.question_id, list);
  }
  return map;
}

/** A keyword with the number of live questions that use it. */
export interface KeywordCountRow {
  id: number;
  label: string;
  aliases: string;
  question_count: number;
}

export const toKeywordCount = (k: KeywordCountRow): KeywordCount => ({
  id: k.id,
  label: k.label,
  aliases: stringList(k.aliases),
  questionCount: k.question_count,
});

/** The keywords live questions use (of one deck if given), the most used first. */
export function keywordsInUse(db: Db, deckId?: number): KeywordCount[] {
  const deck = deckId === undefined ? '' : 'AND q.deck_id = ?';
  return prepared<KeywordCountRow>(
    db,
    `SELECT k.id, k.label, k.aliases, count(*) AS question_count
       FROM keywords k
       JOIN question_keywords qk ON qk.keyword_id = k.id
       JOIN questions q ON q.id = qk.question_id
      WHERE q.deleted_at IS NULL ${deck}
      GROUP BY k.id ORDER BY question_count DESC, k.label COLLATE NOCASE`,
  )
    .all(...(deckId === undefined ? [] : [deckId]))
    .map(toKeywordCount);
}
