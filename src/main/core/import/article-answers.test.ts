/** The article reader: where a question and its answer start and end. */
import { describe, expect, it } from 'vitest';
import type { ParsedDeck } from '../../../shared/domain';
import { parseArticle } from './article';

describe('parseArticle: where a question and its answer start and end', () => {
  const parse = (text: string): ParsedDeck => parseArticle(text, { deckName: 'Test' });

  it('joins continuation lines into bullets; splits " - " only before a capital', () => {
    const text = [
      '## Beginner',
      '1. What does the field do?',
      '- Uses',
      'FileField/ImageField - Stores files outside',
      'STATIC_ROOT',
      '- Keeps a path - a relative one',
      'in the row',
      '• Another bullet',
      '',
      '* Same list after a blank line',
    ].join('\n');
    expect(parse(text).questions[0]!.answer).toBe(
      [
        '- Uses FileField/ImageField',
        '- Stores files outside STATIC_ROOT',
        '- Keeps a path - a relative one in the row',
        '- Another bullet',
        '- Same list after a blank line',
      ].join('\n'),
    );
  });

  it('stops an answer at a section that is not a question and ignores that section', () => {
    const text = [
      '## Beginner',
      '1. What is X?',
      'X is a thing.',
      'Tip: this line is part of the answer.',
      '',
      '💡 Pro Tips',
      '1. Practise daily',
      '2. Explain your answers out loud',
      '',
      '2. What is Y?',
      'Y is another thing.',
      '## Conclusion',
      'That is all.',
      'Tags: #x #y',
    ].join('\n');
    const deck = parse(text);
    expect(deck.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ['What is X?', 'X is a thing. Tip: this line is part of the answer.'],
      ['What is Y?', 'Y is another thing.'],
    ]);
    expect(deck.warnings).toEqual([]);
  });

  it('splits a question and its answer written on one line', () => {
    const deck = parse(
      '## Beginner\n1. What is Django? Django is a Python web framework with an ORM and an admin.\n**What is DRF?** A toolkit for REST APIs.\n',
    );
    expect(deck.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ['What is Django?', 'Django is a Python web framework with an ORM and an admin.'],
      ['What is DRF?', 'A toolkit for REST APIs.'],
    ]);
  });

  it('keeps a two-sentence question whole and joins a prompt broken across lines', () => {
    const deck = parse(
      '## Beginner\n1. What is X? Give an example.\nX.\n2. What is the difference between\nselect_related and prefetch_related?\nOne joins.\n',
    );
    expect(deck.questions.map((q) => q.prompt)).toEqual([
      'What is X? Give an example.',
      'What is the difference between select_related and prefetch_related?',
    ]);
  });

  it.each([
    ['Ans: X is a thing.'],
    ['Answer: X is a thing.'],
    ['A: X is a thing.'],
    ['**Answer:** X is a thing.'],
    ['Solution: X is a thing.'],
    ['Solution:\n\nX is a thing.'],
    ['Answer\nX is a thing.'],
  ])('takes the answer label off %j', (answer) => {
    const deck = parse(`## Beginner\n\nQ1. What is X?\n${answer}\n`);
    expect(deck.questions.map((q) => q.answer)).toEqual(['X is a thing.']);
  });

  it.each([
    ['Q.1:', '1.'],
    ['#', '1)'],
    ['**Question ', '1.'],
    ['### ', '1)'],
  ])('keeps a list numbered another way inside the answer (questions %s…, list %s)', (q, item) => {
    const num = (n: number): string =>
      q === '**Question '
        ? `**Question ${n}:**`
        : q === '#'
          ? `#${n}`
          : `${q.replace('1', String(n))}${q.startsWith('#') ? `${n}.` : ''}`;
    const marker = (n: number): string => item.replace('1', String(n));
    const text = [
      '## Basic',
      `${num(1)} What are the parts of MVT?`,
      'The parts are:',
      `${marker(1)} Model — the data.`,
      `${marker(2)} View — what is shown?`,
      `${marker(3)} Template — how it looks.`,
      'The framework is the controller.',
      `${num(2)} What is a view?`,
      'A callable.',
    ].join('\n');
    const deck = parse(text);
    expect(deck.questions.map((q) => q.prompt)).toEqual(['What are the parts of MVT?', 'What is a view?']);
    expect(deck.questions[0]!.answer).toBe(
      'The parts are:\n\n1. Model — the data.\n2. View — what is shown?\n3. Template — how it looks.\n\nThe framework is the controller.',
    );
  });
});
