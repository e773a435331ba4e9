/** Which column of a table holds what (guessed from its header, or chosen by the person), and the deck it makes. */
import { DEFAULT_LEVELS } from '../../../shared/domain';
import type { ImportWarning, KeywordSpec, ParsedDeck, ParsedQuestion } from '../../../shared/domain';
import { oneLine, parseKeywordList } from '../deck-markdown';
import { ImportError } from './errors';
import { normalizeLevel, orderLevels } from './levels';
import { suggestKeywords } from './suggest';
import type { DelimitedTable } from './csv';
import { htmlToText, looksLikeHtml } from './anki-html';
import {
  ANSWER_NAMES,
  KEYWORD_NAMES,
  LEVEL_NAMES,
  normalizeHeaderName,
  PROMPT_NAMES,
  TAG_NAMES,
} from './csv-header-names';

/** Which column (0-based) holds what. */
export interface ColumnMapping {
  prompt: number;
  answer: number;
  level: number | null;
  keywords: number | null;
  tags: number | null;
}

/** Picks the columns for prompt, answer, level, keywords and tags from the header names, else by position. */
export function suggestMapping(table: Pick<DelimitedTable, 'header' | 'rows' | 'ankiHeaders'>): ColumnMapping {
  const meta = metaColumns(table.ankiHeaders);
  const width = Math.max(table.header?.length ?? 0, ...table.rows.slice(0, 50).map((r) => r.length), 1);
  const header = table.header?.map(normalizeHeaderName) ?? null;
  const taken: number[] = [...meta];
  const find = (names: ReadonlySet<string>): number | null => {
    if (!header) return null;
    let i = header.findIndex((h, idx) => names.has(h) && !taken.includes(idx));
    // "Question text", "Your answer": a header that contains one of the names as a word.
    if (i < 0)
      i = header.findIndex((h, idx) => !taken.includes(idx) && h.split(' ').some((w) => w.length > 1 && names.has(w)));
    if (i < 0) return null;
    taken.push(i);
    return i;
  };
  const free = (): number => {
    let i = 0;
    while (taken.includes(i) && i < width) i++;
    while (taken.includes(i)) i++;
    taken.push(i);
    return i;
  };
  const ankiTags = ankiColumn(table.ankiHeaders['tags column']);
  if (ankiTags !== null) taken.push(ankiTags);
  const tags = ankiTags ?? find(TAG_NAMES);
  const level = find(LEVEL_NAMES);
  const keywords = find(KEYWORD_NAMES);
  const prompt = find(PROMPT_NAMES) ?? free();
  const answer = find(ANSWER_NAMES) ?? free();
  return { prompt, answer, level, keywords, tags };
}

export function tableToDeck(
  table: DelimitedTable,
  mapping: ColumnMapping,
  opts: { deckName: string; defaultLevel: string },
): ParsedDeck {
  for (const [field, value] of Object.entries(mapping) as [keyof ColumnMapping, number | null][]) {
    if (value !== null && (!Number.isInteger(value) || value < 0)) {
      throw new ImportError(`The column chosen for the ${field} is not valid.`);
    }
  }
  if (mapping.prompt === mapping.answer) {
    throw new ImportError('The question and the answer cannot come from the same column.');
  }
  const headers = table.ankiHeaders;
  const html = headers.html !== undefined ? headers.html.toLowerCase() === 'true' : looksLikeHtml(table.rows);
  const anki = Object.keys(headers).length > 0;
  const declared = headers.levels
    ? [
        ...new Set(
          headers.levels
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ]
    : [];
  const known = [...declared, ...DEFAULT_LEVELS.filter((l) => !declared.includes(l))];
  const globalTags = headers.tags ? headers.tags.split(/\s+/).filter(Boolean) : [];
  const guidColumn = ankiColumn(headers['guid column']);
  const defaultLevel = opts.defaultLevel.trim() || 'Intermediate';

  const warnings: ImportWarning[] = [];
  const questions: ParsedQuestion[] = [];
  const seen = new Map<string, number>();
  table.rows.forEach((row, i) => {
    const line = table.rowLines[i] ?? table.firstDataLine + i;
    if (row.every((c) => c.trim() === '')) return;
    const cell = (idx: number | null): string => (idx === null ? '' : (row[idx] ?? ''));
    const text = (value: string): string => (html ? htmlToText(value) : value.trim());
    const prompt = oneLine(text(cell(mapping.prompt))).trim();
    if (!prompt) {
      warnings.push({ line, message: `The row on line ${line} has no question; it was skipped.` });
      return;
    }
    const answer = text(cell(mapping.answer));
    if (!answer) warnings.push({ line, message: `"${prompt}" has no answer.` });

    let tags = [...globalTags, ...splitTags(cell(mapping.tags), anki)];
    let level: string | null = null;
    const levelCell = cell(mapping.level).trim();
    if (levelCell) level = normalizeLevel(levelCell, known);
    const levelTag = tags.find((t) => /^level::./i.test(t));
    if (levelTag) {
      level ??= levelFromTag(levelTag.slice(7), known);
      tags = tags.filter((t) => t !== levelTag);
    } else if (level === null) {
      const named = tags.find((t) => known.some((k) => k.toLowerCase() === t.toLowerCase()));
      if (named) {
        level = known.find((k) => k.toLowerCase() === named.toLowerCase())!;
        tags = tags.filter((t) => t !== named);
      }
    }

    let keywords: KeywordSpec[] = [];
    let keywordsSuggested = false;
    if (mapping.keywords !== null) keywords = parseKeywordCell(text(cell(mapping.keywords)));
    if (keywords.length === 0) {
      keywords = suggestKeywords(answer);
      keywordsSuggested = true;
    }

    const earlier = seen.get(prompt.toLowerCase());
    if (earlier !== undefined) warnings.push({ line, message: `"${prompt}" is also on line ${earlier}.` });
    else seen.set(prompt.toLowerCase(), line);

    const guid = guidColumn !== null ? cell(guidColumn).trim() : '';
    questions.push({
      key: guid || null,
      level: level ?? defaultLevel,
      prompt,
      answer,
      keywords,
      keywordsSuggested,
      tags: [...new Set(tags)],
      line,
    });
  });
  return {
    name: opts.deckName,
    description: '',
    levels: orderLevels(
      questions.map((q) => q.level),
      declared,
    ),
    questions,
    warnings,
  };
}

/** Prepdeck syntax (`a | alias; b *2`) when it has `;` or `|`, else a comma-separated list. */
function parseKeywordCell(value: string): KeywordSpec[] {
  const v = value.trim();
  if (!v) return [];
  if (/[;|]/.test(v)) return parseKeywordList(v);
  return dedupeKeywords(v.split(',').flatMap((part) => parseKeywordList(part)));
}

function dedupeKeywords(list: KeywordSpec[]): KeywordSpec[] {
  const seen = new Set<string>();
  return list.filter((k) => {
    const key = k.label.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function splitTags(value: string, anki: boolean): string[] {
  const v = value.trim();
  if (!v) return [];
  const parts = !anki && v.includes(',') ? v.split(',') : v.split(/\s+/);
  return parts.map((t) => t.trim().replace(/^#(?=\S)/, '')).filter(Boolean);
}

function levelFromTag(value: string, known: readonly string[]): string {
  const exact = known.find((k) => k === value) ?? known.find((k) => k.toLowerCase() === value.toLowerCase());
  if (exact) return exact;
  return normalizeLevel(value.replace(/_/g, ' '), known);
}

function ankiColumn(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value.trim());
  return Number.isInteger(n) && n >= 1 ? n - 1 : null;
}

function metaColumns(headers: Record<string, string>): Set<number> {
  const set = new Set<number>();
  for (const key of ['guid column', 'deck column', 'notetype column']) {
    const c = ankiColumn(headers[key]);
    if (c !== null) set.add(c);
  }
  return set;
}
