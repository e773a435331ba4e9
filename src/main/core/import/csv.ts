import { parse } from 'csv-parse/sync';
import type { CsvError } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { DEFAULT_LEVELS } from '../../../shared/domain';
import type { ImportWarning, KeywordSpec, ParsedDeck, ParsedQuestion } from '../../../shared/domain';
import { formatKeywordList, oneLine, parseKeywordList } from '../deck-markdown';
import { ImportError } from './errors';
import { normalizeLevel, orderLevels } from './levels';
import { suggestKeywords } from './suggest';

/**
 * CSV and TSV tables, including Anki's plain-text export and import files: those start with header lines such as
 * `#separator:tab`, `#html:true`, `#tags column:3`, `#deck:Django`, `#columns:Front<sep>Back<sep>Tags`
 * (see Anki's manual, "Importing text files"; Anki also treats any later line starting with `#` as a comment).
 */
export interface DelimitedTable {
  delimiter: string;
  /** Column names: from an Anki `#columns:` header, or the first row when it looks like a header row. */
  header: string[] | null;
  rows: string[][];
  /** 1-based line of the first data row. */
  firstDataLine: number;
  /** Anki header lines, key (lower case) → value, e.g. `{ separator: 'tab', 'tags column': '3' }`. */
  ankiHeaders: Record<string, string>;
  /** 1-based line where each row starts (rows can span lines through quoted newlines). */
  rowLines: number[];
}

/** Which column (0-based) holds what. */
export interface ColumnMapping {
  prompt: number;
  answer: number;
  level: number | null;
  keywords: number | null;
  tags: number | null;
}

const SEPARATOR_NAMES: Record<string, string> = {
  tab: '\t',
  comma: ',',
  semicolon: ';',
  pipe: '|',
  space: ' ',
  colon: ':',
};
const CANDIDATES = ['\t', ',', ';', '|'];

export function parseDelimitedTable(text: string, delimiter?: string): DelimitedTable {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const ankiHeaders: Record<string, string> = {};
  let headerLineCount = 0;
  for (const line of lines) {
    if (headerLineCount === 0 && /^tags:/i.test(line)) {
      ankiHeaders.tags = line.slice(5).trim(); // Anki's historic first line
    } else if (line.startsWith('#')) {
      const colon = line.indexOf(':');
      if (colon > 1) {
        const key = line.slice(1, colon).trim().toLowerCase();
        const raw = line.slice(colon + 1);
        if (key) ankiHeaders[key] = key === 'separator' && raw.length === 1 ? raw : raw.trim();
      }
    } else break;
    headerLineCount++;
  }
  const hasAnkiHeaders = headerLineCount > 0;
  const dataText = lines.slice(headerLineCount).join('\n');

  let delim: string;
  if (delimiter !== undefined && delimiter !== '') delim = checkDelimiter(delimiter);
  else if (ankiHeaders.separator !== undefined) delim = separatorFromName(ankiHeaders.separator);
  else delim = detectDelimiter(dataText);

  const rowLines: number[] = [];
  let lastEnd = 0;
  let records: string[][];
  try {
    records = parse(dataText, {
      delimiter: delim,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      bom: false,
      ...(hasAnkiHeaders ? { comment: '#', comment_no_infix: true } : {}),
      on_record: (record: string[], context) => {
        let inner = 0;
        for (const field of record) for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) inner++;
        rowLines.push(context.lines - inner + headerLineCount);
        lastEnd = context.lines;
        return record;
      },
    });
  } catch (err) {
    throw csvError(err, dataText, lastEnd, headerLineCount, delim);
  }

  let header: string[] | null = null;
  if (ankiHeaders.columns !== undefined) {
    header = splitHeaderLine(ankiHeaders.columns, delim);
  } else if (!hasAnkiHeaders && records.length > 0 && looksLikeHeader(records[0]!)) {
    // (Anki files name their columns with #columns:, never with a first row.)
    header = records[0]!.map((h) => h.trim());
    records = records.slice(1);
    rowLines.shift();
  }
  const rows = records;
  return {
    delimiter: delim,
    header,
    rows,
    firstDataLine: rowLines[0] ?? headerLineCount + 1,
    ankiHeaders,
    rowLines,
  };
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

/**
 * Writes a deck as an Anki-compatible CSV.
 *
 * Choice: four columns Front, Back, Tags, Keywords, named in a `#columns:` header (Anki parses that header with
 * the file's own separator, so it is comma-separated here). Anki maps columns to note fields by name, so with the
 * Basic note type Front and Back land in their fields, Tags (`#tags column:3`) becomes the note's tags, and
 * Keywords, which matches no field, is ignored — while Prepdeck reads it back with aliases and weights intact
 * (the `Keywords:` syntax of Prepdeck Markdown). Encoding keywords as `kw::label` tags instead would lose aliases
 * and weights.
 * The level travels as a `level::<Level>` tag (Anki shows it as a nested tag); `#levels:` keeps the deck's level
 * order (Anki ignores header keys it does not know) and `#deck:` the deck name.
 * `#html:false`: the Markdown answers are text, and Anki escapes them rather than rendering them as HTML.
 * Limits: Anki tags cannot contain spaces, so a space in a tag (or level) is written as `_`; the deck description
 * and question ids are not written.
 */
export function writeDeckCsv(deck: Pick<ParsedDeck, 'name' | 'description' | 'levels' | 'questions'>): string {
  const levels = [...deck.levels];
  for (const q of deck.questions) if (!levels.includes(q.level)) levels.push(q.level);
  const head = ['#separator:comma', '#html:false', '#columns:Front,Back,Tags,Keywords', '#tags column:3'];
  if (deck.name.trim()) head.push(`#deck:${oneLine(deck.name).trim()}`);
  if (levels.length) head.push(`#levels:${levels.map((l) => oneLine(l).trim()).join(', ')}`);
  const rows = deck.questions.map((q) => [
    q.prompt,
    q.answer,
    [...q.tags.map(ankiTag), `level::${ankiTag(q.level)}`].join(' '),
    keywordCell(q.keywords),
  ]);
  const body = stringify(rows, { record_delimiter: '\n', quoted_match: /^\s*#/ });
  return `${head.join('\n')}\n${body}`;
}

// ---------------------------------------------------------------------------------------------------------------

function ankiTag(tag: string): string {
  return tag.trim().replace(/\s+/g, '_');
}

/**
 * The keywords cell uses the `Keywords:` syntax. One keyword whose label holds a comma would be split by the
 * comma fallback for foreign files when read back, so it gets a trailing `;` to mark the syntax.
 */
function keywordCell(keywords: readonly KeywordSpec[]): string {
  const value = formatKeywordList(keywords);
  return value.includes(',') && !/[;|]/.test(value) ? `${value};` : value;
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

function normalizeHeaderName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

const PROMPT_NAMES: ReadonlySet<string> = new Set(['question', 'questions', 'front', 'prompt', 'q', 'term']);
const ANSWER_NAMES: ReadonlySet<string> = new Set([
  'answer',
  'answers',
  'back',
  'a',
  'model answer',
  'definition',
  'response',
]);
const LEVEL_NAMES: ReadonlySet<string> = new Set(['level', 'difficulty', 'levels']);
const KEYWORD_NAMES: ReadonlySet<string> = new Set(['keywords', 'keyword', 'key terms', 'key words']);
const TAG_NAMES: ReadonlySet<string> = new Set(['tags', 'tag']);

/** A first row of short, distinct, non-empty names, with a question and an answer column or two other known names. */
function looksLikeHeader(row: string[]): boolean {
  if (row.length < 2 || row.some((c) => !c.trim() || c.length > 40 || c.includes('\n'))) return false;
  const names = row.map(normalizeHeaderName);
  if (new Set(names).size !== names.length) return false;
  const hasPrompt = names.some((n) => PROMPT_NAMES.has(n));
  const hasAnswer = names.some((n) => ANSWER_NAMES.has(n));
  const others = [LEVEL_NAMES, KEYWORD_NAMES, TAG_NAMES];
  const known = names.filter(
    (n) => n.length > 1 && (PROMPT_NAMES.has(n) || ANSWER_NAMES.has(n) || others.some((s) => s.has(n))),
  );
  return (hasPrompt && hasAnswer) || known.length >= 2;
}

function splitHeaderLine(value: string, delim: string): string[] {
  try {
    const [first] = parse(value, { delimiter: delim, relax_quotes: true, relax_column_count: true });
    return (first ?? []).map((s) => s.trim());
  } catch {
    return value.split(delim).map((s) => s.trim());
  }
}

function checkDelimiter(value: string): string {
  const d = value.length === 1 ? value : SEPARATOR_NAMES[value.trim().toLowerCase()];
  if (d === undefined || d === '"' || d === '\n' || d === '\r') {
    throw new ImportError(
      `"${value}" cannot separate columns: choose tab, comma, semicolon, pipe or another single character.`,
    );
  }
  return d;
}

function separatorFromName(value: string): string {
  if (value.length === 1) return value;
  const named = SEPARATOR_NAMES[value.trim().toLowerCase()];
  if (named) return named;
  const t = value.trim();
  if (t.length === 1 && t !== '"') return t;
  return ',';
}

/** The candidate that splits the most records into the same number of fields (quotes respected). */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  const counts = CANDIDATES.map(() => [] as number[]);
  let current = CANDIDATES.map(() => 0);
  let inQuotes = false;
  let records = 0;
  let nonEmpty = false;
  for (let i = 0; i < sample.length && records < 50; i++) {
    const c = sample[i]!;
    if (c === '"') inQuotes = !inQuotes;
    else if (c === '\n' && !inQuotes) {
      if (nonEmpty) {
        current.forEach((n, k) => counts[k]!.push(n));
        records++;
      }
      current = CANDIDATES.map(() => 0);
      nonEmpty = false;
      continue;
    } else if (!inQuotes) {
      const k = CANDIDATES.indexOf(c);
      if (k >= 0) current[k]!++;
    }
    if (c.trim()) nonEmpty = true;
  }
  if (nonEmpty) current.forEach((n, k) => counts[k]!.push(n));
  let best = ',';
  let bestScore = 0;
  CANDIDATES.forEach((cand, k) => {
    const freq = new Map<number, number>();
    for (const n of counts[k]!) if (n > 0) freq.set(n, (freq.get(n) ?? 0) + 1);
    const score = Math.max(0, ...freq.values());
    if (score > bestScore) {
      best = cand;
      bestScore = score;
    }
  });
  return best;
}

const HTML_HINT = /<(?:br|div|p|b|i|u|strong|em|span|ul|ol|li)\b[^<>]{0,200}>|&(?:nbsp|amp|lt|gt|quot);/i;

function looksLikeHtml(rows: string[][]): boolean {
  let hinted = false;
  for (const row of rows.slice(0, 200)) {
    for (const cell of row) {
      if (cell.includes('```')) return false; // Markdown with code, where `<div>` is code, not markup
      if (!hinted && HTML_HINT.test(cell)) hinted = true;
    }
  }
  return hinted;
}

/** Anki field HTML → Markdown-ish plain text: line breaks, bold/italic, lists and code kept; other tags dropped. */
export function htmlToText(html: string): string {
  let out = '';
  let last = 0;
  const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/g;
  const newline = (): void => {
    if (out && !out.endsWith('\n')) out += '\n';
  };
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    out += html.slice(last, m.index).replace(/\r?\n/g, ' ');
    last = m.index + m[0].length;
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    switch (tag) {
      case 'br':
        out += '\n';
        break;
      case 'div':
      case 'tr':
      case 'ul':
      case 'ol':
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
        newline();
        break;
      case 'p':
        newline();
        if (!closing) out += '\n';
        break;
      case 'li':
        if (!closing) {
          newline();
          out += '- ';
        }
        break;
      case 'b':
      case 'strong':
        out += '**';
        break;
      case 'i':
      case 'em':
        out += '*';
        break;
      case 'code':
        out += '`';
        break;
      case 'pre':
        newline();
        out += '```\n';
        break;
      default:
        break;
    }
  }
  out += html.slice(last).replace(/\r?\n/g, ' ');
  return decodeEntities(withoutSounds(out))
    .split('\n')
    .map(trimEndSpacesTabs)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Without Anki's `[sound:file.mp3]` references: a scan, in linear time (`/\[sound:[^\]\n]*\]/g` is quadratic on
 * "[sound:[sound:…" without a `]`).
 */
function withoutSounds(s: string): string {
  const MARK = '[sound:';
  let out = '';
  let from = 0;
  let close = -2; // the first `]` and line break at or after the current reference's name (-2: not looked for)
  let newline = -2;
  for (let at = s.indexOf(MARK); at >= 0; at = s.indexOf(MARK, at + 1)) {
    const name = at + MARK.length;
    if (close !== -1 && close < name) close = s.indexOf(']', name);
    if (close < 0) break; // no `]` after this one: none after a later one either
    if (newline !== -1 && newline < name) newline = s.indexOf('\n', name);
    if (newline >= 0 && newline < close) continue; // a reference does not span lines
    out += s.slice(from, at);
    from = close + 1;
    at = close;
  }
  return out + s.slice(from);
}

/** The line without the spaces and tabs at its end (a loop: `/[ \t]+$/` is quadratic on long inner runs). */
function trimEndSpacesTabs(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return line.slice(0, end);
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8}|#39);/g, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return safeCodePoint(parseInt(name.slice(2), 16), whole);
    if (name.startsWith('#')) return safeCodePoint(Number(name.slice(1)), whole);
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function safeCodePoint(n: number, fallback: string): string {
  if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return fallback;
  return n === 0xa0 ? ' ' : String.fromCodePoint(n);
}

function csvError(err: unknown, dataText: string, lastEnd: number, offset: number, delim: string): ImportError {
  const e = err as Partial<CsvError> & { lines?: unknown };
  const kind = delim === '\t' ? 'a tab-separated table' : 'CSV';
  if (e && typeof e === 'object' && typeof e.code === 'string') {
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
      const lines = dataText.split('\n');
      let start = lastEnd + 1;
      while (start <= lines.length && !lines[start - 1]!.trim()) start++;
      const line = Math.min(start, lines.length) + offset;
      return new ImportError(
        `A quoted field that starts on line ${line} is never closed: check that line for a missing closing quote (").`,
        line,
      );
    }
    const line = typeof e.lines === 'number' ? e.lines + offset : null;
    const message = e.message ?? 'unknown problem';
    return new ImportError(`This file could not be read as ${kind}${line ? ` (line ${line})` : ''}: ${message}`, line);
  }
  throw err;
}
