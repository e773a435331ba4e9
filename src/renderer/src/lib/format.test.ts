import { describe, expect, it } from 'vitest';
import { plural } from './format';

describe('plural', () => {
  it('says one or many, and groups a large count', () => {
    expect(plural(1, 'question')).toBe('1 question');
    expect(plural(0, 'question')).toBe('0 questions');
    expect(plural(10_000, 'new question')).toBe('10,000 new questions');
    expect(plural(2, 'question is', 'questions are')).toBe('2 questions are');
  });
});
