/**
 * Pathological lines (tests/pathological-lines.ts) inside inputs of 1 to 5 MB: every parser finishes with a deck or
 * an ImportError. Before the fixes, a heading with a long run of inner spaces took minutes (a quadratic `/\s+#+$/`),
 * and a line of a few million emoji or symbols overflowed the regex engine's stack ("Maximum call stack size
 * exceeded"). How long each takes is measured by the benchmark (npm run bench), not asserted here: vitest's timeout
 * is the bound that catches a pattern gone super-linear again.
 */
import { describe, expect, it } from 'vitest';
import { parsersReading, PATHOLOGICAL_LINES, run } from '../../../../tests/pathological-lines';
import { parseArticle } from './article';

describe('every parser reads a pathological line inside a large input', () => {
  it.each(PATHOLOGICAL_LINES)(
    '%s',
    (_what, line, only) => {
      for (const [parser, parse] of parsersReading(line, only)) {
        expect(['deck', 'import error', 'markdown', 'article', 'csv', 'tsv', 'json'], parser).toContain(parse());
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
