import { describe, expect, it } from 'vitest';
import { href, parseRoute } from '../../../shared/routes';
import {
  facetChoices,
  filtersRoute,
  isFiltered,
  listInput,
  markSearch,
  matchWhere,
  readFilters,
  type Filters,
} from './library-filters';

const none: Filters = { deck: undefined, levels: [], keywordIds: [], search: '', open: undefined };
const read = (hash: string) => {
  const route = parseRoute(hash);
  if (route.page !== 'library') throw new Error(`not the library: ${hash}`);
  return readFilters(route.params);
};

describe('Library filters in the address', () => {
  it('reads every filter, repeated ones in order', () => {
    expect(read('#/library?deck=2&level=Senior&level=Junior&kw=5&kw=7&q=orm+cache&id=9')).toEqual({
      deck: 2,
      levels: ['Senior', 'Junior'],
      keywordIds: [5, 7],
      search: 'orm cache',
      open: 9,
    });
  });

  it('reads no filter as none', () => {
    expect(read('#/library')).toEqual(none);
  });

  it('writes what it reads back, and nothing for no filters', () => {
    const f: Filters = { deck: 3, levels: ['Mid level', 'Senior'], keywordIds: [1, 2], search: 'a&b=c', open: 4 };
    expect(read(href('library', filtersRoute(f)))).toEqual(f);
    expect(href('library', filtersRoute(none))).toBe('#/library');
  });

  it('counts an open question as no filter', () => {
    expect(isFiltered({ ...none, open: 3 })).toBe(false);
    expect(isFiltered({ ...none, search: 'x' })).toBe(true);
    expect(isFiltered({ ...none, levels: ['Senior'] })).toBe(true);
  });

  it('leaves empty filters out of the list call', () => {
    expect(listInput(none)).toEqual({
      deckIds: undefined,
      levels: undefined,
      keywordIds: undefined,
      search: undefined,
      limit: 500,
    });
    expect(listInput({ ...none, deck: 2, levels: ['Senior'], keywordIds: [4], search: 'orm' })).toMatchObject({
      deckIds: [2],
      levels: ['Senior'],
      keywordIds: [4],
      search: 'orm',
    });
  });
});

describe('facet choices', () => {
  const kw = (id: number, label: string) => ({ id, label, aliases: [], questionCount: 1 });
  it('keeps a level and a keyword chosen before the deck changed, so they can be cleared', () => {
    const shown = { levels: [{ level: 'Junior', count: 4 }], keywords: [kw(1, 'ORM')] };
    const all = [kw(1, 'ORM'), kw(2, 'GIL'), kw(3, 'Redis')];
    const choices = facetChoices(shown, all, { ...none, levels: ['Junior', 'Senior'], keywordIds: [2] });
    expect(choices.levels).toEqual([
      { level: 'Junior', count: 4 },
      { level: 'Senior', count: 0 },
    ]);
    expect(choices.keywords.map((k) => k.label)).toEqual(['ORM', 'GIL']);
  });
});

describe('where a search found a question', () => {
  it('names the places in a sentence', () => {
    expect(matchWhere({ fields: ['prompt'] })).toBe('Found in the question');
    expect(matchWhere({ fields: ['prompt', 'answer'] })).toBe('Found in the question and the model answer');
    expect(matchWhere({ fields: ['prompt', 'answer', 'keyword'], keywords: ['ORM', 'N+1'] })).toBe(
      'Found in the question, the model answer, keywords “ORM” and “N+1”',
    );
    expect(matchWhere({ fields: ['keyword'], keywords: ['ORM'] })).toBe('Found in keyword “ORM”');
  });

  it('marks the first occurrence whatever its case, and nothing when it is absent', () => {
    expect(markSearch('The ORM builds SQL; orm again', 'orm')).toEqual({
      before: 'The ',
      mark: 'ORM',
      after: ' builds SQL; orm again',
    });
    expect(markSearch('no match here', 'redis')).toEqual({ before: 'no match here', mark: '', after: '' });
    expect(markSearch('anything', '')).toEqual({ before: 'anything', mark: '', after: '' });
  });
});
