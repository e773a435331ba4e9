/**
 * Property tests, long lines: every parser finishes on lines of tens of thousands of characters, with a deck or an
 * ImportError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedDeck } from '../../../shared/domain';
import { parseDeckMarkdown } from '../deck-markdown';
import { parseArticle } from './article';
import { parseDelimitedTable } from './csv';
import { suggestMapping, tableToDeck } from './csv-columns';
import { detectFormat } from './detect';
import { parseImport } from './index';
import { VALID, deckOrImportError, FORMATS, FRAGMENTS } from '../../../../tests/import-properties';
import { parseDeckJson } from './json';
import { suggestKeywords } from './suggest';

/**
 * Long lines, built by repeating a fragment tens of thousands of times (runs of spaces, emoji, `#`, `?`, dots,
 * brackets …) after a prefix a parser looks at, between ordinary lines: a pattern that backtracks quadratically takes
 * seconds on each; a linear one, milliseconds.
 */
const LONG_FRAGMENTS = [
  ' ',
  '\t',
  ' \t',
  '#',
  ' #',
  '🚀',
  '🚀\uFE0F',
  '★',
  '?',
  '.',
  ':',
  '!',
  '*',
  '**',
  ')',
  '(',
  'a.',
  'a_',
  'a ',
  '1',
  '-',
  '`',
  '"',
  ',',
  ';',
  '|',
  '[sound:',
  '<b>',
  '&amp;',
  '\u2028',
  '\u00A0',
];
const longLine = fc
  .record({
    prefix: fc.oneof(
      fc.constantFrom(
        ...FRAGMENTS,
        '## a',
        '### Q',
        'Q',
        'Q1',
        '1. What',
        '**a**',
        'answer',
        'Keywords',
        'Keywords: a',
        '- ',
        '> ',
      ),
      fc.string({ maxLength: 4 }),
    ),
    fragment: fc
      .array(fc.constantFrom(...LONG_FRAGMENTS), { minLength: 1, maxLength: 3 })
      .map((parts) => parts.join('')),
    length: fc.integer({ min: 10_000, max: 60_000 }),
    suffix: fc.oneof(
      fc.constantFrom('', 'x', '?', '##', '()', ' b', 'b\u2028c', ']', '"'),
      fc.string({ maxLength: 4 }),
    ),
  })
  .map(
    ({ prefix, fragment, length, suffix }) => prefix + fragment.repeat(Math.ceil(length / fragment.length)) + suffix,
  );
const withLongLines = fc
  .array(fc.oneof(longLine, fc.constantFrom(...FRAGMENTS)), { minLength: 1, maxLength: 6 })
  .filter((lines) => lines.some((l) => l.length >= 10_000))
  .map((lines) => lines.join('\n'));
const LONG_RUNS = { numRuns: 25 };

/**
 * Runs a parser on an input with long lines. No clock is read here (a loaded machine would fail a
 * timed assertion): a super-linear parser on these 10,000+ character lines runs for minutes, which
 * the suite's timeout below refuses; the times themselves are in `npm run bench`.
 */
function quickly<T>(run: () => T): T {
  return run();
}

describe('parsers finish on long lines', { timeout: 60_000 }, () => {
  const table = (text: string, delimiter?: string): ParsedDeck => {
    const parsed = parseDelimitedTable(text, delimiter);
    return tableToDeck(parsed, suggestMapping(parsed), { deckName: 'x', defaultLevel: 'Beginner' });
  };
  const parsers: Array<[string, (text: string) => ParsedDeck]> = [
    ['parseArticle', (t) => parseArticle(t)],
    ['parseDeckMarkdown', (t) => parseDeckMarkdown(t)],
    ['parseDeckJson', (t) => parseDeckJson(t)],
    ['CSV', (t) => table(t)],
    ['TSV', (t) => table(t, '\t')],
    ['Anki HTML', (t) => table(`#separator:tab\n#html:true\n${t}`)],
    ['parseImport', (t) => parseImport({ text: t }).deck],
  ];
  it.each(parsers)('%s', (_name, parse) => {
    fc.assert(
      fc.property(withLongLines, (text) => deckOrImportError(() => quickly(() => parse(text)))),
      LONG_RUNS,
    );
  });

  it('inside valid files of each format', () => {
    for (const [kind, source] of Object.entries(VALID)) {
      fc.assert(
        fc.property(longLine, fc.nat(source.length), (line, at) => {
          const cut = source.lastIndexOf('\n', at) + 1;
          const text = `${source.slice(0, cut)}${line}\n${source.slice(cut)}`;
          const fileName = `deck.${kind === 'article' ? 'txt' : kind === 'markdown' ? 'md' : kind}`;
          return deckOrImportError(() => quickly(() => parseImport({ text, fileName }).deck));
        }),
        { numRuns: 15 },
      );
    }
  });

  it('detectFormat and suggestKeywords', () => {
    fc.assert(
      fc.property(withLongLines, (text) => {
        expect(FORMATS).toContain(quickly(() => detectFormat(text)));
        return quickly(() => suggestKeywords(text)).every((k) => k.label.length > 0);
      }),
      LONG_RUNS,
    );
  });
});
