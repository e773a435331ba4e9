import { describe, expect, it } from 'vitest';
import { answeringSeconds } from './answering-time';

describe('the answering time of a planned session', () => {
  const config = { timePerLevel: { Beginner: 60, Advanced: 180 }, defaultSeconds: 120 };

  it("gives each level's questions that level's time, the default for a level without one", () => {
    const preview = {
      matching: 4,
      planned: 4,
      byLevel: [
        { level: 'Beginner', count: 2 },
        { level: 'Advanced', count: 1 },
        { level: 'Scenario', count: 1 },
      ],
    };
    expect(answeringSeconds(preview, config)).toBe(2 * 60 + 180 + 120);
  });

  it('scales the pool down to the questions planned', () => {
    const preview = { matching: 10, planned: 5, byLevel: [{ level: 'Beginner', count: 10 }] };
    expect(answeringSeconds(preview, config)).toBe(300);
  });

  it('is nothing when nothing matches', () => {
    expect(answeringSeconds({ matching: 0, planned: 0, byLevel: [] }, config)).toBe(0);
  });
});
