/** What the Library and Home read of the bank: a page of questions with search matches, facets, the bank in outline. */
import type {
  BankSummary,
  DeletedQuestion,
  KeywordRef,
  LevelCount,
  LibraryFacets,
  LibraryOverview,
  QuestionPage,
  QuestionSummary,
  SearchMatch,
} from '../../shared/types';
import type { QuestionFilter } from '../../shared/api';
import type { Db } from './db';
import { listDecks } from './decks';
import { keywordsByQuestion, keywordsInUse } from './keywords';
import { LEVEL_ORDER_SQL, questionFilterSql } from './question-filter';
import { countOf, prepared } from './statements';

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

/** A level with its question count and its place in its deck's list of levels. */
type RankedLevelRow = LevelCount & { rank: number };

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
  return { levels: levelRows.map(({ level, count }) => ({ level, count })), keywords: keywordsInUse(db, deckId) };
}

/**
 * Live questions per level, in the decks' order of levels. Counted per deck and level first (from the live questions'
 * index, migration 0011): the level's rank in its deck's list is then looked up once per deck and level, not once
 * per question (the bank summary took 10 ms at 7,000 questions).
 */
export const BANK_LEVELS_SQL = `
  SELECT g.level, sum(g.count) AS count,
         min(coalesce((SELECT key FROM json_each(d.levels) WHERE value = g.level), 99)) AS rank
    FROM (SELECT deck_id, level, count(*) AS count FROM questions WHERE deleted_at IS NULL GROUP BY deck_id, level) g
    JOIN decks d ON d.id = g.deck_id
   GROUP BY g.level ORDER BY rank, g.level`;

/**
 * Keywords that at least one live question uses: one pass over the keyword index of question_keywords, each question
 * checked against the deleted ones (few or none, from their own index since migration 0011) instead of looked up in
 * the questions table (a seek per keyword and per question: 4 ms at 12,700 keywords).
 */
export const KEYWORDS_IN_USE_COUNT_SQL = `
  SELECT count(DISTINCT qk.keyword_id) AS n FROM question_keywords qk
   WHERE qk.question_id NOT IN (SELECT id FROM questions WHERE deleted_at IS NOT NULL)`;

/** The bank in outline: decks, levels with their counts, and how many keywords are in use. */
export function bankSummary(db: Db): BankSummary {
  const levelRows = prepared<RankedLevelRow>(db, BANK_LEVELS_SQL).all();
  return {
    questionCount: levelRows.reduce((sum, l) => sum + l.count, 0),
    decks: listDecks(db),
    levels: levelRows.map(({ level, count }) => ({ level, count })),
    keywordCount: countOf(db, KEYWORDS_IN_USE_COUNT_SQL),
  };
}

export function libraryOverview(db: Db): LibraryOverview {
  const { questionCount, decks, levels } = bankSummary(db);
  return { questionCount, decks, levels, keywords: keywordsInUse(db) };
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
