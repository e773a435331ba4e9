import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findKeywordSpans, scoreAnswer, type ScoringKeyword } from './index';

/** Whatever the text: spans slice back to it, sorted and apart; verdicts and credit agree; nothing throws. */

const KEYWORDS: ScoringKeyword[] = [
  { id: 1, label: 'row-level lock', aliases: ['select_for_update', 'FOR UPDATE'], weight: 3 },
  { id: 2, label: 'cache', aliases: ['caching'], weight: 1 },
  { id: 3, label: 'per-view cache', aliases: [], weight: 2 },
  { id: 4, label: 'UniqueConstraint', aliases: ['is_deleted'], weight: 1 },
  { id: 5, label: '"bottom to top"', aliases: ['ready()'], weight: 1 },
  { id: 6, label: 'CSRF', aliases: ['N+1 queries', 'naïve datetime'], weight: 2 },
];

const PIECES = [
  'row',
  'level',
  'lock',
  'select_for_update',
  'FOR',
  'UPDATE',
  'cache',
  'caching',
  'per',
  'view',
  'Unique',
  'Constraint',
  'UniqueConstraint',
  'is_deleted',
  'bottom',
  'to',
  'top',
  'ready()',
  'CSRF',
  'XSRF',
  'N+1',
  'queries',
  'naïve',
  'datetime',
  'not',
  "doesn't",
  'never',
  '🙂',
  '’',
  '`',
  '```\n',
];
const SEPS = [' ', ' ', ', ', '. ', '\n', '-', '_', '.', '/', ': ', '(', ')', ''];

const answer = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPS)), { maxLength: 40 })
  .map((parts) => parts.map(([p, s]) => p + s).join(''));

describe('scoring properties', () => {
  it('spans are sorted, apart and inside the text; found keywords have spans', () => {
    fc.assert(
      fc.property(fc.oneof(answer, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        const spans = findKeywordSpans(text, KEYWORDS);
        let prevEnd = 0;
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(prevEnd);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(text.length);
          prevEnd = s.end;
        }
        const result = scoreAnswer(text, KEYWORDS, { prompt: 'How do you fix the race with a row lock?' });
        const spanned = new Set(spans.map((s) => s.keywordId));
        let earned = 0;
        for (const [i, h] of result.hits.entries()) {
          expect(h.verdict !== 'missed').toBe(spanned.has(h.keywordId));
          expect(h.hit).toBe(h.credit === 1);
          expect(h.credit).toBe({ named: 1, alias: 1, listed: 0.25, echoed: 0, negated: 0, missed: 0 }[h.verdict]);
          if (h.evidence) {
            expect(h.evidence.start).toBeGreaterThanOrEqual(0);
            expect(h.evidence.end).toBeLessThanOrEqual(text.length);
          }
          earned += (KEYWORDS[i]?.weight ?? 0) * h.credit;
        }
        expect(result.score).toBeCloseTo(earned / 10, 10);
      }),
      { numRuns: 400 },
    );
  });
});
