import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { count } from './format';

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
