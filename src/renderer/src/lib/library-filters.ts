import type { InputOf } from '../../../shared/api';
import type { RouteParams } from '../../../shared/routes';
import type { KeywordCount, LevelCount, SearchMatch } from '../../../shared/types';

/** What the Library shows, as its address holds it: `#/library?deck=2&level=Senior&kw=5&q=orm&id=9`. */
export interface Filters {
  deck: number | undefined;
  levels: string[];
  keywordIds: number[];
  search: string;
  open: number | undefined;
}

/** The filters in the Library's route (its address, parsed and checked by shared/routes.ts). */
export function readFilters(params: RouteParams<'library'>): Filters {
  return { deck: params.deck, levels: params.level, keywordIds: params.kw, search: params.q ?? '', open: params.id };
}

/** The Library's route for these filters (the inverse of `readFilters`); an empty filter is left out. */
export function filtersRoute(f: Filters): RouteParams<'library'> {
  return { deck: f.deck, level: f.levels, kw: f.keywordIds, q: f.search || undefined, id: f.open };
}

/** Whether anything narrows the list (an open question does not). */
export const isFiltered = (f: Filters): boolean =>
  f.deck !== undefined || f.levels.length > 0 || f.keywordIds.length > 0 || !!f.search;

/** The list call for these filters: an empty filter is left out rather than sent empty. */
export function listInput(f: Filters): InputOf<'listQuestions'> {
  return {
    deckIds: f.deck ? [f.deck] : undefined,
    levels: f.levels.length ? f.levels : undefined,
    keywordIds: f.keywordIds.length ? f.keywordIds : undefined,
    search: f.search || undefined,
    limit: 500,
  };
}

/**
 * The levels and keywords to offer: the chosen deck's, plus any chosen before the deck changed
 * (a level at 0, a keyword from the whole bank), so that it stays visible and can be cleared.
 */
export function facetChoices(
  shown: { levels: LevelCount[]; keywords: KeywordCount[] },
  allKeywords: KeywordCount[],
  f: Filters,
): { levels: LevelCount[]; keywords: KeywordCount[] } {
  const shownLevels = new Set(shown.levels.map((x) => x.level));
  const shownKeywords = new Set(shown.keywords.map((x) => x.id));
  const chosenKeywords = new Set(f.keywordIds);
  return {
    levels: [...shown.levels, ...f.levels.filter((l) => !shownLevels.has(l)).map((level) => ({ level, count: 0 }))],
    keywords: [...shown.keywords, ...allKeywords.filter((k) => chosenKeywords.has(k.id) && !shownKeywords.has(k.id))],
  };
}

/** Where a search found a question, in words: "the question, the model answer and keyword “ORM”". */
export function matchWhere(match: SearchMatch): string {
  const where = [
    match.fields.includes('prompt') && 'the question',
    match.fields.includes('answer') && 'the model answer',
    match.keywords?.length &&
      `${match.keywords.length === 1 ? 'keyword' : 'keywords'} ${match.keywords.map((k) => `“${k}”`).join(', ')}`,
  ].filter(Boolean);
  return `Found in ${where.join(', ').replace(/, ([^,]*)$/, ' and $1')}`;
}

/** The snippet cut around the first place the search occurs, case-insensitively; `mark` is '' when it does not. */
export function markSearch(snippet: string, search: string): { before: string; mark: string; after: string } {
  const at = search ? snippet.toLowerCase().indexOf(search.toLowerCase()) : -1;
  if (at < 0) return { before: snippet, mark: '', after: '' };
  return {
    before: snippet.slice(0, at),
    mark: snippet.slice(at, at + search.length),
    after: snippet.slice(at + search.length),
  };
}
