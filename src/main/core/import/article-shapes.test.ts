/// <reference types="vite/client" />
/**
 * The shapes corpus (tests/fixtures/articles/shapes/): articles written in the styles of real "interview questions"
 * pages by someone who never saw the parser, each with the questions, levels and answers a person would expect.
 * Every question is checked: its prompt exactly, its level as the Django deck would file it, the answer's telling
 * phrases present and the next question's text absent; and no question more.
 */
import { describe, expect, it } from 'vitest';
import { parseDeckMarkdown } from '../deck-markdown';
import { parseArticle } from './article';
import { findLevel, levelFromText } from './levels';

interface ExpectedQuestion {
  prompt: string;
  level: 'Beginner' | 'Intermediate' | 'Advanced' | 'Scenario' | null;
  answerIncludes: string[];
  answerExcludes?: string[];
}

interface ExpectedArticle {
  description: string;
  questions: ExpectedQuestion[];
}

const glob = (files: Record<string, unknown>): Map<string, string> =>
  new Map(Object.entries(files).map(([path, text]) => [path.split('/').pop()!, text as string]));

const ARTICLES = glob(
  import.meta.glob('../../../../tests/fixtures/articles/shapes/*.{txt,md}', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
);
const EXPECTED = glob(
  import.meta.glob('../../../../tests/fixtures/articles/shapes/*.expected.json', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
);
const DJANGO_DECK = Object.values(
  import.meta.glob<string>('../../../../resources/decks/django.md', { query: '?raw', import: 'default', eager: true }),
)[0]!;

/** The Django deck's levels, and where a level the article names goes in it (as the import preview maps it). */
const DJANGO_LEVELS = parseDeckMarkdown(DJANGO_DECK).levels;
const inDjangoDeck = (level: string): string | undefined =>
  findLevel(DJANGO_LEVELS, level) ?? DJANGO_LEVELS.find((l) => levelFromText(l) === level);

const words = (s: string): string[] => s.toLowerCase().match(/[a-z0-9]+/g) ?? [];

const CASES = [...ARTICLES.keys()].sort().map((name) => {
  const expected = EXPECTED.get(name.replace(/\.(?:txt|md)$/, '.expected.json'));
  if (expected === undefined) throw new Error(`${name} has no .expected.json`);
  return [name, JSON.parse(expected) as ExpectedArticle] as const;
});

describe('the shapes corpus', () => {
  it('has at least 12 article shapes, each with its expectations', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(12);
    expect(EXPECTED.size).toBe(ARTICLES.size);
    expect(DJANGO_LEVELS).toEqual(['Beginner', 'Intermediate', 'Advanced', 'Scenario']);
  });

  describe.each(CASES)('%s', (name, expected) => {
    const deck = parseArticle(ARTICLES.get(name)!, { topicWords: ['Django'] });

    it('has exactly the expected questions, in order', () => {
      expect(deck.questions.map((q) => q.prompt)).toEqual(expected.questions.map((q) => q.prompt));
    });

    it('files each question under the expected level, or says the article names none', () => {
      const hinted = (deck.levelHints ?? []).length > 0;
      const levels = deck.questions.map((q) => (hinted ? (inDjangoDeck(q.level) ?? q.level) : null));
      expect(levels).toEqual(expected.questions.map((q) => q.level));
    });

    it('keeps each answer whole and nothing of the next question or the page around it', () => {
      expected.questions.forEach((e, i) => {
        const answer = deck.questions[i]?.answer ?? '';
        for (const part of e.answerIncludes) expect(answer, `${e.prompt}: has "${part}"`).toContain(part);
        for (const part of e.answerExcludes ?? []) expect(answer, `${e.prompt}: has not "${part}"`).not.toContain(part);
      });
    });

    it('suggests at least two keywords for an answer of 40 words or more, none a word of the prompt or the deck', () => {
      for (const q of deck.questions) {
        if (!q.keywordsSuggested || words(q.answer).length < 40) continue;
        const labels = q.keywords.map((k) => k.label);
        expect(labels.length, `${q.prompt}: ${labels.join(', ')}`).toBeGreaterThanOrEqual(2);
        const taken = new Set([...words(q.prompt), 'django']);
        for (const label of labels) {
          expect(
            words(label).every((w) => taken.has(w)),
            `${q.prompt}: "${label}" only repeats the prompt or the deck`,
          ).toBe(false);
        }
      }
    });
  });
});
