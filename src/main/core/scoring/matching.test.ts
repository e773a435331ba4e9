/** Keyword matching, table-driven: which keywords an answer names, and through what. */
import { describe, it, expect } from 'vitest';
import { findKeywordSpans, scoreAnswer } from './index';
import { kw, expectWellFormed, MATCH_CASES } from '../../../../tests/scoring-cases';

describe('keyword matching (table)', () => {
  it('has enough cases, hits and near-misses', () => {
    expect(MATCH_CASES.length).toBeGreaterThanOrEqual(45);
    expect(MATCH_CASES.filter((c) => !c.hit).length).toBeGreaterThanOrEqual(15);
  });

  it.each(
    MATCH_CASES.map((c) => [typeof c.keyword === 'string' ? c.keyword : c.keyword[0], c.text, c.hit, c] as const),
  )('%s in %j → %s', (_label, text, hit, c) => {
    const [label, aliases] = typeof c.keyword === 'string' ? [c.keyword, []] : c.keyword;
    const keyword = kw(label, aliases, 1, 7);
    const score = scoreAnswer(text, [keyword]);
    const spans = findKeywordSpans(text, [keyword]);

    expect(score.hits).toHaveLength(1);
    expect(score.hits[0]?.verdict !== 'missed').toBe(hit);
    expect(score.hits[0]?.matchedBy).toBe(hit ? (c.by ?? label) : null);
    // scoreAnswer and findKeywordSpans agree.
    expect(spans.length > 0).toBe(hit);
    expectWellFormed(text, spans);
    if (c.span !== undefined) {
      const first = spans[0];
      expect(first && text.slice(first.start, first.end)).toBe(c.span);
    }
  });
});
