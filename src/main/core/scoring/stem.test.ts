import { describe, expect, it } from 'vitest';
import { scoreAnswer } from './index';
import { stem } from './stem';
import { SYNONYMS } from './synonyms';

describe('stem: one stem for the forms of a word', () => {
  it.each([
    ['migrations', 'migration', 'migrate', 'migrating', 'migrated'],
    ['cache', 'caches', 'cached', 'caching'],
    ['query', 'queries', 'queried'],
    ['scale', 'scales', 'scaling', 'scalable', 'scalability'],
    ['reuse', 'reused', 'reusable'],
    ['index', 'indexes', 'indices', 'indexing'],
    ['optimize', 'optimise', 'optimization', 'optimisation', 'optimizing', 'optimising'],
    ['serializer', 'serializers', 'serialiser', 'serialisers'],
    ['serialize', 'serialise', 'serialization', 'serialisation'],
    ['invalidate', 'invalidation', 'invalidated', 'invalidating'],
    ['behavior', 'behaviour'],
    ['center', 'centre'],
    ['analyze', 'analyse'],
    ['license', 'licence'],
    ['modeling', 'modelling'],
    ['cancel', 'cancelled', 'canceled', 'cancelling'],
    ['atomic', 'atomically', 'atomicity'],
    ['concurrent', 'concurrency'],
    ['configure', 'configuration', 'configured'],
    ['lazy', 'lazily'],
  ])('%s', (...forms) => {
    const stems = new Set(forms.map(stem));
    expect([...stems], forms.join(' ')).toHaveLength(1);
  });

  it.each([
    ['serializers', 'serial'],
    ['serialize', 'serializer'],
    ['invalidate', 'invalid'],
    ['statement', 'state'],
    ['organization', 'organ'],
    ['station', 'state'],
    ['four', 'for'],
    ['apply', 'app'],
    ['table', 't'],
    ['string', 'str'],
    ['cachet', 'cache'],
  ])('%s ≠ %s', (a, b) => {
    expect(stem(a)).not.toBe(stem(b));
  });
});

describe('the synonym table', () => {
  const SENTENCE = (term: string): string => `In this project we rely on ${term} for almost everything we build.`;

  it.each(SYNONYMS.flatMap((e) => e.terms.flatMap((a) => e.terms.filter((b) => b !== a).map((b) => [a, b]))))(
    'a keyword "%s" is named by "%s"',
    (keyword, said) => {
      const hit = scoreAnswer(SENTENCE(said), [{ id: 1, label: keyword, aliases: [], weight: 1 }]).hits[0];
      expect(hit?.verdict).toBe('alias');
    },
  );

  it.each(SYNONYMS.flatMap((e) => (e.saidAs ?? []).flatMap((s) => e.terms.map((t) => [t, s]))))(
    'one way: "%s" is named by "%s", not the other way round',
    (keyword, said) => {
      expect(scoreAnswer(SENTENCE(said), [{ id: 1, label: keyword, aliases: [], weight: 1 }]).hits[0]?.verdict).toBe(
        'alias',
      );
      expect(scoreAnswer(SENTENCE(keyword), [{ id: 1, label: said, aliases: [], weight: 1 }]).hits[0]?.verdict).toBe(
        'missed',
      );
    },
  );
});
