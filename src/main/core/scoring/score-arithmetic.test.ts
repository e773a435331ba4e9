/** scoreAnswer's arithmetic: weights, credits and the score. */
import { describe, it, expect } from 'vitest';
import { findKeywordSpans, scoreAnswer } from './index';
import type { ScoringKeyword } from './index';
import { kw } from '../../../../tests/scoring-cases';

describe('scoreAnswer arithmetic', () => {
  const bank: ScoringKeyword[] = [
    kw('transaction.atomic', [], 3, 10),
    kw('select_related', [], 1, 11),
    kw('CSRF protection', ['cross-site request forgery'], 2, 12),
    kw('database indexes', [], 2, 13),
  ];
  const ATOMIC = 'Wrap the whole view in transaction.atomic so that it commits or rolls back as one unit.';
  const RELATED = 'Call select_related so that the author comes back in the same query as the book.';
  const CSRF = 'The middleware blocks cross-site request forgery by checking a secret token on every POST.';
  const INDEX = 'Add database indexes on the columns that the slow queries filter on.';

  it.each([
    ['nothing named', 'I would just restart the server and hope for the best.', 0],
    ['only the weight-3 keyword', ATOMIC, 3 / 8],
    ['only a weight-1 keyword', RELATED, 1 / 8],
    ['3 + 1', `${ATOMIC} ${RELATED}`, 4 / 8],
    ['alias counts with its weight', `${CSRF} ${INDEX}`, 4 / 8],
    ['everything', `${ATOMIC} ${RELATED} ${CSRF} ${INDEX}`, 1],
    ['repeats do not count twice', `${RELATED} ${RELATED} ${RELATED}`, 1 / 8],
    [
      'a bare list earns a quarter of each weight',
      'transaction.atomic, select_related, CSRF protection',
      (6 * 0.25) / 8,
    ],
    ['explained beats listed for the same keyword', `transaction.atomic, select_related. ${ATOMIC}`, (3 + 0.25) / 8],
  ])('%s', (_name, answer, expected) => {
    const result = scoreAnswer(answer, bank);
    expect(result.score).toBeCloseTo(expected, 10);
    expect(result.hits.map((h) => h.keywordId)).toEqual([10, 11, 12, 13]);
    expect(result.hits.map((h) => h.label)).toEqual(bank.map((k) => k.label));
    for (const h of result.hits) {
      expect(h.hit).toBe(h.credit === 1);
      expect(h.verdict === 'missed').toBe(h.matchedBy === null);
      expect(h.verdict === 'missed').toBe(h.evidence === null);
    }
  });

  it('scores 0 with no keywords', () => {
    expect(scoreAnswer('anything at all', [])).toEqual({ score: 0, hits: [] });
    expect(findKeywordSpans('anything at all', [])).toEqual([]);
  });

  it('misses everything on an empty answer', () => {
    const result = scoreAnswer('', bank);
    expect(result.score).toBe(0);
    expect(result.hits.every((h) => !h.hit && h.matchedBy === null && h.verdict === 'missed')).toBe(true);
  });

  it('scores 0 when all weights are 0, but still reports hits', () => {
    const result = scoreAnswer(RELATED, [kw('select_related', [], 0, 1), kw('cache', [], 0, 2)]);
    expect(result.score).toBe(0);
    expect(result.hits.map((h) => h.hit)).toEqual([true, false]);
  });

  it('treats negative and non-finite weights as 0', () => {
    const result = scoreAnswer('We cache the page because the cache is fast.', [
      kw('cache', [], -2, 1),
      kw('queue', [], Number.NaN, 2),
      kw('orm', [], 1, 3),
    ]);
    expect(result.score).toBe(0);
  });

  it('reports the label or alias that was named first, as written, and where', () => {
    const k = kw('CSRF protection', ['Cross-Site Request Forgery'], 1, 5);
    const first = 'It stops cross site request forgery with a token in every form that the server checks.';
    const r1 = scoreAnswer(first, [k]).hits[0];
    expect(r1?.matchedBy).toBe('Cross-Site Request Forgery');
    expect(r1?.verdict).toBe('alias');
    expect(r1?.evidence && first.slice(r1.evidence.start, r1.evidence.end)).toBe('cross site request forgery');
    const second = 'Django turns on CSRF protection for every form that posts data back to the server.';
    const r2 = scoreAnswer(second, [k]).hits[0];
    expect(r2?.matchedBy).toBe('CSRF protection');
    expect(r2?.verdict).toBe('named');
  });
});
