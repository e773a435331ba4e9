import { describe, expect, it } from 'vitest';
import { suggestKeywords } from './suggest';

const labels = (answer: string, max?: number): string[] => suggestKeywords(answer, { max }).map((k) => k.label);

describe('suggestKeywords', () => {
  it('finds code identifiers, backticked code and acronyms, most frequent first', () => {
    const answer =
      'Use `select_related` for foreign keys and prefetch_related for many-to-many. Wrap writes in transaction.atomic. ' +
      'Django protects forms against CSRF; the ORM escapes SQL. select_related uses a JOIN, so one query. CSRF tokens rotate.';
    expect(labels(answer)).toEqual(['select_related', 'CSRF', 'prefetch_related', 'transaction.atomic', 'ORM', 'SQL']);
  });

  it('gives snake_case identifiers a spoken alias', () => {
    expect(suggestKeywords('Call `select_related` early.')).toEqual([
      { label: 'select_related', aliases: ['select related'], weight: 1 },
    ]);
  });

  it('keeps capitalised names but not sentence-initial common words', () => {
    expect(labels('The cache lives in Redis. This keeps reads fast. However, Redis must be monitored.')).toEqual([
      'Redis',
    ]);
    // "Middleware" starts a sentence and also appears in lower case: a common noun, not a name.
    expect(labels('Middleware wraps every request. Each middleware can stop it.')).toEqual([]);
    // "Django" starts a sentence and never appears in lower case: a name.
    expect(labels('Django ships an admin.')).toEqual(['Django']);
  });

  it('joins multi-word names', () => {
    expect(
      labels('In CPython the Global Interpreter Lock allows one thread. Measure with Django Debug Toolbar.'),
    ).toEqual(['CPython', 'Global Interpreter Lock', 'Django Debug Toolbar']);
  });

  it('recognises mixed case and calls, and ignores e.g., URLs and fenced code', () => {
    const answer =
      'Use useEffect, e.g. for ImageField uploads, or call render(). See www.example.com.\n```python\nsecret_key = 1\n```';
    expect(labels(answer)).toEqual(['useEffect', 'ImageField', 'render']);
  });

  it('deduplicates case-insensitively and folds plural acronyms', () => {
    expect(labels('APIs are everywhere; an API is a contract. `api` again.')).toEqual(['API']);
  });

  it('respects max and returns nothing for plain prose', () => {
    expect(labels('CSRF ORM SQL JSON HTTP REST TLS', 3)).toEqual(['CSRF', 'ORM', 'SQL']);
    expect(labels('it is what it is, and that is fine.')).toEqual([]);
    expect(labels('')).toEqual([]);
    expect(labels('CSRF', 0)).toEqual([]);
  });
});
