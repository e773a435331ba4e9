import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/shared/spreadsheet';

describe("a chart's numbers as CSV", () => {
  it('reads back as the same table, with formulas made plain text and numbers untouched', () => {
    const csv = toCsv({
      columns: ['Keyword', 'Hit rate', 'Trend'],
      rows: [
        ['=HYPERLINK("http://x","y")', 0.25, -0.1],
        ['say "hi", then\nleave', 1 / 3, null],
        ['@SUM(A1)', 0, 0],
        ['+cmd', 1, 0.5],
        ['\tTAB', 0.5, -1],
        ['select_related', 0.123456789, 2],
      ],
    });
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parse(csv)).toEqual([
      ['Keyword', 'Hit rate', 'Trend'],
      ['\'=HYPERLINK("http://x","y")', '0.25', '-0.1'],
      ['say "hi", then\nleave', '0.333333', ''],
      ["'@SUM(A1)", '0', '0'],
      ["'+cmd", '1', '0.5'],
      ["'\tTAB", '0.5', '-1'],
      ['select_related', '0.123457', '2'],
    ]);
  });
});
