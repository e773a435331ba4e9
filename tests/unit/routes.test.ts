import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { href, parseRoute, type Route } from '../../src/shared/routes';

describe('the typed routes', () => {
  it('writes each page with its parameters, in the map order, and leaves out what is empty', () => {
    expect(href('home')).toBe('#/home');
    expect(href('results', { id: 12 })).toBe('#/results?id=12');
    expect(href('decks', { panel: 'import' })).toBe('#/decks?panel=import');
    expect(href('library', { id: 4, q: '', kw: [7, 9], level: ['Junior', 'Mid & up'], deck: 3 })).toBe(
      '#/library?deck=3&level=Junior&level=Mid+%26+up&kw=7&kw=9&id=4',
    );
    expect(href('library', { deck: undefined, level: [] })).toBe('#/library');
  });

  it('reads what href wrote, lists always present and absent optionals left out', () => {
    expect(parseRoute('#/library?deck=3&level=Junior&level=Mid+%26+up&kw=7&kw=9&q=orm')).toEqual({
      page: 'library',
      params: { deck: 3, level: ['Junior', 'Mid & up'], kw: [7, 9], q: 'orm' },
    });
    expect(parseRoute('#/library')).toEqual({ page: 'library', params: { level: [], kw: [] } });
    expect(parseRoute('#/session?id=5')).toEqual({ page: 'session', params: { id: 5 } });
  });

  it('is Home for an empty hash, an unknown page, or a page without its required id', () => {
    const home = { page: 'home', params: {} };
    for (const hash of [
      '',
      '#',
      '#/',
      '#/nowhere',
      '#/results',
      '#/results?id=0',
      '#/session?id=2x',
      '#/session?id=-3',
    ])
      expect(parseRoute(hash), hash).toEqual(home);
  });

  it('drops malformed optional values instead of passing them on', () => {
    expect(parseRoute('#/decks?panel=settings')).toEqual({ page: 'decks', params: {} });
    expect(parseRoute('#/library?deck=abc&kw=1&kw=x&kw=2&id=1.5')).toEqual({
      page: 'library',
      params: { level: [], kw: [1, 2] },
    });
  });

  it('round-trips every route: parse(href(route)) is the route', () => {
    const id = fc.integer({ min: 1, max: 2 ** 40 });
    const words = fc.string({ minLength: 1, maxLength: 20 });
    const route: fc.Arbitrary<Route> = fc.oneof(
      fc.constantFrom<Route>(
        { page: 'home', params: {} },
        { page: 'practice', params: {} },
        { page: 'history', params: {} },
        { page: 'stats', params: {} },
      ),
      id.map((n): Route => ({ page: 'session', params: { id: n } })),
      id.map((n): Route => ({ page: 'results', params: { id: n } })),
      fc
        .option(fc.constantFrom('import' as const, 'export' as const, 'backup' as const), { nil: undefined })
        .map((panel): Route => ({ page: 'decks', params: panel ? { panel } : {} })),
      fc
        .record(
          {
            deck: id,
            level: fc.array(words, { maxLength: 3 }),
            kw: fc.array(id, { maxLength: 3 }),
            q: words,
            id,
          },
          { requiredKeys: ['level', 'kw'] },
        )
        .map((params): Route => ({ page: 'library', params })),
    );
    fc.assert(
      fc.property(route, (r) => {
        const text = (href as (page: string, params: object) => string)(r.page, r.params);
        expect(parseRoute(text)).toEqual(r);
        expect(parseRoute(text.slice(1))).toEqual(r); // main's window address carries the hash without its #
      }),
    );
  });
});
