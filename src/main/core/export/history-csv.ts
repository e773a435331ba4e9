import { stringify } from 'csv-stringify/sync';
import { GRADES } from '../../../shared/session-types';
import { localDateTime, spreadsheetSafe } from '../../../shared/spreadsheet';

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

function cells(r: HistoryRow): Array<string | number> {
  return [
    localDateTime(r.answeredAt),
    r.sessionId,
    spreadsheetSafe(r.deckName),
    spreadsheetSafe(r.prompt),
    spreadsheetSafe(r.level),
    OUTCOME[r.outcome] ?? r.outcome,
    Math.round(r.timeAllowedMs / 1000),
    Math.round(r.timeUsedMs / 1000),
    r.selfGrade === null ? '' : (GRADE_LABEL.get(r.selfGrade) ?? ''),
    r.keywordScore === null ? '' : Math.round(r.keywordScore * 100),
    spreadsheetSafe(r.named.join('; ')),
    spreadsheetSafe(r.missed.join('; ')),
    r.mode,
    // Someone's answer can start with "=" or "-" (a bullet list): a spreadsheet must show it, not run it.
    spreadsheetSafe(r.answer),
  ];
}

/** The file's start: the BOM (spreadsheet apps then read it as UTF-8: accents, quotes, emoji) and the header row. */
export function historyCsvHead(): string {
  return `\uFEFF${stringify([], { header: true, columns: HISTORY_COLUMNS, record_delimiter: RECORD_DELIMITER })}`;
}

/** Rows of the file, to append after the head; chunks written one after another make the whole file. */
export function historyCsvRows(rows: readonly HistoryRow[]): string {
  return stringify(rows.map(cells), { record_delimiter: RECORD_DELIMITER });
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
