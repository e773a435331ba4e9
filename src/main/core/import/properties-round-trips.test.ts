/**
 * Property tests, round trips: a generated deck written as JSON, CSV or Markdown reads back the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedDeck } from '../../../shared/domain';
import { parseDeckMarkdown } from '../deck-markdown';
import { writeDeckMarkdown } from '../export/deck-markdown';
import { parseDelimitedTable } from './csv';
import { suggestMapping, tableToDeck } from './csv-columns';
import { writeDeckCsv } from '../export/deck-csv';
import { parseDeckJson } from './json';
import { writeDeckJson } from '../export/deck-json';
import { parseImport } from './index';

describe('round trips as properties', () => {
  const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,10}$/);
  const text = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
    .filter((s) => s.trim() === s && s.trim().length > 0);
  /** Lines a Markdown deck reads as structure when they stand alone: headings, fences, metadata. */
  const headed = fc.constantFrom(
    '\n# Title\n',
    '\n## Example\n',
    '\n### Why?\n',
    '\n## Level: Expert\n',
    '\n  ### indented\n',
    '\n#### deeper\n',
    '\n```python\n# a comment\n## not a level\n```\n',
    '\n~~~\n',
    '\n```\n',
    '\nKeywords: a; b\n',
    'Id: x\n',
    'Tags: t\n',
    'Level: Advanced\n',
  );
  const question = fc.record({
    level: fc.constantFrom('Beginner', 'Intermediate', 'Advanced', 'Scenario'),
    prompt: text.map((s) => s.replace(/\s+/g, ' ')),
    answer: fc
      .array(
        fc.oneof(
          text,
          fc.constantFrom('"', '""', ',', ';', '|', '\n', '\n\n', '#', '```', '\t', '\r\n', 'é 🚀'),
          headed,
        ),
        {
          minLength: 1,
          maxLength: 8,
        },
      )
      .map((parts) => parts.join('').replace(/\r\n/g, '\n').trim())
      .filter((s) => s.length > 0),
    keywords: fc.uniqueArray(
      fc.record({
        label: word,
        aliases: fc.uniqueArray(word, { maxLength: 2 }),
        weight: fc.integer({ min: 1, max: 5 }),
      }),
      { maxLength: 3, selector: (k) => k.label.toLowerCase() },
    ),
    tags: fc.uniqueArray(word, { maxLength: 3 }),
  });

  it('JSON, CSV and Markdown keep prompt, answer, level, keywords and tags', () => {
    fc.assert(
      fc.property(fc.array(question, { minLength: 1, maxLength: 5 }), (qs) => {
        const questions = qs.map((q) => ({
          ...q,
          key: null,
          keywordsSuggested: false,
          line: 0,
          keywords: q.keywords.map((k) => ({
            ...k,
            aliases: k.aliases.filter((a) => a.toLowerCase() !== k.label.toLowerCase()),
          })),
        }));
        const deck: ParsedDeck = {
          name: 'P',
          description: '',
          levels: ['Beginner', 'Intermediate', 'Advanced', 'Scenario'],
          questions,
          warnings: [],
        };
        const strip = (d: ParsedDeck) =>
          d.questions.map(({ level, prompt, answer, keywords, tags }) => ({ level, prompt, answer, keywords, tags }));
        expect(strip(parseDeckJson(writeDeckJson(deck)))).toEqual(strip(deck));
        const table = parseDelimitedTable(writeDeckCsv(deck));
        const fromCsv = tableToDeck(table, suggestMapping(table), { deckName: 'P', defaultLevel: 'Beginner' });
        const expected = strip(deck).map((q) => (q.keywords.length ? q : { ...q, keywords: expect.anything() }));
        expect(strip(fromCsv)).toEqual(expected);
        // Markdown groups the questions by level.
        const byLevel = deck.levels.flatMap((level) => strip(deck).filter((q) => q.level === level));
        const md = writeDeckMarkdown(deck);
        expect(strip(parseDeckMarkdown(md))).toEqual(byLevel);
        const imported = parseImport({ text: md, fileName: 'p.md' });
        expect(imported.format).toBe('markdown');
        expect(strip(imported.deck)).toEqual(byLevel);
      }),
      { numRuns: 150 },
    );
  });
});
