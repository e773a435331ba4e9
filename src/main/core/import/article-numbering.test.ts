/** The article reader: numbering styles, tables of contents, FAQs and sign-offs. */
import { describe, expect, it } from 'vitest';
import type { ParsedDeck } from '../../../shared/domain';
import { parseArticle } from './article';

describe('parseArticle: numbering, contents, FAQs and sign-offs', () => {
  const parse = (text: string): ParsedDeck => parseArticle(text, { deckName: 'Test' });

  it('keeps a list restarting at 1 inside an answer when questions are numbered the same way', () => {
    const text = [
      '## Basic',
      '1. What is X?',
      'X is a thing.',
      '2. What does X log?',
      'It logs:',
      '1. Dates',
      '2. Times',
      '3. Error messages?',
      '3. What is Y?',
      'Y is another.',
    ].join('\n');
    const deck = parse(text);
    expect(deck.questions.map((q) => q.prompt)).toEqual(['What is X?', 'What does X log?', 'What is Y?']);
    expect(deck.questions[1]!.answer).toBe('It logs:\n\n1. Dates\n2. Times\n3. Error messages?');
  });

  it('reads question labels punctuated differently as one numbering', () => {
    const text = ['## Basic', 'Q1. What is X?', 'X.', 'Q2: What is Y?', 'Y.', 'Q 3 - What is Z?', 'Z.'].join('\n');
    expect(parse(text).questions.map((q) => q.prompt)).toEqual(['What is X?', 'What is Y?', 'What is Z?']);
  });

  it('takes the next question written apart from the others for a question', () => {
    const text = ['## Basic', '**1. What is X?**', 'X.', '**2. What is Y?**', 'Y.', '3. What is Z?', 'Z.'].join('\n');
    expect(parse(text).questions.map((q) => q.prompt)).toEqual(['What is X?', 'What is Y?', 'What is Z?']);
  });

  it('skips a table of contents that repeats the questions', () => {
    const text = ['## Basic', '1. What is X?', '2. What is Y?', '', '1. What is X?', 'X.', '', '2. What is Y?', 'Y.'];
    const deck = parse(text.join('\n'));
    expect(deck.questions.map((q) => [q.prompt, q.answer, q.line])).toEqual([
      ['What is X?', 'X.', 5],
      ['What is Y?', 'Y.', 8],
    ]);
    expect(deck.warnings).toEqual([]);
  });

  it('keeps FAQ questions about the subject, not about the interview', () => {
    const text = [
      '## 1. What is X?',
      'X.',
      '## FAQs',
      '### How long does it take to prepare for the interview?',
      'Two weeks.',
      '### What is the difference between X and Y?',
      'Y is bigger.',
      '### Do I need to learn Z too?',
      'Yes.',
    ].join('\n');
    expect(parse(text).questions.map((q) => q.prompt)).toEqual([
      'What is X?',
      'What is the difference between X and Y?',
    ]);
  });

  it('leaves out the sign-off and links after the last answer', () => {
    for (const tail of [
      'Hope this helps. Good luck!',
      '---\n*Follow me for more.*',
      'Also read:\n- Other post',
      'Liked this? Read next: more',
    ]) {
      const deck = parse(`## Basic\n1. What is X?\nX is a thing.\n\n${tail}\n`);
      expect([tail, deck.questions[0]!.answer]).toEqual([tail, 'X is a thing.']);
    }
  });

  it('records the headings that named a level, and none for an article without', () => {
    const deck = parse(
      '# Top Django Questions for Freshers\n\n1. What is X?\nX.\n\nAdvanced Questions\n\n2. What is Y?\nY.\n',
    );
    expect(deck.levelHints).toEqual([
      { text: 'Top Django Questions for Freshers', level: 'Beginner', line: 1 },
      { text: 'Advanced Questions', level: 'Advanced', line: 6 },
    ]);
    expect(parse('1. What is X?\nX.\n').levelHints).toEqual([]);
  });

  it('tells numbered answer steps from the next question', () => {
    const text = [
      '## Intermediate',
      '1. What happens on a request?',
      '1. Middleware runs',
      '2. The view runs',
      '3. Describe the response',
      '2. What is a view?',
      'A callable.',
      '3. Django signals',
      'Hooks that fire on model events.',
    ].join('\n');
    const deck = parse(text);
    expect(deck.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ['What happens on a request?', '1. Middleware runs\n2. The view runs\n3. Describe the response'],
      ['What is a view?', 'A callable.'],
      ['Django signals', 'Hooks that fire on model events.'],
    ]);
  });
});
