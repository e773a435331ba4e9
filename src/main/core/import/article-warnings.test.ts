/** The article reader: warnings, deck names, an article without questions, and a large one. */
import { describe, expect, it } from 'vitest';
import type { ParsedDeck } from '../../../shared/domain';
import { NO_QUESTIONS_MESSAGE, parseArticle } from './article';
import { errorOf } from '../../../../tests/expect-import-error';

/** The Django fixture article with emoji (loaded by Vite, so this test needs no fs). */
const EMOJI_ARTICLE = Object.values(
  import.meta.glob<string>('../../../../tests/fixtures/articles/django-emoji.txt', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
)[0]!;

describe('parseArticle: warnings, deck names, no questions, large input', () => {
  const parse = (text: string): ParsedDeck => parseArticle(text, { deckName: 'Test' });

  it('warns about questions without answers, questions outside any level, and duplicates', () => {
    const text = ['1. What is X?', 'X.', '', '## Advanced', '2. What is Y?', '', '3. What is X?', 'Again.'].join('\n');
    const deck = parse(text);
    expect(deck.questions.map((q) => [q.prompt, q.level, q.line])).toEqual([
      ['What is X?', 'Advanced', 1],
      ['What is X?', 'Advanced', 7],
    ]);
    expect(deck.warnings).toEqual([
      {
        line: 1,
        message:
          'This question comes before the first level heading; it was put under Advanced, the level of that heading.',
      },
      { line: 5, message: '"What is Y?" has no answer; it was skipped.' },
      { line: 7, message: '"What is X?" appears twice (also on line 1); both were kept.' },
    ]);
  });

  it('suggests keywords for questions without a keyword line', () => {
    const q = parse('## Beginner\n1. What is select_related?\nIt follows a ForeignKey with a JOIN.\n').questions[0]!;
    expect(q.keywordsSuggested).toBe(true);
    expect(q.keywords.map((k) => k.label)).toEqual(['ForeignKey', 'JOIN']);
  });

  it('uses the title, the given name, or a default as the deck name', () => {
    expect(parseArticle('# My Title\n\n1. What is X?\nX.\n').name).toBe('My Title');
    expect(parseArticle('# My Title\n\n1. What is X?\nX.\n', { deckName: 'Mine' }).name).toBe('Mine');
    expect(parseArticle('1. What is X?\nX.\n').name).toBe('Imported questions');
    expect(parseArticle('1. What is X?\nX.\n', { defaultLevel: 'Beginner' }).questions[0]!.level).toBe('Beginner');
  });

  it('throws when there are no questions', () => {
    expect(NO_QUESTIONS_MESSAGE).toBe(
      'No questions found: Prepdeck looks for numbered questions such as “1. What is …?”',
    );
    for (const text of ['', 'Just a paragraph.', '## Beginner\n\nSome text.\n', '1. What is X?\n']) {
      expect(errorOf(() => parseArticle(text)).message).toBe(NO_QUESTIONS_MESSAGE);
    }
  });

  // How long this takes is measured by the benchmark (tests/bench/import-parsers.ts), not here.
  it('parses a 2 MB article, pathological lines included', () => {
    const base = EMOJI_ARTICLE;
    const parts: string[] = [];
    for (let size = 0; size < 2 * 1024 * 1024; size += base.length) parts.push(base);
    // plus pathological lines: very long runs of characters the patterns look at
    parts.push(
      `\n## Beginner\n1. What is ${'*'.repeat(100_000)}?\n${'- '.repeat(100_000)}\n${' - A'.repeat(50_000)}\n`,
    );
    const text = parts.join('\n');
    const deck = parseArticle(text);
    expect(deck.questions.length).toBe(10 * (parts.length - 1) + 1); // + the pathological one
  });
});
