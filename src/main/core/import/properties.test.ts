/// <reference types="vite/client" />
/**
 * Property tests: whatever the input, every parser returns a ParsedDeck or throws ImportError — never another
 * error, never a hang. Inputs are bounded so the whole file runs in a few seconds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedDeck } from '../../../shared/domain';
import { parseDeckMarkdown, writeDeckMarkdown } from '../deck-markdown';
import { parseArticle } from './article';
import { parseDelimitedTable } from './csv';
import { suggestMapping, tableToDeck } from './csv-columns';
import { writeDeckCsv } from '../export/deck-csv';
import { decodeImportBytes } from './decode';
import { detectFormat } from './detect';
import type { ImportFormat } from './detect';
import { ImportError } from './errors';
import { parseImport, parseImportBytes } from './index';
import { parseDeckJson, writeDeckJson } from './json';
import { suggestKeywords } from './suggest';

const RUNS = { numRuns: 200 };

const ARTICLES: string[] = Object.values(
  import.meta.glob<string>('../../../../tests/fixtures/articles/*', { query: '?raw', import: 'default', eager: true }),
);
const SAMPLE_DECK = parseArticle(ARTICLES[0]!);
const VALID: Record<string, string> = {
  json: writeDeckJson(SAMPLE_DECK),
  csv: writeDeckCsv(SAMPLE_DECK),
  markdown: writeDeckMarkdown(SAMPLE_DECK),
  article: ARTICLES.join('\n\n'),
};

function isDeck(value: unknown): value is ParsedDeck {
  const d = value as ParsedDeck;
  return (
    typeof d.name === 'string' &&
    typeof d.description === 'string' &&
    Array.isArray(d.levels) &&
    Array.isArray(d.warnings) &&
    d.questions.every(
      (q) =>
        typeof q.prompt === 'string' &&
        typeof q.answer === 'string' &&
        d.levels.includes(q.level) &&
        Number.isInteger(q.line) &&
        q.keywords.every((k) => typeof k.label === 'string' && k.label.length > 0 && k.weight >= 1 && k.weight <= 5),
    )
  );
}

/** Runs the parser; passes if it returns a deck or throws ImportError; any other error fails the property. */
function deckOrImportError(run: () => ParsedDeck): boolean {
  try {
    return isDeck(run());
  } catch (err) {
    if (err instanceof ImportError) return typeof err.message === 'string' && err.message.length > 0;
    throw err;
  }
}

/** Lines that look like pieces of every supported format, to build structured garbage from. */
const FRAGMENTS = [
  '',
  '# Title',
  '## Beginner',
  '## 🚀 Advanced-Level Questions',
  '### 1. What is X?',
  '### What is Y?',
  '1. What is Z?',
  'Q2: Explain W.',
  '**3. Why?**',
  '- bullet',
  '• dot bullet',
  'continuation - Capital',
  'Keywords: a, b; c | d',
  '🔑 Keywords:',
  'Id: some-id',
  'Tags: #x #y',
  'Conclusion',
  '```',
  '~~~',
  '    indented code',
  'SELECT * FROM t;',
  '#separator:tab',
  '#html:true',
  '#tags column:3',
  '#columns:Front,Back',
  'question,answer,level',
  '"quoted, field","with ""quotes"""',
  '"unclosed',
  'a\tb\tc',
  '{',
  '}',
  '"format": "prepdeck-deck",',
  '"version": 1,',
  '[',
  'Answer: some prose.',
  '<div>html</div><br>&nbsp;&amp;',
  '🟢 Beginner Level',
  'Levels: A, B',
];
const structured = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 30 })), { maxLength: 40 })
  .map((lines) => lines.join('\n'));
const anyText = fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 300 }), structured);

/** A valid file, mutated: sliced, with text inserted, or with a piece deleted. */
function mutated(source: string): fc.Arbitrary<string> {
  const n = source.length;
  return fc.oneof(
    fc.tuple(fc.nat(n), fc.nat(n)).map(([a, b]) => source.slice(Math.min(a, b), Math.max(a, b))),
    fc
      .tuple(
        fc.nat(n),
        fc.oneof(fc.constantFrom(...FRAGMENTS, '"', '\n', ',', '\t', '{', '}', '```'), fc.string({ maxLength: 20 })),
      )
      .map(([at, ins]) => source.slice(0, at) + ins + source.slice(at)),
    fc.tuple(fc.nat(n), fc.nat(200)).map(([at, len]) => source.slice(0, at) + source.slice(at + len)),
    fc
      .array(fc.tuple(fc.nat(n), fc.constantFrom('"', '\n', ',', '\t', '#', '1. ', '- ', '**', '?')), { maxLength: 8 })
      .map((edits) => edits.reduce((s, [at, ins]) => s.slice(0, at) + ins + s.slice(at), source)),
  );
}

const FORMATS: ImportFormat[] = ['markdown', 'json', 'csv', 'tsv', 'article'];

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
