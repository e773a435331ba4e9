import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { count, plural } from './format';

describe('count', () => {
  it('groups thousands as English does', () => {
    expect(count(0)).toBe('0');
    expect(count(999)).toBe('999');
    expect(count(1000)).toBe('1,000');
    expect(count(1_234_567)).toBe('1,234,567');
    expect(count(-12_345)).toBe('-12,345');
  });

  it("matches toLocaleString('en') for every whole number", () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(count(n)).toBe(n.toLocaleString('en'));
      }),
    );
  });
});

describe('plural', () => {
  it('says one or many, and groups a large count', () => {
    expect(plural(1, 'question')).toBe('1 question');
    expect(plural(0, 'question')).toBe('0 questions');
    expect(plural(10_000, 'new question')).toBe('10,000 new questions');
    expect(plural(2, 'question is', 'questions are')).toBe('2 questions are');
  });
});
