/** Questions: written (by an import, a bundled deck or the person's edit), read one at a time, soft-deleted. */
import type { ParsedQuestion } from '../../shared/domain';
import type { QuestionDetail } from '../../shared/types';
import type { QuestionFilter } from '../../shared/api';
import type { Db } from './db';
import { stringList } from './columns';
import { keywordsByQuestion, setQuestionKeywords, type KeywordWriteOptions } from './keywords';
import { LEVEL_ORDER_SQL, questionFilterSql } from './question-filter';
import { countOf, prepared } from './statements';

export function insertQuestion(
  db: Db,
  deckId: number,
  q: ParsedQuestion,
  position: number,
  now: number,
  options: KeywordWriteOptions = {},
): number {
  const result = prepared(
    db,
    `INSERT INTO questions (deck_id, source_key, level, prompt, answer, tags, position, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(deckId, q.key, q.level, q.prompt, q.answer, JSON.stringify(q.tags), position, now, now);
  const questionId = Number(result.lastInsertRowid);
  setQuestionKeywords(db, questionId, q.keywords, options);
  return questionId;
}

/** Replaces a question's content, as a newer source provides it; marks nothing as edited. */
export function replaceQuestionContent(db: Db, questionId: number, q: ParsedQuestion, now: number): void {
  prepared(db, 'UPDATE questions SET level = ?, prompt = ?, answer = ?, tags = ?, updated_at = ? WHERE id = ?').run(
    q.level,
    q.prompt,
    q.answer,
    JSON.stringify(q.tags),
    now,
    questionId,
  );
  setQuestionKeywords(db, questionId, q.keywords);
}

/** A question by id; `includeDeleted` finds soft-deleted ones too, for the history of past attempts. */
export function getQuestion(db: Db, id: number, { includeDeleted = false } = {}): QuestionDetail | null {
  const row = prepared<{
    id: number;
    deck_id: number;
    deck_name: string;
    level: string;
    prompt: string;
    answer: string;
    tags: string;
    edited_at: number | null;
  }>(
    db,
    `SELECT q.id, q.deck_id, d.name AS deck_name, q.level, q.prompt, q.answer, q.tags, q.edited_at
       FROM questions q JOIN decks d ON d.id = q.deck_id WHERE q.id = ? AND (? OR q.deleted_at IS NULL)`,
  ).get(id, includeDeleted ? 1 : 0);
  if (!row) return null;
  return {
    id: row.id,
    deckId: row.deck_id,
    deckName: row.deck_name,
    level: row.level,
    prompt: row.prompt,
    answer: row.answer,
    keywords: keywordsByQuestion(db, [row.id]).get(row.id) ?? [],
    tags: stringList(row.tags),
    edited: row.edited_at !== null,
  };
}

export interface CandidateRow {
  id: number;
  level: string;
  levelRank: number;
}

/** The live questions a session may ask: an explicit list, or everything the filter matches. */
export function candidateQuestions(
  db: Db,
  selection: { questionIds: readonly number[] } | Pick<QuestionFilter, 'deckIds' | 'levels' | 'keywordIds'>,
): CandidateRow[] {
  const { where, params } =
    'questionIds' in selection
      ? {
          where: 'q.deleted_at IS NULL AND q.id IN (SELECT value FROM json_each(?))',
          params: [JSON.stringify(selection.questionIds)],
        }
      : questionFilterSql(selection);
  return prepared<CandidateRow>(
    db,
    `SELECT q.id, q.level, ${LEVEL_ORDER_SQL} AS levelRank
       FROM questions q JOIN decks d ON d.id = q.deck_id WHERE ${where} ORDER BY q.id`,
  ).all(...params);
}

/** Live questions of a deck at a level (exact name, as stored). */
export function questionsAtLevel(db: Db, deckId: number, level: string): number {
  return countOf(
    db,
    'SELECT count(*) AS n FROM questions WHERE deck_id = ? AND level = ? AND deleted_at IS NULL',
    deckId,
    level,
  );
}

/**
 * A level renamed in a deck: every question of the deck at `from` moves to `to`, deleted ones too (so a restore
 * finds its level). Past answers keep the level they were asked at.
 */
export function renameQuestionLevel(db: Db, deckId: number, from: string, to: string, now: number): number {
  return db
    .prepare('UPDATE questions SET level = ?, updated_at = ? WHERE deck_id = ? AND level = ?')
    .run(to, now, deckId, from).changes;
}

/** Whether any of these questions (deleted ones included) belongs to the deck. */
export function deckHasAnyOf(db: Db, deckId: number, questionIds: readonly number[]): boolean {
  return (
    db
      .prepare('SELECT 1 FROM questions WHERE deck_id = ? AND id IN (SELECT value FROM json_each(?)) LIMIT 1')
      .get(deckId, JSON.stringify(questionIds)) !== undefined
  );
}

/** The error SQLite raises when a write would give a deck two live questions with one prompt (questions_live_prompt). */
export function isDuplicatePromptError(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== 'SqliteError') return false;
  return (
    'code' in error &&
    error.code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    error.message.includes('questions.deck_id, questions.prompt')
  );
}

/** The live question of a deck with this prompt (case-insensitive), other than `exceptId`. */
export function questionWithPrompt(db: Db, deckId: number, prompt: string, exceptId = 0): number | null {
  const row = prepared<{ id: number }>(
    db,
    'SELECT id FROM questions WHERE deck_id = ? AND prompt = ? COLLATE NOCASE AND deleted_at IS NULL AND id != ?',
  ).get(deckId, prompt, exceptId);
  return row?.id ?? null;
}

export function nextQuestionPosition(db: Db, deckId: number): number {
  return countOf(db, 'SELECT coalesce(max(position), -1) + 1 AS n FROM questions WHERE deck_id = ?', deckId);
}

/**
 * The person's own edit: the content changes and the question is marked edited, so no deck update overwrites it.
 * The keywords' aliases become exactly the ones given (they are the keyword's, shared by every question using it).
 */
export function editQuestion(db: Db, id: number, q: ParsedQuestion & { deckId: number }, now: number): void {
  db.prepare(
    'UPDATE questions SET deck_id = ?, level = ?, prompt = ?, answer = ?, tags = ?, edited_at = ?, updated_at = ? WHERE id = ?',
  ).run(q.deckId, q.level, q.prompt, q.answer, JSON.stringify(q.tags), now, now, id);
  setQuestionKeywords(db, id, q.keywords, { aliases: 'replace' });
}

export function setQuestionDeleted(db: Db, id: number, deletedAt: number | null): void {
  db.prepare('UPDATE questions SET deleted_at = ? WHERE id = ?').run(deletedAt, id);
}
