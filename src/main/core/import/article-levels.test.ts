/** The article reader: level headings, and the keyword lines under an answer. */
import { describe, expect, it } from 'vitest';
import type { ParsedDeck } from '../../../shared/domain';
import { parseArticle } from './article';
import { levelFromText } from './levels';

describe('parseArticle: levels and keyword lines', () => {
  const parse = (text: string): ParsedDeck => parseArticle(text, { deckName: 'Test' });

  it('maps level headings onto the default levels', () => {
    const cases: [string, string | null][] = [
      ['🚀 Advanced-Level Interview Questions', 'Advanced'],
      ['🟢 Beginner Level', 'Beginner'],
      ['Intermediate Django Questions', 'Intermediate'],
      ['Bonus Scenario-Based Questions', 'Scenario'],
      ['Expert', 'Advanced'],
      ['Questions for Freshers', 'Beginner'],
      ['Medium', 'Intermediate'],
      ['Senior engineer round', 'Advanced'],
      ['Situational questions', 'Scenario'],
      ['Practical Questions', 'Scenario'],
      ['A Practical Guide', null],
      ['Entry-level questions', 'Beginner'],
      ['Mid-Level', 'Intermediate'],
      ['Hard', 'Advanced'],
      ['Django ORM Questions', null],
    ];
    for (const [heading, level] of cases) {
      expect([heading, levelFromText(heading)]).toEqual([heading, level]);
      if (level) {
        const deck = parse(`Intro line\n\n${heading}\n\n1. What is X?\nX is a thing.\n`);
        expect([heading, deck.questions[0]!.level]).toEqual([heading, level]);
      }
    }
  });

  it.each([
    ['1. What is X?', 'What is X?'],
    ['Q1. What is X?', 'What is X?'],
    ['Q1: What is X?', 'What is X?'],
    ['Question 1: What is X?', 'What is X?'],
    ['1) What is X?', 'What is X?'],
    ['**1. What is X?**', 'What is X?'],
    ['**1.** What is X?', 'What is X?'],
    ['### 1. What is X?', 'What is X?'],
    ['1️⃣ What is X?', 'What is X?'],
    ['Q: What is X?', 'What is X?'],
    ['### What is X?', 'What is X?'],
    ['**What is X?**', 'What is X?'],
    ['Q.1: What is X?', 'What is X?'],
    ['Q.1 What is X?', 'What is X?'],
    ['Q 1 - What is X?', 'What is X?'],
    ['Q#1 What is X?', 'What is X?'],
    ['**Question 1:** What is X?', 'What is X?'],
    ['#1 What is X?', 'What is X?'],
  ])('reads the question style %s', (line, prompt) => {
    const deck = parse(`## Beginner\n\n${line}\nX is a thing.\n`);
    expect(deck.questions.map((q) => [q.prompt, q.answer])).toEqual([[prompt, 'X is a thing.']]);
  });

  it.each([
    ['Keywords: a, b, c', 'a / b / c'],
    ['Technical Keywords: a; b; c', 'a / b / c'],
    ['🔑 Keywords: a | b | c', 'a / b / c'],
    ['**Keywords:** `a` · b · c.', 'a / b / c'],
    ['Keywords:\na, b and c, and d', 'a / b and c / d'],
    ['🔑 Technical Keywords:\n- a\n- b, c', 'a / b / c'],
    ['Keywords: a | alias of a; b *2', 'a / b'],
    ['Key terms: a, A, b', 'a / b'],
    ['- Keywords: a, b', 'a / b'],
  ])('reads the keyword line %j', (line, labels) => {
    const deck = parse(`## Beginner\n\n1. What is X?\nX is a thing.\n${line}\n\n2. What is Y?\nY.\n`);
    const q = deck.questions[0]!;
    expect(q.keywords.map((k) => k.label).join(' / ')).toBe(labels);
    expect(q.keywordsSuggested).toBe(false);
    expect(q.answer).toBe('X is a thing.');
    expect(deck.questions[1]!.prompt).toBe('What is Y?');
  });

  it('reads aliases and weights when the keyword line uses Prepdeck syntax', () => {
    const deck = parse('## Beginner\n\n1. What is X?\nX.\nKeywords: a | alias of a; b *2\n');
    expect(deck.questions[0]!.keywords).toEqual([
      { label: 'a', aliases: ['alias of a'], weight: 1 },
      { label: 'b', aliases: [], weight: 2 },
    ]);
  });
});
