import type { SessionOrder } from '../../shared/session-types';

export interface Candidate {
  id: number;
  level: string;
  /** Position of the level in its deck's order, easiest first. */
  levelRank: number;
  /** 0..1 strength from past attempts; null when never asked. */
  strength: number | null;
  /** When spaced repetition (FSRS) next wants the question; null when it was never graded. */
  due?: number | null;
}

/** A small seeded PRNG (mulberry32), so a plan can be reproduced in tests. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Due first: overdue questions (most overdue first), then never-graded ones, then the rest by due date. */
function dueRank(c: Candidate, now: number): [number, number] {
  if (c.due === null || c.due === undefined) return [1, 0];
  return c.due <= now ? [0, c.due] : [2, c.due];
}

/**
 * Picks `count` questions (or all, when fewer match) in the session's order:
 * random; escalating (a ladder: every level present, evenly, easiest first, random within a level);
 * weakest first (lowest past strength; never-asked questions count as weakest);
 * due first (what spaced repetition says you are about to forget).
 */
export function planSession(
  candidates: readonly Candidate[],
  order: SessionOrder,
  count: number,
  random: () => number,
  now = 0,
): number[] {
  const shuffled = shuffle(candidates, random);
  if (order === 'random') return shuffled.slice(0, count).map((c) => c.id);
  if (order === 'due') {
    return shuffled
      .map((c, i) => ({ c, i, rank: dueRank(c, now) }))
      .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.i - b.i)
      .slice(0, count)
      .map(({ c }) => c.id);
  }
  if (order === 'weakest') {
    return shuffled
      .map((c, i) => ({ c, i }))
      .sort((a, b) => (a.c.strength ?? -1) - (b.c.strength ?? -1) || a.i - b.i)
      .slice(0, count)
      .map(({ c }) => c.id);
  }
  return ladder(shuffled, count, random).map((c) => c.id);
}

/**
 * Escalating: a ladder. Questions are drawn a level at a time, round after round (the levels in a
 * fresh random order each round), so every level is present when the count allows and the levels
 * share the count evenly whatever the size of their pools; then asked easiest level first.
 */
function ladder(shuffled: readonly Candidate[], count: number, random: () => number): Candidate[] {
  const levels = new Map<string, Candidate[]>();
  for (const c of shuffled) {
    const pool = levels.get(c.level);
    if (pool) pool.push(c);
    else levels.set(c.level, [c]);
  }
  const queues = [...levels.values()];
  const chosen: Candidate[] = [];
  while (chosen.length < count && queues.some((q) => q.length > 0)) {
    for (const queue of shuffle(queues, random)) {
      if (chosen.length >= count) break;
      const next = queue.shift();
      if (next) chosen.push(next);
    }
  }
  const order = new Map(shuffled.map((c, i) => [c.id, i]));
  return chosen.sort(
    (a, b) => a.levelRank - b.levelRank || a.level.localeCompare(b.level) || order.get(a.id)! - order.get(b.id)!,
  );
}

/** Strength of one attempt, 0..1: the self-grade when given, else the keyword score. */
export function attemptStrength(selfGrade: number | null, keywordScore: number | null, outcome: string): number {
  if (selfGrade !== null) return (selfGrade - 1) / 3;
  if (outcome !== 'answered') return 0;
  return keywordScore ?? 0;
}
