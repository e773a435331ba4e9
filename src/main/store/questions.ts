import type { KeywordSpec, ParsedQuestion } from '../../shared/domain';
import type {
  BankSummary,
  DeckSummary,
  DeletedQuestion,
  KeywordCount,
  KeywordRef,
  LevelCount,
  LibraryFacets,
  LibraryOverview,
  QuestionDetail,
  QuestionKeyword,
  QuestionPage,
  QuestionSummary,
  SearchMatch,
} from '../../shared/types';
import type { QuestionFilter } from '../../shared/api';
import type { Db } from './db';
import { countOf, prepared } from './statements';
import { stringList } from './columns';

interface DeckRow {
  id: number;
  name: string;
  description: string;
  levels: string;
  bundled_slug: string | null;
  question_count: number;
}

function toDeckSummary(row: DeckRow): DeckSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    levels: stringList(row.levels),
    questionCount: row.question_count,
    bundled: row.bundled_slug !== null,
  };
}

export function listDecks(db: Db): DeckSummary[] {
  const rows = prepared<DeckRow>(
    db,
    `SELECT d.id, d.name, d.description, d.levels, d.bundled_slug,
            (SELECT count(*) FROM questions q WHERE q.deck_id = d.id AND q.deleted_at IS NULL) AS question_count
       FROM decks d ORDER BY d.name COLLATE NOCASE`,
  ).all();
  return rows.map(toDeckSummary);
}

export function insertDeck(
  db: Db,
  deck: { name: string; description: string; levels: string[]; bundledSlug?: string; bundledVersion?: number },
  now: number,
): number {
  const result = db
    .prepare(
      `INSERT INTO decks (name, description, levels, bundled_slug, bundled_version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      deck.name,
      deck.description,
      JSON.stringify(deck.levels),
      deck.bundledSlug ?? null,
      deck.bundledVersion ?? null,
      now,
      now,
    );
  return Number(result.lastInsertRowid);
}

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
    const result = db
      .prepare('INSERT INTO keywords (label, aliases) VALUES (?, ?)')
      .run(spec.label, JSON.stringify(mode === 'replace' ? cleanAliases(spec.label, spec.aliases) : spec.aliases));
    return Number(result.lastInsertRowid);
  }
  const aliases = stringList(existing.aliases);
  if (mode === 'replace') {
    const given = cleanAliases(spec.label, spec.aliases);
    if (JSON.stringify(given) !== JSON.stringify(aliases)) {
      db.prepare('UPDATE keywords SET aliases = ? WHERE id = ?').run(JSON.stringify(given), existing.id);
    }
    return existing.id;
  }
  const known = new Set(aliases.map((a) => a.toLowerCase()));
  const added = spec.aliases.filter((a) => !known.has(a.toLowerCase()));
  if (added.length > 0) {
    db.prepare('UPDATE keywords SET aliases = ? WHERE id = ?').run(JSON.stringify([...aliases, ...added]), existing.id);
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
  db.prepare('DELETE FROM question_keywords WHERE question_id = ?').run(questionId);
  const link = db.prepare(
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

export function insertQuestion(
  db: Db,
  deckId: number,
  q: ParsedQuestion,
  position: number,
  now: number,
  options: KeywordWriteOptions = {},
): number {
  const result = db
    .prepare(
      `INSERT INTO questions (deck_id, source_key, level, prompt, answer, tags, position, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(deckId, q.key, q.level, q.prompt, q.answer, JSON.stringify(q.tags), position, now, now);
  const questionId = Number(result.lastInsertRowid);
  setQuestionKeywords(db, questionId, q.keywords, options);
  return questionId;
}

/** Replaces a question's content, as a newer source provides it; marks nothing as edited. */
export function replaceQuestionContent(db: Db, questionId: number, q: ParsedQuestion, now: number): void {
  db.prepare('UPDATE questions SET level = ?, prompt = ?, answer = ?, tags = ?, updated_at = ? WHERE id = ?').run(
    q.level,
    q.prompt,
    q.answer,
    JSON.stringify(q.tags),
    now,
    questionId,
  );
  setQuestionKeywords(db, questionId, q.keywords);
}

function keywordsByQuestion(db: Db, questionIds: readonly number[]): Map<number, QuestionKeyword[]> {
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

/** The WHERE clause of a question filter, shared by the library list and session planning. */
export function questionFilterSql(filter: Pick<QuestionFilter, 'deckIds' | 'levels' | 'keywordIds' | 'search'>): {
  where: string;
  params: unknown[];
} {
  const clauses = ['q.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (filter.deckIds?.length) {
    clauses.push('q.deck_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filter.deckIds));
  }
  if (filter.levels?.length) {
    clauses.push('q.level IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filter.levels));
  }
  if (filter.keywordIds?.length) {
    clauses.push(
      'EXISTS (SELECT 1 FROM question_keywords qk WHERE qk.question_id = q.id AND qk.keyword_id IN (SELECT value FROM json_each(?)))',
    );
    params.push(JSON.stringify(filter.keywordIds));
  }
  const search = filter.search?.trim();
  if (search) {
    clauses.push(
      `(instr(lower(q.prompt), lower(?)) > 0 OR instr(lower(q.answer), lower(?)) > 0
        OR EXISTS (SELECT 1 FROM question_keywords qk JOIN keywords k ON k.id = qk.keyword_id
                    WHERE qk.question_id = q.id AND (instr(lower(k.label), lower(?)) > 0 OR instr(lower(k.aliases), lower(?)) > 0)))`,
    );
    params.push(search, search, search, search);
  }
  return { where: clauses.join(' AND '), params };
}

/** Orders questions by deck, then by the deck's own level order, then by position. */
export const LEVEL_ORDER_SQL = `coalesce((SELECT key FROM json_each(d.levels) WHERE value = q.level), 99)`;

interface ListedQuestionRow {
  id: number;
  deck_id: number;
  deck_name: string;
  level: string;
  prompt: string;
  /** Only when searching: 1 if the prompt holds the search. */
  in_prompt?: number;
  /** Only when searching: the answer, if it holds the search. */
  matched_answer?: string | null;
}

export function listQuestions(db: Db, filter: QuestionFilter): QuestionPage {
  const { where, params } = questionFilterSql(filter);
  const from = `FROM questions q JOIN decks d ON d.id = q.deck_id WHERE ${where}`;
  const total = countOf(db, `SELECT count(*) AS n ${from}`, ...params);
  const search = filter.search?.trim() ?? '';
  // A search also says where it matched: the prompt, the answer (and the words around it), the keywords.
  const matchColumns = search
    ? `, instr(lower(q.prompt), lower(?)) > 0 AS in_prompt,
         CASE WHEN instr(lower(q.answer), lower(?)) > 0 THEN q.answer END AS matched_answer`
    : '';
  const rows = prepared<ListedQuestionRow>(
    db,
    `SELECT q.id, q.deck_id, d.name AS deck_name, q.level, q.prompt ${matchColumns} ${from}
      ORDER BY d.name COLLATE NOCASE, ${LEVEL_ORDER_SQL}, q.position LIMIT ? OFFSET ?`,
  ).all(...(search ? [search, search] : []), ...params, filter.limit ?? 200, filter.offset ?? 0);
  const keywords = keywordsByQuestion(
    db,
    rows.map((r) => r.id),
  );
  const needle = search.toLowerCase();
  return {
    total,
    items: rows.map((r) => {
      const refs = (keywords.get(r.id) ?? []).map(({ id, label, aliases }): KeywordRef => ({ id, label, aliases }));
      const item: QuestionSummary = {
        id: r.id,
        deckId: r.deck_id,
        deckName: r.deck_name,
        level: r.level,
        prompt: r.prompt,
        keywords: refs,
      };
      if (search) item.match = searchMatch(r.in_prompt === 1, r.matched_answer ?? null, refs, needle);
      return item;
    }),
  };
}

/**
 * The words around the first place `needle` occurs in a Markdown `text`: on one line, without the
 * Markdown marks that would show as symbols (code quotes, bold, headings, links), cut at word ends.
 */
export function snippetAround(text: string, needle: string, before = 50, after = 90): string {
  const flat = text
    .replace(/`+/g, '')
    .replace(/\*\*/g, '')
    .replace(/^#+\s*/gm, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  const at = flat.toLowerCase().indexOf(needle);
  if (at < 0) return '';
  let start = Math.max(0, at - before);
  let end = Math.min(flat.length, at + needle.length + after);
  if (start > 0) start = flat.lastIndexOf(' ', at) >= start ? flat.indexOf(' ', start) + 1 : start;
  if (end < flat.length) end = Math.max(at + needle.length, flat.lastIndexOf(' ', end));
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}

function searchMatch(inPrompt: boolean, answer: string | null, keywords: KeywordRef[], needle: string): SearchMatch {
  const named = keywords.filter(
    (k) => k.label.toLowerCase().includes(needle) || k.aliases.some((a) => a.toLowerCase().includes(needle)),
  );
  const match: SearchMatch = { fields: [] };
  if (inPrompt) match.fields.push('prompt');
  if (answer !== null) {
    match.fields.push('answer');
    match.answerSnippet = snippetAround(answer, needle);
  }
  if (named.length) {
    match.fields.push('keyword');
    match.keywords = named.map((k) => k.label);
  }
  return match;
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

/** A level with its question count and its place in its deck's list of levels. */
type RankedLevelRow = LevelCount & { rank: number };

/** A keyword with the number of live questions that use it. */
interface KeywordCountRow {
  id: number;
  label: string;
  aliases: string;
  question_count: number;
}

const toKeywordCount = (k: KeywordCountRow): KeywordCount => ({
  id: k.id,
  label: k.label,
  aliases: stringList(k.aliases),
  questionCount: k.question_count,
});

/** The levels in use (in deck order) and the keywords in use (most used first), of one deck or of all. */
export function libraryFacets(db: Db, deckId?: number): LibraryFacets {
  const deck = deckId === undefined ? '' : 'AND q.deck_id = ?';
  const params = deckId === undefined ? [] : [deckId];
  const levelRows = prepared<RankedLevelRow>(
    db,
    `SELECT q.level, count(*) AS count, min(${LEVEL_ORDER_SQL}) AS rank
       FROM questions q JOIN decks d ON d.id = q.deck_id
      WHERE q.deleted_at IS NULL ${deck}
      GROUP BY q.level ORDER BY rank, q.level`,
  ).all(...params);
  const keywords = prepared<KeywordCountRow>(
    db,
    `SELECT k.id, k.label, k.aliases, count(*) AS question_count
       FROM keywords k
       JOIN question_keywords qk ON qk.keyword_id = k.id
       JOIN questions q ON q.id = qk.question_id
       JOIN decks d ON d.id = q.deck_id
      WHERE q.deleted_at IS NULL ${deck}
      GROUP BY k.id ORDER BY question_count DESC, k.label COLLATE NOCASE`,
  ).all(...params);
  return { levels: levelRows.map(({ level, count }) => ({ level, count })), keywords: keywords.map(toKeywordCount) };
}

/** The bank in outline: decks, levels with their counts, and how many keywords are in use. */
export function bankSummary(db: Db): BankSummary {
  // Counted per deck and level first: the level's rank in its deck's list is then looked up once per
  // deck and level, not once per question (the bank summary took 10 ms at 7,000 questions).
  const levelRows = prepared<RankedLevelRow>(
    db,
    `SELECT g.level, sum(g.count) AS count,
            min(coalesce((SELECT key FROM json_each(d.levels) WHERE value = g.level), 99)) AS rank
       FROM (SELECT deck_id, level, count(*) AS count FROM questions WHERE deleted_at IS NULL GROUP BY deck_id, level) g
       JOIN decks d ON d.id = g.deck_id
      GROUP BY g.level ORDER BY rank, g.level`,
  ).all();
  // A keyword counts once one live question uses it: a seek per keyword that stops at the first.
  const n = countOf(
    db,
    `SELECT count(*) AS n FROM keywords k
      WHERE EXISTS (SELECT 1 FROM question_keywords qk
                      JOIN questions q ON q.id = qk.question_id
                     WHERE qk.keyword_id = k.id AND q.deleted_at IS NULL)`,
  );
  return {
    questionCount: levelRows.reduce((sum, l) => sum + l.count, 0),
    decks: listDecks(db),
    levels: levelRows.map(({ level, count }) => ({ level, count })),
    keywordCount: n,
  };
}

export function libraryOverview(db: Db): LibraryOverview {
  const { questionCount, decks, levels } = bankSummary(db);
  const keywords = prepared<KeywordCountRow>(
    db,
    `SELECT k.id, k.label, k.aliases, count(*) AS question_count
         FROM keywords k
         JOIN question_keywords qk ON qk.keyword_id = k.id
         JOIN questions q ON q.id = qk.question_id
        WHERE q.deleted_at IS NULL
        GROUP BY k.id ORDER BY question_count DESC, k.label COLLATE NOCASE`,
  ).all();
  return { questionCount, decks, levels, keywords: keywords.map(toKeywordCount) };
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

export function updateDeck(
  db: Db,
  id: number,
  patch: { name?: string; description?: string; levels?: string[] },
  now: number,
): void {
  db.prepare(
    `UPDATE decks SET name = coalesce(?, name), description = coalesce(?, description), levels = coalesce(?, levels),
            updated_at = ? WHERE id = ?`,
  ).run(patch.name ?? null, patch.description ?? null, patch.levels ? JSON.stringify(patch.levels) : null, now, id);
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

/** The keywords of a deck's live questions, the most used first. */
export function deckKeywords(db: Db, deckId: number): KeywordCount[] {
  return prepared<KeywordCountRow>(
    db,
    `SELECT k.id, k.label, k.aliases, count(*) AS question_count
       FROM keywords k
       JOIN question_keywords qk ON qk.keyword_id = k.id
       JOIN questions q ON q.id = qk.question_id
      WHERE q.deck_id = ? AND q.deleted_at IS NULL
      GROUP BY k.id ORDER BY question_count DESC, k.label COLLATE NOCASE`,
  )
    .all(deckId)
    .map(toKeywordCount);
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

export function deckImpact(db: Db, id: number): { questions: number; attempts: number } {
  const impact = prepared<{ questions: number; attempts: number }>(
    db,
    `SELECT (SELECT count(*) FROM questions WHERE deck_id = ? AND deleted_at IS NULL) AS questions,
            (SELECT count(*) FROM attempts a JOIN questions q ON q.id = a.question_id WHERE q.deck_id = ?) AS attempts`,
  ).get(id, id);
  return impact ?? { questions: 0, attempts: 0 };
}

/**
 * Deletes a deck with its questions and their attempt history (the person confirmed the counts): a hard delete.
 * A bundled deck is remembered as removed, in the same transaction, so the next start does not install it again.
 */
export function deleteDeck(db: Db, id: number, now: number): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO bundled_removed (slug, removed_at) SELECT bundled_slug, ? FROM decks WHERE id = ? AND bundled_slug IS NOT NULL
         ON CONFLICT (slug) DO UPDATE SET removed_at = excluded.removed_at`,
    ).run(now, id);
    db.prepare('DELETE FROM decks WHERE id = ?').run(id);
  })();
}

export interface DeckRef {
  id: number;
  name: string;
  levels: string[];
  bundled: boolean;
}

interface DeckRefRow {
  id: number;
  name: string;
  levels: string;
  bundled_slug: string | null;
}

const toRef = (row: DeckRefRow): DeckRef => ({
  id: row.id,
  name: row.name,
  levels: stringList(row.levels),
  bundled: row.bundled_slug !== null,
});

export function deckById(db: Db, id: number): DeckRef | null {
  const row = prepared<DeckRefRow>(db, 'SELECT id, name, levels, bundled_slug FROM decks WHERE id = ?').get(id);
  return row ? toRef(row) : null;
}

/** The deck with this name, ignoring case (deck names are unique that way). */
export function deckByName(db: Db, name: string): DeckRef | null {
  const row = prepared<DeckRefRow>(
    db,
    'SELECT id, name, levels, bundled_slug FROM decks WHERE name = ? COLLATE NOCASE LIMIT 1',
  ).get(name.trim());
  return row ? toRef(row) : null;
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

/** Soft-deleted questions of live decks (of one deck if given), newest deletion first, with their attempt counts. */
export function listDeletedQuestions(db: Db, deckId?: number, limit = 200): DeletedQuestion[] {
  return prepared<DeletedQuestion>(
    db,
    `SELECT q.id, q.deck_id AS deckId, d.name AS deckName, q.level, q.prompt, q.deleted_at AS deletedAt,
              (SELECT count(*) FROM attempts a WHERE a.question_id = q.id) AS attempts
         FROM questions q JOIN decks d ON d.id = q.deck_id
        WHERE q.deleted_at IS NOT NULL AND (? IS NULL OR q.deck_id = ?)
        ORDER BY q.deleted_at DESC, q.id DESC
        LIMIT ?`,
  ).all(deckId ?? null, deckId ?? null, limit);
}
