/** The bank as the Library reads it: facets and search. */
import { describe, expect, it } from 'vitest';
import { useFirstEditionStore, call } from '../first-edition-store';
import { DJANGO, goDeck } from './fixture';

useFirstEditionStore();

describe('getLibraryFacets', () => {
  it("gives one deck's levels and keywords with their counts, or every deck's", async () => {
    const go = await goDeck();
    const goFacets = await call('getLibraryFacets', { deckId: go.deckId });
    expect(goFacets.levels).toEqual([
      { level: 'Junior', count: 1 },
      { level: 'Senior', count: 1 },
    ]);
    expect(goFacets.keywords.map((k) => [k.label, k.questionCount])).toEqual([
      ['goroutine', 2],
      ['Redis', 2],
    ]);
    const django = await call('getLibraryFacets', { deckId: DJANGO });
    expect(django.levels.map((l) => l.level)).toEqual(['Beginner', 'Intermediate', 'Advanced', 'Scenario']);
    expect(django.keywords.find((k) => k.label === 'goroutine')).toBeUndefined();
    // Redis is in both decks: each deck counts its own questions, all decks count them all.
    const djangoRedis = django.keywords.find((k) => k.label === 'Redis')!.questionCount;
    const all = await call('getLibraryFacets', {});
    expect(all.keywords.find((k) => k.label === 'Redis')!.questionCount).toBe(djangoRedis + 2);
    expect(all).toEqual({
      levels: (await call('libraryOverview')).levels,
      keywords: (await call('libraryOverview')).keywords,
    });
  });
});

describe('listQuestions with a search', () => {
  it('says where each question matched: prompt, answer (with the words around it), keyword', async () => {
    const go = await goDeck();
    const page = await call('listQuestions', { deckIds: [go.deckId], search: 'GOROUTINE' });
    const [junior, senior] = page.items;
    // "What is a goroutine?": prompt, answer and keyword.
    expect(junior!.match).toEqual({
      fields: ['prompt', 'answer', 'keyword'],
      answerSnippet: 'A goroutine is a lightweight thread.',
      keywords: ['goroutine'],
    });
    // The scheduler question names it only in its answer and keywords.
    expect(senior!.match?.fields).toEqual(['answer', 'keyword']);
    // An alias counts as the keyword.
    const alias = await call('listQuestions', { deckIds: [go.deckId], search: 'green thread' });
    expect(alias.items[0]!.match).toEqual({ fields: ['keyword'], keywords: ['goroutine'] });
    // Without a search, no match is given.
    expect((await call('listQuestions', { deckIds: [go.deckId] })).items[0]!.match).toBeUndefined();
  });

  it('cuts a long answer to the words around the match', async () => {
    const page = await call('listQuestions', { search: 'select_for_update' });
    const hit = page.items.find((q) => q.match?.fields.includes('answer'))!;
    expect(hit.match!.answerSnippet!.toLowerCase()).toContain('select_for_update');
    expect(hit.match!.answerSnippet!.length).toBeLessThanOrEqual(160);
    expect(hit.match!.answerSnippet).not.toMatch(/\n/);
  });
});
