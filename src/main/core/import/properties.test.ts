/**
 * Property tests, each parser: whatever the input, every parser returns a ParsedDeck or throws ImportError — never
 * another error, never a hang. Inputs are bounded so the whole file runs in a few seconds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedDeck } from '../../../shared/domain';
import { parseArticle } from './article';
import { parseDelimitedTable } from './csv';
import { suggestMapping, tableToDeck } from './csv-columns';
import { decodeImportBytes } from './decode';
import { detectFormat } from './detect';
import type { ImportFormat } from './detect';
import { ImportError } from './errors';
import { parseImport, parseImportBytes } from './index';
import { RUNS, VALID, deckOrImportError, anyText, mutated, FORMATS } from '../../../../tests/import-properties';
import { parseDeckJson } from './json';
import { suggestKeywords } from './suggest';

describe('parsers return a deck or throw ImportError', () => {
  it('parseDeckJson', () => {
    fc.assert(
      fc.property(anyText, (text) => deckOrImportError(() => parseDeckJson(text))),
      RUNS,
    );
    fc.assert(
      fc.property(mutated(VALID.json!), (text) => deckOrImportError(() => parseDeckJson(text))),
      RUNS,
    );
    // valid JSON of the wrong shape
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) =>
        deckOrImportError(() => parseDeckJson(JSON.stringify(value))),
      ),
      RUNS,
    );
    fc.assert(
      fc.property(
        fc.record({
          format: fc.constant('prepdeck-deck'),
          version: fc.constant(1),
          deck: fc.jsonValue({ maxDepth: 3 }),
        }),
        (value) => deckOrImportError(() => parseDeckJson(JSON.stringify(value))),
      ),
      RUNS,
    );
  });

  it('CSV / TSV tables', () => {
    const parseTable = (text: string, delimiter?: string): ParsedDeck => {
      const table = parseDelimitedTable(text, delimiter);
      return tableToDeck(table, suggestMapping(table), { deckName: 'x', defaultLevel: 'Beginner' });
    };
    fc.assert(
      fc.property(anyText, (text) => deckOrImportError(() => parseTable(text))),
      RUNS,
    );
    fc.assert(
      fc.property(anyText, (text) => deckOrImportError(() => parseTable(text, '\t'))),
      RUNS,
    );
    fc.assert(
      fc.property(mutated(VALID.csv!), (text) => deckOrImportError(() => parseTable(text))),
      RUNS,
    );
    fc.assert(
      fc.property(anyText, fc.string({ maxLength: 3 }), (text, delimiter) =>
        deckOrImportError(() => parseTable(text, delimiter)),
      ),
      RUNS,
    );
  });

  it('parseArticle', () => {
    fc.assert(
      fc.property(anyText, (text) => deckOrImportError(() => parseArticle(text))),
      RUNS,
    );
    fc.assert(
      fc.property(mutated(VALID.article!), (text) => deckOrImportError(() => parseArticle(text))),
      RUNS,
    );
  });
});

describe('parsers return a deck or throw ImportError, through the entry points', () => {
  it('parseImport with every format, and detected', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom<ImportFormat | undefined>(undefined, ...FORMATS), (text, format) =>
        deckOrImportError(() => parseImport({ text, format }).deck),
      ),
      RUNS,
    );
    for (const [kind, source] of Object.entries(VALID)) {
      fc.assert(
        fc.property(
          mutated(source),
          fc.constantFrom('', `deck.${kind === 'article' ? 'txt' : kind === 'markdown' ? 'md' : kind}`),
          (text, fileName) => deckOrImportError(() => parseImport({ text, fileName }).deck),
        ),
        { numRuns: 100 },
      );
    }
  });

  it('decodeImportBytes and parseImportBytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        try {
          return typeof decodeImportBytes(bytes) === 'string';
        } catch (err) {
          if (err instanceof ImportError) return true;
          throw err;
        }
      }),
      RUNS,
    );
    const encoded = new TextEncoder().encode(VALID.markdown!);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), fc.nat(encoded.length), (noise, at) => {
        const bytes = new Uint8Array([...encoded.subarray(0, at), ...noise, ...encoded.subarray(at)]);
        return deckOrImportError(() => parseImportBytes(bytes, { fileName: 'deck.md' }).deck);
      }),
      RUNS,
    );
  });

  it('detectFormat and suggestKeywords never throw', () => {
    fc.assert(
      fc.property(anyText, fc.option(fc.string({ maxLength: 20 })), (text, name) =>
        FORMATS.includes(detectFormat(text, name ?? undefined)),
      ),
      RUNS,
    );
    fc.assert(
      fc.property(anyText, fc.integer({ min: -1, max: 10 }), (text, max) => {
        const list = suggestKeywords(text, { max });
        const labels = list.map((k) => k.label.toLowerCase());
        expect(new Set(labels).size).toBe(labels.length);
        return list.length <= Math.max(0, max) && list.every((k) => k.label.length > 0);
      }),
      RUNS,
    );
  });
});
