import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_SPANS, findKeywordSpans, LISTED_CREDIT, scoreAnswer, type ScoringKeyword } from './index';

/** No free credit: what a person could paste to score without explaining, and what must still count. */

const PROMPT = 'Two users redeem the last coupon at the same moment and both succeed. How do you fix the race?';
const KEYWORDS: ScoringKeyword[] = [
  { id: 1, label: 'row-level lock', aliases: ['select_for_update', 'row lock'], weight: 3 },
  { id: 2, label: 'conditional UPDATE', aliases: ['F expression', 'atomic decrement'], weight: 3 },
  { id: 3, label: 'held until commit', aliases: ['until the transaction commits'], weight: 2 },
  { id: 4, label: 'UniqueConstraint', aliases: ['database constraint'], weight: 2 },
];

const STRONG =
  'Wrap the redemption in transaction.atomic and read the coupon with select_for_update, so the second request ' +
  'waits for the row lock, which is held until commit. Better still, do an atomic decrement in one statement: ' +
  'filter on remaining > 0 and update it with an F expression, then check how many rows were changed. ' +
  'A UniqueConstraint on (user, coupon) stops the same person redeeming twice even if the code is wrong.';

function verdicts(answer: string, keywords = KEYWORDS, prompt = PROMPT): string[] {
  return scoreAnswer(answer, keywords, { prompt }).hits.map((h) => h.verdict);
}

describe('verdicts', () => {
  it('a strong answer names every keyword', () => {
    const r = scoreAnswer(STRONG, KEYWORDS, { prompt: PROMPT });
    expect(r.hits.map((h) => h.verdict)).toEqual(['alias', 'alias', 'named', 'named']);
    expect(r.score).toBe(1);
  });

  it('the labels joined by commas are a list: partial credit only', () => {
    const answer = KEYWORDS.map((k) => k.label).join(', ');
    expect(verdicts(answer)).toEqual(['listed', 'listed', 'listed', 'listed']);
    expect(scoreAnswer(answer, KEYWORDS).score).toBeCloseTo(LISTED_CREDIT, 10);
  });

  it('labels and aliases one per line, as bullets, are a list', () => {
    const answer = KEYWORDS.flatMap((k) => [k.label, ...k.aliases].map((t) => `- ${t}`)).join('\n');
    expect(verdicts(answer)).toEqual(['listed', 'listed', 'listed', 'listed']);
  });

  it('one sentence stuffed with terms is a list', () => {
    const answer = 'Use a row-level lock, a conditional UPDATE, held until commit, and a UniqueConstraint.';
    expect(verdicts(answer)).toEqual(['listed', 'listed', 'listed', 'listed']);
  });

  it('terms joined by "and" in one short sentence are not explained', () => {
    const answer = 'Row-level lock and F expression and UniqueConstraint.';
    expect(verdicts(answer)).toEqual(['listed', 'listed', 'missed', 'listed']);
  });

  it('keywords only inside a code block are listed', () => {
    const answer = [
      'Here is the code:',
      '```python',
      'coupon = Coupon.objects.select_for_update().get(pk=pk)',
      "Coupon.objects.filter(pk=pk).update(remaining=F('remaining') - 1)",
      '```',
    ].join('\n');
    expect(verdicts(answer)[0]).toBe('listed');
  });

  it('code in backticks inside a sentence that explains counts', () => {
    const answer = 'Read the coupon with `select_for_update()` so that the second request waits for the first.';
    expect(verdicts(answer)[0]).toBe('alias');
  });

  it('repeating the prompt earns nothing, even when the prompt names a keyword', () => {
    const keywords = [{ id: 1, label: 'race condition', aliases: ['the race'], weight: 1 }];
    expect(verdicts(PROMPT, keywords)).toEqual(['echoed']);
    expect(verdicts(`${PROMPT} ${PROMPT}`, keywords)).toEqual(['echoed']);
    expect(scoreAnswer(PROMPT, keywords, { prompt: PROMPT }).score).toBe(0);
  });

  it('a prompt keyword used in a sentence of the answer’s own counts', () => {
    const keywords = [{ id: 1, label: 'race condition', aliases: ['data race'], weight: 1 }];
    const answer = 'The race condition happens because both requests read the count before either writes it.';
    expect(verdicts(answer, keywords)).toEqual(['named']);
  });

  it('without a prompt nothing is echoed', () => {
    const keywords = [{ id: 1, label: 'race condition', aliases: ['the race'], weight: 1 }];
    expect(scoreAnswer(PROMPT, keywords).hits[0]?.verdict).not.toBe('echoed');
  });

  it('every label of a deck pasted as one answer is a list', () => {
    const deckLabels = [
      'MVT architecture',
      'ORM',
      'admin interface',
      'separation of concerns',
      'lazy evaluation',
      'N+1 queries',
      'session cookie',
      'password hashing',
      'cache stampede',
      'expand and contract',
      'backfill in batches',
      ...KEYWORDS.map((k) => k.label),
      'check-then-act',
      'tracemalloc',
      'max_requests',
    ].join(', ');
    expect(scoreAnswer(deckLabels, KEYWORDS, { prompt: PROMPT }).score).toBeLessThanOrEqual(LISTED_CREDIT);
  });
});

describe('findKeywordSpans limits', () => {
  const k: ScoringKeyword[] = [{ id: 9, label: 'cache', aliases: [], weight: 1 }];
  const text = 'cache '.repeat(DEFAULT_MAX_SPANS + 500);

  it('returns at most DEFAULT_MAX_SPANS spans, the first ones', () => {
    const spans = findKeywordSpans(text, k);
    expect(spans).toHaveLength(DEFAULT_MAX_SPANS);
    expect(spans[0]).toEqual({ start: 0, end: 5, keywordId: 9 });
  });

  it('takes maxSpans', () => {
    expect(findKeywordSpans(text, k, { maxSpans: 3 })).toEqual([
      { start: 0, end: 5, keywordId: 9 },
      { start: 6, end: 11, keywordId: 9 },
      { start: 12, end: 17, keywordId: 9 },
    ]);
    expect(findKeywordSpans(text, k, { maxSpans: 0 })).toEqual([]);
  });

  it('scores a huge answer the same way as a short one', () => {
    const sentence = 'Read the coupon with select_for_update so that the second request waits for the first. ';
    const r = scoreAnswer(sentence.repeat(20_000), KEYWORDS);
    expect(r.hits[0]?.verdict).toBe('alias');
    expect(r.hits[0]?.evidence).toEqual({ start: 21, end: 38 });
  });
});

describe('sentences that explain and then enumerate', () => {
  const k = (label: string, aliases: string[] = []): ScoringKeyword[] => [{ id: 1, label, aliases, weight: 1 }];

  it('a keyword in the explaining clause of a sentence that ends in a list is explained', () => {
    const answer =
      'That makes middleware the place for cross-cutting concerns that every view needs: security headers, ' +
      'sessions, authentication, CSRF checks, compression, request IDs, timing.';
    expect(scoreAnswer(answer, k('cross-cutting concerns')).hits[0]?.verdict).toBe('named');
    expect(scoreAnswer(answer, k('compression')).hits[0]?.verdict).toBe('listed');
  });

  it('"e.g." and "..." do not end a sentence, a line break after them does', () => {
    const answer = 'Use a conditional update, e.g. UPDATE ... WHERE stock > 0, so two buyers cannot both win.';
    expect(scoreAnswer(answer, k('conditional update')).hits[0]?.verdict).toBe('named');
    const code = 'To customise it you create a ModelAdmin subclass and register it, e.g.\n\n```\nclass A: pass\n```';
    expect(scoreAnswer(code, k('ModelAdmin')).hits[0]?.verdict).toBe('named');
  });

  it('a long keyword phrase needs no more explanation around it than a short one', () => {
    const answer = 'The first pattern that matches wins, so order matters.';
    expect(scoreAnswer(answer, k('first match wins', ['first pattern that matches'])).hits[0]?.verdict).toBe('alias');
    const camel = 'Clickjacking is covered by XFrameOptionsMiddleware, which sends X-Frame-Options DENY.';
    expect(scoreAnswer(camel, k('clickjacking', ['X-Frame-Options'])).hits[0]?.verdict).toBe('named');
  });

  it('a term explained after a colon, or by a relative clause, counts; a colon before a list does not', () => {
    const lead = '**Bulk operations skip them**: `queryset.update()` and `bulk_create()` send no `post_save`.';
    expect(scoreAnswer(lead, k('bulk operations skip them', ['bulk_create'])).hits[0]?.verdict).toBe('named');
    const relative =
      'Built-in examples: SessionMiddleware, CsrfViewMiddleware, AuthenticationMiddleware, which attaches request.user, and XFrameOptionsMiddleware.';
    expect(scoreAnswer(relative, k('AuthenticationMiddleware')).hits[0]?.verdict).toBe('named');
    const list = 'CSRF protection: token, cookie, header, middleware.';
    expect(scoreAnswer(list, k('CSRF protection')).hits[0]?.verdict).toBe('listed');
  });

  it('a call’s brackets do not cut a clause', () => {
    const answer = 'Huge querysets keep every row in memory. Use iterator(chunk_size=2000) so rows stream in batches.';
    expect(scoreAnswer(answer, k('iterator()')).hits[0]?.verdict).toBe('named');
  });
});
