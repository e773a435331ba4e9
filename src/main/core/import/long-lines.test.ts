/**
 * Pathological lines — long runs of exactly what the patterns look at — inside inputs of 1 to 5 MB (12 MB for the
 * emoji): every parser finishes quickly with a deck or an ImportError. Before the fixes, a heading with a long run of
 * inner spaces took minutes (a quadratic `/\s+#+$/`), and a line of a few million emoji or symbols overflowed the
 * regex engine's stack ("Maximum call stack size exceeded").
 */
import { describe, expect, it } from 'vitest';
import type { ParsedDeck } from '../../../shared/domain';
import { parseDeckMarkdown } from '../deck-markdown';
import { parseArticle } from './article';
import { parseDelimitedTable, suggestMapping, tableToDeck } from './csv';
import { detectFormat } from './detect';
import { ImportError } from './errors';
import { parseImport } from './index';
import { parseDeckJson } from './json';

const MB = 1024 * 1024;
const run = (fragment: string, chars = MB): string => fragment.repeat(Math.ceil(chars / fragment.length));

/** Lines of millions of emoji or symbols, long enough to overflow a repeated regex group: read by the parsers that
 * look for headings in them (elsewhere they are a cell or a string, like any other long line). */
const HEADING_PARSERS = ['article', 'Markdown', 'Markdown, detected', 'format detection'];

const LINES: Array<[string, string, string[]?]> = [
  ['a heading with a long run of inner spaces', `## a${run(' ')}b`],
  ['a heading with closing hashes after the spaces', `### Why?${run(' ')}##`],
  ['a heading of words with a line separator at the end', `## ${run('a ')}\u2028x`],
  ['a line of 3 million emoji', `${'🚀 '.repeat(3_000_000)}Beginner`, HEADING_PARSERS],
  ['a line of symbols', run('★', 5 * MB), HEADING_PARSERS],
  ['"Q" and spaces', `Q${run(' ')}1`],
  ['a numbered question with spaces before its end', `1. What is X${run(' ')}?x`],
  ['a numbered question with question marks', `1. Why${run('?')} x`],
  ['a bold question with spaces and a line separator', `**What?**${run(' ')}b\u2028`],
  ['"Keywords" and spaces', `Keywords${run(' ')}x`],
  ['a keyword line with spaces and a line separator', `Keywords: a${run(' ')}b\u2028c`],
  ['keywords ending in dots', `Keywords: a${run('.')} x, b`],
  ['"answer" and spaces', `answer${run(' ')}x`],
  ['a stop heading with dots', `Conclusion${run('.')}x`],
  ['a dotted identifier', `${run('a.')}b()`],
  ['closing brackets', `${run(')')}x`],
  ['snake case', `${run('a_')}b`],
  ['Anki sound references', run('[sound:')],
  ['a run of spaces and tabs inside a line', `a${run(' \t')}b`],
];

/** A deck, or an ImportError (a clear message): anything else thrown fails the test. */
function deckOrImportError(parse: () => ParsedDeck): string {
  try {
    const deck = parse();
    expect(Array.isArray(deck.questions)).toBe(true);
    return 'deck';
  } catch (err) {
    if (err instanceof ImportError) return 'import error';
    throw err;
  }
}

const table = (text: string, delimiter?: string): ParsedDeck => {
  const parsed = parseDelimitedTable(text, delimiter);
  return tableToDeck(parsed, suggestMapping(parsed), { deckName: 'x', defaultLevel: 'Beginner' });
};

/** The line where each parser reads structure: a first line, a heading, an answer, a cell, a JSON string. */
function inputs(line: string): Array<[string, () => unknown]> {
  const article = `${line}\n## Beginner\n\n1. What is X?\n${line}\nX is Y.\n\n2. What is Z?\nZ.\n`;
  const markdown = `# D\n\n${line}\n\n## L\n\n### Q?\n\nKeywords: k\n\n${line}\n\n### R?\n\nKeywords: r\n\nR.\n`;
  const json = JSON.stringify({
    format: 'prepdeck-deck',
    version: 1,
    deck: { name: 'J', questions: [{ level: 'Beginner', prompt: 'P?', answer: line }] },
  });
  return [
    ['article', () => deckOrImportError(() => parseArticle(article))],
    ['Markdown', () => deckOrImportError(() => parseDeckMarkdown(markdown))],
    ['Markdown, detected', () => deckOrImportError(() => parseImport({ text: markdown }).deck)],
    ['CSV', () => deckOrImportError(() => table(`Question,Answer\nWhat?,${line}\n`))],
    ['Anki HTML', () => deckOrImportError(() => table(`#separator:tab\n#html:true\nWhat?\t${line}<br>\n`))],
    ['JSON', () => deckOrImportError(() => parseDeckJson(json))],
    ['malformed JSON', () => deckOrImportError(() => parseDeckJson(`${json.slice(0, -2)}${line}`))],
    ['format detection', () => detectFormat(article)],
  ];
}

describe('every parser reads a pathological line inside a large input quickly', () => {
  it.each(LINES)(
    '%s',
    (_what, line, only) => {
      for (const [parser, parse] of inputs(line)) {
        if (only && !only.includes(parser)) continue;
        const started = performance.now();
        const outcome = parse();
        const ms = performance.now() - started;
        // Generous: each takes well under a second (tens to hundreds of ms); the old patterns took minutes.
        expect(ms, `${parser}: ${String(outcome)} after ${ms.toFixed(0)} ms`).toBeLessThan(5000);
      }
    },
    60_000,
  );

  it('still reads a long numbered line as a question, and a long "#" line as text', () => {
    const question = `1. What is X? ${run('It is long. ', 600)}`;
    const heading = `## ${run('Not a heading ', 600)}`;
    const deck = parseArticle(`## Beginner\n\n${question}\n\n${heading}\n`);
    expect(deck.questions.map((q) => q.prompt)).toEqual(['What is X?']);
    expect(deck.questions[0]!.answer).toContain('It is long.');
    expect(deck.questions[0]!.answer).toContain('Not a heading');
  });
});
