/**
 * CSV and TSV tables, including Anki's plain-text export and import files: those start with header lines such as
 * `#separator:tab`, `#html:true`, `#tags column:3`, `#deck:Django`, `#columns:Front<sep>Back<sep>Tags`
 * (see Anki's manual, "Importing text files"; Anki also treats any later line starting with `#` as a comment).
 * This file reads the table; csv-columns.ts turns its columns into questions.
 */
import { parse } from 'csv-parse/sync';
import type { CsvError } from 'csv-parse/sync';
import { ImportError } from './errors';
import {
  ANSWER_NAMES,
  KEYWORD_NAMES,
  LEVEL_NAMES,
  normalizeHeaderName,
  PROMPT_NAMES,
  TAG_NAMES,
} from './csv-header-names';

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
