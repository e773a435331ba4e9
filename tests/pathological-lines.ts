/**
 * Pathological lines — long runs of exactly what the import patterns look at — inside inputs of 1 to 5 MB (12 MB
 * for the emoji), and the input each parser reads them in. Shared by the correctness test
 * (src/main/core/import/long-lines.test.ts: every parser finishes with a deck or an ImportError) and the benchmark
 * (tests/bench/import-parsers.ts: how long each takes).
 */
import type { ParsedDeck } from '../src/shared/domain';
import { parseDeckMarkdown } from '../src/main/core/deck-markdown';
import { parseArticle } from '../src/main/core/import/article';
import { parseDelimitedTable } from '../src/main/core/import/csv';
import { suggestMapping, tableToDeck } from '../src/main/core/import/csv-columns';
import { detectFormat } from '../src/main/core/import/detect';
import { ImportError } from '../src/main/core/import/errors';
import { parseImport } from '../src/main/core/import/index';
import { parseDeckJson } from '../src/main/core/import/json';

const MB = 1024 * 1024;
export const run = (fragment: string, chars = MB): string => fragment.repeat(Math.ceil(chars / fragment.length));

/** Lines of millions of emoji or symbols, long enough to overflow a repeated regex group: read by the parsers that
 * look for headings in them (elsewhere they are a cell or a string, like any other long line). */
const HEADING_PARSERS = ['article', 'Markdown', 'Markdown, detected', 'format detection'];

/** [what, line, the parsers that read it (all when absent)] */
export const PATHOLOGICAL_LINES: Array<[string, string, string[]?]> = [
  ['a heading with a long run of inner spaces', `## a${run(' ')}b`],
  ['a heading with closing hashes after the spaces', `### Why?${run(' ')}##`],
  ['a heading of words with a line separator at the end', `## ${run('a ')}\u2028x`],
  ['a line of 3 million emoji', `${'🚀 '.repeat(3_000_000)}Beginner`, HEADING_PARSERS],
  ['a line of symbols', run('★', 5 * MB), HEADING_PARSERS],
  ['"Q" and spaces', `Q${run(' ')}1`],
  ['"Q." and spaces', `Q.${run(' ')}1`],
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
  ['glued identifiers', run('uniqueTrueUniqueConstraint')],
  ['Anki sound references', run('[sound:')],
  ['a run of spaces and tabs inside a line', `a${run(' \t')}b`],
];

/** 'deck', or 'import error' (a clear message): anything else thrown is a failure. */
function deckOrImportError(parse: () => ParsedDeck): string {
  try {
    const deck = parse();
    if (!Array.isArray(deck.questions)) throw new Error('the parser returned no question list');
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
export function parsersReading(line: string, only?: readonly string[]): Array<[string, () => string]> {
  const article = `${line}\n## Beginner\n\n1. What is X?\n${line}\nX is Y.\n\n2. What is Z?\nZ.\n`;
  const markdown = `# D\n\n${line}\n\n## L\n\n### Q?\n\nKeywords: k\n\n${line}\n\n### R?\n\nKeywords: r\n\nR.\n`;
  const json = JSON.stringify({
    format: 'prepdeck-deck',
    version: 1,
    deck: { name: 'J', questions: [{ level: 'Beginner', prompt: 'P?', answer: line }] },
  });
  const all: Array<[string, () => string]> = [
    ['article', () => deckOrImportError(() => parseArticle(article))],
    ['Markdown', () => deckOrImportError(() => parseDeckMarkdown(markdown))],
    ['Markdown, detected', () => deckOrImportError(() => parseImport({ text: markdown }).deck)],
    ['CSV', () => deckOrImportError(() => table(`Question,Answer\nWhat?,${line}\n`))],
    ['Anki HTML', () => deckOrImportError(() => table(`#separator:tab\n#html:true\nWhat?\t${line}<br>\n`))],
    ['JSON', () => deckOrImportError(() => parseDeckJson(json))],
    ['malformed JSON', () => deckOrImportError(() => parseDeckJson(`${json.slice(0, -2)}${line}`))],
    ['format detection', () => detectFormat(article)],
  ];
  return only ? all.filter(([name]) => only.includes(name)) : all;
}
