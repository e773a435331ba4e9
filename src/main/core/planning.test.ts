import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionOrder } from '../../shared/session-types';
import { attemptStrength, planSession, seededRandom, type Candidate } from './planning';

const LEVELS = ['Beginner', 'Intermediate', 'Advanced', 'Scenario'];
const SEEDS = Array.from({ length: 20 }, (_, i) => i * 7919 + 1);
const ORDERS: SessionOrder[] = ['random', 'escalating', 'weakest', 'due'];

/** `n` questions of a level, ids starting at `firstId`. */
function level(name: string, n: number, firstId: number, strength: number | null = null): Candidate[] {
  return Array.from({ length: n }, (_, i) => ({
    id: firstId + i,
    level: name,
    levelRank: LEVELS.indexOf(name),
    strength,
  }));
}

const mixed: Candidate[] = [
  ...level('Scenario', 4, 400),
  ...level('Beginner', 4, 100),
  ...level('Advanced', 4, 300),
  ...level('Intermediate', 4, 200),
];
const byId = new Map(mixed.map((c) => [c.id, c]));
const rank = (id: number) => byId.get(id)!.levelRank;

describe('seededRandom', () => {
  it('is reproducible and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(990);
  });

  it('differs between seeds', () => {
    expect(seededRandom(1)()).not.toBe(seededRandom(2)());
  });
});

describe('planSession: sizes', () => {
  it.each(
    ORDERS.flatMap((order) => [
      { order, candidates: 16, count: 5, planned: 5 },
      { order, candidates: 16, count: 1, planned: 1 },
      { order, candidates: 16, count: 16, planned: 16 },
      { order, candidates: 3, count: 10, planned: 3 },
      { order, candidates: 1, count: 10, planned: 1 },
      { order, candidates: 0, count: 10, planned: 0 },
    ]),
  )(
    '$order: $count asked of $candidates gives $planned distinct candidates',
    ({ order, candidates, count, planned }) => {
      const pool = mixed.slice(0, candidates);
      for (const seed of SEEDS) {
        const plan = planSession(pool, order, count, seededRandom(seed));
        expect(plan).toHaveLength(planned);
        expect(new Set(plan).size).toBe(planned);
        for (const id of plan) expect(pool.map((c) => c.id)).toContain(id);
      }
    },
  );

  it.each(ORDERS)('%s: with too few questions every one of them is planned', (order) => {
    const pool = mixed.slice(0, 3);
    expect([...planSession(pool, order, 10, seededRandom(3))].sort()).toEqual(pool.map((c) => c.id).sort());
  });

  it.each(ORDERS)('%s: no candidates gives an empty plan', (order) => {
    expect(planSession([], order, 5, seededRandom(1))).toEqual([]);
  });

  it.each(ORDERS)('%s: the same seed gives the same plan', (order) => {
    for (const seed of SEEDS) {
      expect(planSession(mixed, order, 6, seededRandom(seed))).toEqual(
        planSession(mixed, order, 6, seededRandom(seed)),
      );
    }
  });

  it('does not reorder or change the candidates it is given', () => {
    const copy = structuredClone(mixed);
    for (const order of ORDERS) planSession(mixed, order, 5, seededRandom(9));
    expect(mixed).toEqual(copy);
  });
});

describe('planSession: random', () => {
  it('picks different questions for different seeds, not the first ones in the list', () => {
    const plans = SEEDS.map((seed) => planSession(mixed, 'random', 4, seededRandom(seed)));
    expect(new Set(plans.map((p) => p.join())).size).toBeGreaterThan(10);
    expect(
      plans.some(
        (p) =>
          p.join() !==
          mixed
            .slice(0, 4)
            .map((c) => c.id)
            .join(),
      ),
    ).toBe(true);
    // Every question is picked by some seed: nothing is unreachable.
    expect(new Set(plans.flat()).size).toBe(mixed.length);
  });

  it('shuffles the order as well as the choice', () => {
    const plans = SEEDS.map((seed) => planSession(mixed, 'random', 16, seededRandom(seed)));
    expect(plans.some((p) => p.some((id, i) => i > 0 && id < p[i - 1]!))).toBe(true);
    expect(new Set(plans.map((p) => p[0])).size).toBeGreaterThan(4);
  });
});

describe('planSession: escalating', () => {
  it.each(SEEDS)('asks easiest level first (seed %i)', (seed) => {
    for (const count of [1, 4, 7, 16]) {
      const plan = planSession(mixed, 'escalating', count, seededRandom(seed));
      const ranks = plan.map(rank);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it('with every question asked, runs Beginner → Intermediate → Advanced → Scenario', () => {
    const plan = planSession(mixed, 'escalating', 16, seededRandom(5));
    expect(plan.map(rank)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
  });

  it('chooses at random across levels, not only the easiest questions', () => {
    const pool = [...level('Beginner', 10, 100), ...level('Advanced', 10, 300)];
    const plans = SEEDS.slice(0, 8).map((seed) => planSession(pool, 'escalating', 4, seededRandom(seed)));
    const advanced = (p: number[]) => p.filter((id) => id >= 300).length;
    expect(plans.some((p) => advanced(p) > 0)).toBe(true);
    expect(plans.some((p) => advanced(p) < 4)).toBe(true);
    for (const p of plans) {
      // Beginner ones, then Advanced ones.
      expect(p.map((id) => (id >= 300 ? 1 : 0))).toEqual([...p.map((id) => (id >= 300 ? 1 : 0))].sort());
    }
  });

  it('is random within a level', () => {
    const pool = level('Beginner', 10, 100);
    const firsts = new Set(SEEDS.map((seed) => planSession(pool, 'escalating', 10, seededRandom(seed))[0]));
    expect(firsts.size).toBeGreaterThan(3);
  });
});

describe('planSession: escalating is a ladder (property)', () => {
  /** Pools of any size per level (some levels empty), any count, any seed. */
  const arbitrary = fc.record({
    sizes: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 6 }),
    count: fc.integer({ min: 1, max: 40 }),
    seed: fc.integer(),
  });
  const poolOf = (sizes: number[]): Candidate[] =>
    sizes.flatMap((n, rank) =>
      Array.from({ length: n }, (_, i) => ({
        id: rank * 1000 + i,
        level: `L${rank}`,
        levelRank: rank,
        strength: null,
      })),
    );

  it('has every level with questions when the count allows, in rising order, shared evenly', () => {
    fc.assert(
      fc.property(arbitrary, ({ sizes, count, seed }) => {
        const pool = poolOf(sizes);
        const plan = planSession(pool, 'escalating', count, seededRandom(seed));
        const ranks = plan.map((id) => Math.floor(id / 1000));
        expect(plan).toHaveLength(Math.min(count, pool.length));
        expect(new Set(plan).size).toBe(plan.length);
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        const present = sizes.flatMap((n, rank) => (n > 0 ? [rank] : []));
        const per = (rank: number) => ranks.filter((r) => r === rank).length;
        if (count >= present.length) for (const rank of present) expect(per(rank)).toBeGreaterThan(0);
        // Evenly: a level has fewer than another only when its pool ran out.
        for (const a of present)
          for (const b of present) if (per(a) < sizes[a]!) expect(per(b) - per(a)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('a Full mock of 10 shaped like the first-edition Django deck (5, 5, 15, 10 per level) always has every level', () => {
    const pool = poolOf([5, 5, 15, 10]);
    for (let seed = 0; seed < 5000; seed++) {
      const ranks = planSession(pool, 'escalating', 10, seededRandom(seed)).map((id) => Math.floor(id / 1000));
      expect(new Set(ranks)).toEqual(new Set([0, 1, 2, 3]));
      for (const rank of [0, 1, 2, 3]) expect(ranks.filter((r) => r === rank).length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('planSession: weakest first', () => {
  const pool: Candidate[] = [
    { id: 1, level: 'Beginner', levelRank: 0, strength: 0.9 },
    { id: 2, level: 'Beginner', levelRank: 0, strength: null },
    { id: 3, level: 'Advanced', levelRank: 2, strength: 0.1 },
    { id: 4, level: 'Advanced', levelRank: 2, strength: 0 },
    { id: 5, level: 'Scenario', levelRank: 3, strength: 0.5 },
    { id: 6, level: 'Scenario', levelRank: 3, strength: null },
    { id: 7, level: 'Intermediate', levelRank: 1, strength: 1 },
  ];

  it.each(SEEDS)('never asked first, then lowest strength (seed %i)', (seed) => {
    const plan = planSession(pool, 'weakest', 7, seededRandom(seed));
    expect([...plan.slice(0, 2)].sort()).toEqual([2, 6]);
    expect(plan.slice(2)).toEqual([4, 3, 5, 1, 7]);
  });

  it.each([
    { count: 1, oneOf: [[2], [6]] },
    {
      count: 2,
      oneOf: [
        [2, 6],
        [6, 2],
      ],
    },
    {
      count: 3,
      oneOf: [
        [2, 6, 4],
        [6, 2, 4],
      ],
    },
    {
      count: 4,
      oneOf: [
        [2, 6, 4, 3],
        [6, 2, 4, 3],
      ],
    },
  ])('the $count weakest are chosen', ({ count, oneOf }) => {
    for (const seed of SEEDS) expect(oneOf).toContainEqual(planSession(pool, 'weakest', count, seededRandom(seed)));
  });

  it('breaks ties at random, not by list order', () => {
    const tied = level('Beginner', 10, 100, 0.5);
    const firsts = new Set(SEEDS.map((seed) => planSession(tied, 'weakest', 3, seededRandom(seed))[0]));
    expect(firsts.size).toBeGreaterThan(3);
  });

  it('a strength of 0 (asked, all missed) still comes after never asked', () => {
    const two: Candidate[] = [
      { id: 1, level: 'Beginner', levelRank: 0, strength: 0 },
      { id: 2, level: 'Beginner', levelRank: 0, strength: null },
    ];
    for (const seed of SEEDS) expect(planSession(two, 'weakest', 2, seededRandom(seed))).toEqual([2, 1]);
  });
});

describe('attemptStrength', () => {
  it.each([
    { grade: 1, keyword: 0.9, outcome: 'answered', strength: 0 },
    { grade: 2, keyword: null, outcome: 'answered', strength: 1 / 3 },
    { grade: 3, keyword: 0, outcome: 'answered', strength: 2 / 3 },
    { grade: 4, keyword: 0.2, outcome: 'answered', strength: 1 },
    { grade: 4, keyword: null, outcome: 'timed_out', strength: 1 },
    { grade: null, keyword: 0.5, outcome: 'answered', strength: 0.5 },
    { grade: null, keyword: 1, outcome: 'answered', strength: 1 },
    { grade: null, keyword: null, outcome: 'answered', strength: 0 },
    { grade: null, keyword: 0.75, outcome: 'timed_out', strength: 0 },
    { grade: null, keyword: null, outcome: 'skipped', strength: 0 },
  ])('grade $grade, keyword score $keyword, $outcome → $strength', ({ grade, keyword, outcome, strength }) => {
    expect(attemptStrength(grade, keyword, outcome)).toBeCloseTo(strength, 10);
  });
});
