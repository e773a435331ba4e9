import { stringify } from 'csv-stringify/sync';
import { GRADES } from '../../../shared/session-types';
import { csvField, localDateTime, spreadsheetSafe } from '../../../shared/spreadsheet';

/** One attempt as the history export writes it. */
export interface HistoryRow {
  answeredAt: number;
  sessionId: number;
  deckName: string;
  prompt: string;
  level: string;
  outcome: string;
  mode: string;
  timeAllowedMs: number;
  timeUsedMs: number;
  selfGrade: number | null;
  keywordScore: number | null;
  named: string[];
  missed: string[];
  answer: string;
}

export const HISTORY_COLUMNS = [
  'date',
  'session',
  'deck',
  'question',
  'level',
  'outcome',
  'time allowed (s)',
  'time used (s)',
  'self-grade',
  'keyword score (%)',
  'keywords named',
  'keywords missed',
  'mode',
  'answer',
];

const GRADE_LABEL = new Map<number, string>(GRADES.map((g) => [g.value, g.label]));
const OUTCOME: Record<string, string> = { answered: 'answered', timed_out: 'timed out', skipped: 'skipped' };
const RECORD_DELIMITER = '\r\n';

/**
 * One row of the file. Written by hand, not by csv-stringify: it was a third of the export's time at a million rows,
 * and with these options it does exactly this (a test checks the two agree, tests/unit/history-csv-fields.test.ts):
 * a text field is quoted, its quotes doubled, when it holds a quote, a comma or a line break; a number is written
 * as String() writes it; fields are joined by commas and the record ends with CRLF.
 */
function record(r: HistoryRow): string {
  return (
    `${csvField(localDateTime(r.answeredAt))},${r.sessionId},${csvField(spreadsheetSafe(r.deckName))},` +
    `${csvField(spreadsheetSafe(r.prompt))},${csvField(spreadsheetSafe(r.level))},` +
    `${csvField(OUTCOME[r.outcome] ?? r.outcome)},${Math.round(r.timeAllowedMs / 1000)},` +
    `${Math.round(r.timeUsedMs / 1000)},${r.selfGrade === null ? '' : csvField(GRADE_LABEL.get(r.selfGrade) ?? '')},` +
    `${r.keywordScore === null ? '' : Math.round(r.keywordScore * 100)},` +
    `${csvField(spreadsheetSafe(r.named.join('; ')))},${csvField(spreadsheetSafe(r.missed.join('; ')))},` +
    // Someone's answer can start with "=" or "-" (a bullet list): a spreadsheet must show it, not run it.
    `${csvField(r.mode)},${csvField(spreadsheetSafe(r.answer))}${RECORD_DELIMITER}`
  );
}

/** The file's start: the BOM (spreadsheet apps then read it as UTF-8: accents, quotes, emoji) and the header row. */
export function historyCsvHead(): string {
  return `\uFEFF${stringify([], { header: true, columns: HISTORY_COLUMNS, record_delimiter: RECORD_DELIMITER })}`;
}

/** Rows of the file, to append after the head; chunks written one after another make the whole file. */
export function historyCsvRows(rows: readonly HistoryRow[]): string {
  let text = '';
  for (const row of rows) text += record(row);
  return text;
}

/** Characters of text (answers and prompts) in one chunk, at most about: long answers make fewer rows per chunk. */
export const CHUNK_CHARS = 1_000_000;

/**
 * The file in chunks of `chunkRows` rows, or fewer when their text passes `chunkChars` (the head first, with no rows),
 * so a writer never holds more than a chunk, however long the answers. `rows` may be a lazy iterator over the store.
 */
export function* historyCsvChunks(
  rows: Iterable<HistoryRow>,
  chunkRows: number,
  chunkChars = CHUNK_CHARS,
): Generator<{ text: string; rows: number }> {
  yield { text: historyCsvHead(), rows: 0 };
  let batch: HistoryRow[] = [];
  let chars = 0;
  for (const row of rows) {
    batch.push(row);
    chars += row.answer.length + row.prompt.length;
    if (batch.length >= chunkRows || chars >= chunkChars) {
      yield { text: historyCsvRows(batch), rows: batch.length };
      batch = [];
      chars = 0;
    }
  }
  if (batch.length > 0) yield { text: historyCsvRows(batch), rows: batch.length };
}
