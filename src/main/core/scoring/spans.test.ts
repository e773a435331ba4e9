/** findKeywordSpans: where each keyword is named, agreeing with scoreAnswer, on short and long answers. */
import { describe, it, expect } from 'vitest';
import { findKeywordSpans, scoreAnswer } from './index';
import type { ScoringKeyword } from './index';
import { kw, spanTexts, expectWellFormed } from '../../../../tests/scoring-cases';

describe('findKeywordSpans', () => {
  const bank: ScoringKeyword[] = [
    kw('transaction.atomic', [], 1, 1),
    kw('row-level locking', ['select_for_update'], 1, 2),
    kw('per-view cache', [], 1, 3),
    kw('cache', [], 1, 4),
    kw('CSRF', ['CSRF protection'], 1, 5),
  ];

  it('returns the named substrings, sorted by start', () => {
    const text =
      'Wrap it in `transaction.atomic()`, call select_for_update() for row level locks, and add CSRF protection.';
    const spans = findKeywordSpans(text, bank);
    expectWellFormed(text, spans);
    expect(spanTexts(text, spans)).toEqual([
      '1:transaction.atomic()',
      '2:select_for_update()',
      '2:row level locks',
      '5:CSRF protection',
    ]);
  });

  it('prefers the longer of two overlapping forms of one keyword', () => {
    const text = 'CSRF protection is on.';
    expect(spanTexts(text, findKeywordSpans(text, bank))).toEqual(['5:CSRF protection']);
  });

  it('splits a longer span around a keyword named only inside it, so both stay hits', () => {
    const text = 'Turn on the per-view cache.';
    const spans = findKeywordSpans(text, bank);
    expect(spanTexts(text, spans)).toEqual(['3:per-view', '4:cache']);
    expect(
      scoreAnswer(text, bank)
        .hits.filter((h) => h.verdict !== 'missed')
        .map((h) => h.keywordId),
    ).toEqual([3, 4]);
  });

  it('keeps the longer span whole when the shorter keyword is also named elsewhere', () => {
    const text = 'Turn on the per-view cache; caching helps.';
    expect(spanTexts(text, findKeywordSpans(text, bank))).toEqual(['3:per-view cache', '4:caching']);
  });

  it('gives identical matches of two keywords to the first one in the list', () => {
    const text = 'Use an ORM.';
    const twins = [kw('ORM', [], 1, 1), kw('orm', [], 1, 2)];
    expect(spanTexts(text, findKeywordSpans(text, twins))).toEqual(['1:ORM']);
    expect(scoreAnswer(text, twins).hits.map((h) => h.verdict !== 'missed')).toEqual([true, false]);
  });

  it('finds every mention', () => {
    const text = 'Cache it. Then cache it again, cached.';
    expect(spanTexts(text, findKeywordSpans(text, [kw('cache', [], 1, 9)]))).toEqual([
      '9:Cache',
      '9:cache',
      '9:cached',
    ]);
  });

  it('uses UTF-16 offsets that slice back to the text', () => {
    const text = '🙂 naïve — “select_related” ok';
    const spans = findKeywordSpans(text, [kw('select_related', [], 1, 1), kw('naïve', [], 1, 2)]);
    expect(spanTexts(text, spans)).toEqual(['2:naïve', '1:select_related']);
  });
});

describe('scoreAnswer and findKeywordSpans agree on generated answers', () => {
  const VOCAB = [
    'the',
    'a',
    'row',
    'level',
    'locking',
    'lock',
    'cache',
    'caching',
    'per',
    'view',
    'transaction',
    'atomic',
    'atom',
    'select',
    'related',
    'prefetch',
    'ORM',
    'normal',
    'CSRF',
    'protection',
    'index',
    'database',
    'unique',
    'True',
  ];
  const SEPS = [' ', ' ', ' ', '.', '_', '-', ', ', '=', '() ', ' `', '` ', '/'];
  const bank: ScoringKeyword[] = [
    kw('row-level locking', [], 2, 1),
    kw('per-view cache', [], 1, 2),
    kw('cache', ['caching'], 1, 3),
    kw('transaction.atomic', [], 3, 4),
    kw('select_related', ['select related'], 1, 5),
    kw('ORM', [], 1, 6),
    kw('CSRF protection', ['CSRF'], 1, 7),
    kw('database indexes', [], 1, 8),
    kw('unique=True', [], 1, 9),
    kw('index', [], 1, 10),
  ];

  // Small deterministic PRNG (mulberry32) so failures reproduce.
  let seed = 12345;
  const rand = (n: number): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };

  it('for 500 random answers', () => {
    for (let n = 0; n < 500; n++) {
      let text = '';
      const words = 1 + rand(25);
      for (let i = 0; i < words; i++) text += (VOCAB[rand(VOCAB.length)] ?? '') + (SEPS[rand(SEPS.length)] ?? ' ');
      const spans = findKeywordSpans(text, bank);
      const result = scoreAnswer(text, bank);
      expectWellFormed(text, spans);
      const spanned = new Set(spans.map((s) => s.keywordId));
      for (const h of result.hits)
        expect(h.verdict !== 'missed', `${h.label} in ${JSON.stringify(text)}`).toBe(spanned.has(h.keywordId));
      const total = bank.reduce((sum, k) => sum + k.weight, 0);
      const earned = result.hits.reduce((sum, h, i) => sum + (bank[i]?.weight ?? 0) * h.credit, 0);
      expect(result.score).toBeCloseTo(earned / total, 10);
    }
  });
});

describe('a long answer', () => {
  // Speed is measured by `npm run bench`, not asserted here; this checks the result on a realistic length.
  it('scores a 300-word answer against 6 keywords', () => {
    const filler = 'when the request arrives the view reads rows from the database and renders a template for the user';
    const words: string[] = [];
    for (let i = 0; words.length < 300; i++) {
      words.push(...filler.split(' '));
      if (i % 3 === 0) words.push('`select_related`', 'and', 'row-level', 'locking');
      if (i % 4 === 1) words.push('caching', 'per', 'view', 'with', 'transaction.atomic()');
    }
    const answer = words.slice(0, 300).join(' ');
    const bank = [
      kw('transaction.atomic', [], 2, 1),
      kw('select_related', [], 1, 2),
      kw('row-level locking', ['select_for_update'], 1, 3),
      kw('per-view cache', [], 1, 4),
      kw('CSRF protection', ['cross-site request forgery'], 1, 5),
      kw('database indexes', [], 1, 6),
    ];
    expect(scoreAnswer(answer, bank).hits.map((h) => h.verdict !== 'missed')).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
