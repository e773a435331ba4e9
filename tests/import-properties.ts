/// <reference types="vite/client" />
/** What the import property tests share: the fixture articles, valid files of each format, and the input generators. */
import fc from 'fast-check';
import type { ParsedDeck } from '../src/shared/domain';
import { writeDeckMarkdown } from '../src/main/core/export/deck-markdown';
import { parseArticle } from '../src/main/core/import/article';
import { writeDeckCsv } from '../src/main/core/export/deck-csv';
import type { ImportFormat } from '../src/main/core/import/detect';
import { ImportError } from '../src/main/core/import/errors';
import { writeDeckJson } from '../src/main/core/export/deck-json';

export const RUNS = { numRuns: 200 };

export const ARTICLES: string[] = Object.values(
  import.meta.glob<string>('./fixtures/articles/*', { query: '?raw', import: 'default', eager: true }),
);
export const SAMPLE_DECK = parseArticle(ARTICLES[0]!);
export const VALID: Record<string, string> = {
  json: writeDeckJson(SAMPLE_DECK),
  csv: writeDeckCsv(SAMPLE_DECK),
  markdown: writeDeckMarkdown(SAMPLE_DECK),
  article: ARTICLES.join('\n\n'),
};

export function isDeck(value: unknown): value is ParsedDeck {
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
export function deckOrImportError(run: () => ParsedDeck): boolean {
  try {
    return isDeck(run());
  } catch (err) {
    if (err instanceof ImportError) return typeof err.message === 'string' && err.message.length > 0;
    throw err;
  }
}

/** Lines that look like pieces of every supported format, to build structured garbage from. */
export const FRAGMENTS = [
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
export const structured = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 30 })), { maxLength: 40 })
  .map((lines) => lines.join('\n'));
export const anyText = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  structured,
);

/** A valid file, mutated: sliced, with text inserted, or with a piece deleted. */
export function mutated(source: string): fc.Arbitrary<string> {
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

export const FORMATS: ImportFormat[] = ['markdown', 'json', 'csv', 'tsv', 'article'];
