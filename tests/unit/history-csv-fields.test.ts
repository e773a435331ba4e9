import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyCsvRows, type HistoryRow } from '../../src/main/core/export/history-csv';
import { GRADES } from '../../src/shared/session-types';
import { localDateTime, spreadsheetSafe } from '../../src/shared/spreadsheet';

/**
 * The cells as the export gave them to csv-stringify before it wrote its rows by hand: the reference. One option
 * added: given a CRLF record delimiter, csv-stringify left a field with a lone line break (a multi-line answer
 * typed in the page has `\n` only) unquoted, which split the row in two in every spreadsheet; the hand-written
 * rows quote it, as `quote_record_delimiter` makes csv-stringify do.
 */
const GRADE_LABEL = new Map<number, string>(GRADES.map((g) => [g.value, g.label]));
const OUTCOME: Record<string, string> = { answered: 'answered', timed_out: 'timed out', skipped: 'skipped' };
const reference = (rows: HistoryRow[]): string =>
  stringify(
    rows.map((r) => [
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
      spreadsheetSafe(r.answer),
    ]),
    { record_delimiter: '\r\n', quote_record_delimiter: true },
  );

/** Text made of what CSV and spreadsheets treat specially, and some that is not special at all. */
const text = fc
  .array(
    fc.constantFrom(
      '"',
      ',',
      '\r',
      '\n',
      '\r\n',
      ';',
      '=',
      '-',
      '+',
      '@',
      '\t',
      ' ',
      "'",
      'a',
      'Zü',
      '日本',
      '🚀',
      '""',
    ),
    {
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(''));

const row: fc.Arbitrary<HistoryRow> = fc.record({
  answeredAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  sessionId: fc.integer({ min: 1, max: 10_000_000 }),
  deckName: text,
  prompt: text,
  level: text,
  outcome: fc.oneof(fc.constantFrom('answered', 'timed_out', 'skipped'), text),
  mode: fc.oneof(fc.constantFrom('write', 'speak'), text),
  timeAllowedMs: fc.integer({ min: 0, max: 10_000_000 }),
  timeUsedMs: fc.integer({ min: -5_000, max: 10_000_000 }),
  selfGrade: fc.option(fc.integer({ min: 0, max: 5 })),
  keywordScore: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
  named: fc.array(text, { maxLength: 4 }),
  missed: fc.array(text, { maxLength: 4 }),
  answer: text,
});

describe('the history CSV rows, written by hand', () => {
  it('are byte for byte what csv-stringify wrote for the same cells', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => historyCsvRows(rows) === reference(rows)),
      {
        numRuns: 2000,
      },
    );
  });

  it('quote exactly the fields that need it, and double their quotes', () => {
    const one = (answer: string) => historyCsvRows([{ ...fc.sample(row, { numRuns: 1, seed: 1 })[0]!, answer }]);
    expect(one('plain')).toMatch(/,plain\r\n$/);
    expect(one('say "hi", twice')).toMatch(/,"say ""hi"", twice"\r\n$/);
    expect(one('two\nlines')).toMatch(/,"two\nlines"\r\n$/);
    expect(one('- a bullet')).toMatch(/,'- a bullet\r\n$/);
  });

  it('keep a multi-line answer in one row, as a CSV parser reads it back', () => {
    const base = fc.sample(row, { numRuns: 1, seed: 2 })[0]!;
    const answers = ['first line\nsecond line', 'carriage\rreturn', 'windows\r\nlines', 'x\r'];
    const parsed = parse(historyCsvRows(answers.map((answer) => ({ ...base, answer }))), {
      relax_column_count: false,
    }) as string[][];
    expect(parsed.map((cells) => cells.at(-1))).toEqual(answers);
  });
});
