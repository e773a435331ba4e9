import { describe, expect, it } from 'vitest';
import {
  LATE_GRACE_MS,
  pauseClock,
  remainingMs,
  resumeClock,
  settle,
  startClock,
  unpauseClock,
  type QuestionClock,
  type SettleReason,
  type Settlement,
} from './timing';

const T0 = 1_700_000_000_000;
const S = 1_000;
const ALLOWED = 60 * S;

/** A clock started at T0 for ALLOWED, paused and resumed at the given offsets (ms after T0). */
function clockWith(
  pauses: Array<[from: number, to: number | null]> = [],
  allowed = ALLOWED,
  cap: number | null = null,
) {
  let clock = startClock(T0, allowed, cap === null ? null : T0 + cap);
  for (const [from, to] of pauses) {
    clock = pauseClock(clock, T0 + from);
    if (to !== null) clock = unpauseClock(clock, T0 + to);
  }
  return clock;
}

describe('startClock', () => {
  it.each([
    { name: 'no session cap', allowed: 60 * S, cap: null, deadline: T0 + 60 * S },
    { name: 'a cap later than the question', allowed: 60 * S, cap: T0 + 90 * S, deadline: T0 + 60 * S },
    { name: 'a cap exactly at the question deadline', allowed: 60 * S, cap: T0 + 60 * S, deadline: T0 + 60 * S },
    { name: 'a cap earlier than the question', allowed: 60 * S, cap: T0 + 25 * S, deadline: T0 + 25 * S },
    { name: 'a cap already passed', allowed: 120 * S, cap: T0 - 5 * S, deadline: T0 - 5 * S },
    { name: 'a long question', allowed: 180 * S, cap: null, deadline: T0 + 180 * S },
  ])('deadline = start + allowed, capped by the session: $name', ({ allowed, cap, deadline }) => {
    expect(startClock(T0, allowed, cap)).toEqual({ startedAt: T0, deadline, pausedAt: null, pausedMs: 0 });
  });

  it('defaults to no cap', () => {
    expect(startClock(T0, 90 * S).deadline).toBe(T0 + 90 * S);
  });
});

describe('remainingMs', () => {
  it.each([
    { at: 0, remaining: 60 * S },
    { at: 1, remaining: 60 * S - 1 },
    { at: 10 * S, remaining: 50 * S },
    // A window hidden for 45 s and asked once when it comes back: the true time, not 59 ticks' worth.
    { at: 45 * S, remaining: 15 * S },
    { at: 60 * S, remaining: 0 },
    { at: 65 * S, remaining: -5 * S },
  ])('is deadline − now at +$at ms', ({ at, remaining }) => {
    expect(remainingMs(clockWith(), T0 + at)).toBe(remaining);
  });

  it('depends only on now, not on how often or in which order it is asked', () => {
    const clock = clockWith();
    for (const at of [30 * S, 1 * S, 59 * S, 30 * S, 30 * S]) {
      expect(remainingMs(clock, T0 + at)).toBe(60 * S - at);
    }
    expect(clock).toEqual(clockWith());
  });
});

describe('pause and unpause', () => {
  it('pausing freezes the remaining time however long the pause lasts', () => {
    const paused = pauseClock(clockWith(), T0 + 10 * S);
    expect(paused).toEqual({ startedAt: T0, deadline: T0 + 60 * S, pausedAt: T0 + 10 * S, pausedMs: 0 });
    for (const at of [10 * S, 11 * S, 60 * S, 61 * S, 3_600 * S]) expect(remainingMs(paused, T0 + at)).toBe(50 * S);
  });

  it('a second pause is a no-op: the first pause start is kept', () => {
    const once = pauseClock(clockWith(), T0 + 10 * S);
    const twice = pauseClock(once, T0 + 20 * S);
    expect(twice).toEqual(once);
    expect(remainingMs(twice, T0 + 30 * S)).toBe(50 * S);
  });

  it.each([
    { name: 'one pause of 30 s', pauses: [[10 * S, 40 * S]], deadline: T0 + 90 * S, pausedMs: 30 * S },
    { name: 'a pause of 1 ms', pauses: [[10 * S, 10 * S + 1]], deadline: T0 + 60 * S + 1, pausedMs: 1 },
    { name: 'a pause of 0 ms', pauses: [[10 * S, 10 * S]], deadline: T0 + 60 * S, pausedMs: 0 },
    {
      name: 'two pauses (30 s + 5 s) accumulate',
      pauses: [
        [10 * S, 40 * S],
        [50 * S, 55 * S],
      ],
      deadline: T0 + 95 * S,
      pausedMs: 35 * S,
    },
    {
      name: 'a pause after the deadline had passed',
      pauses: [[70 * S, 80 * S]],
      deadline: T0 + 70 * S,
      pausedMs: 10 * S,
    },
    // A clock that went backwards (suspend, NTP) never shortens the question.
    { name: 'unpause earlier than the pause', pauses: [[20 * S, 15 * S]], deadline: T0 + 60 * S, pausedMs: 0 },
  ] as Array<{ name: string; pauses: Array<[number, number]>; deadline: number; pausedMs: number }>)(
    'unpause pushes the deadline by exactly the paused time: $name',
    ({ pauses, deadline, pausedMs }) => {
      const clock = clockWith(pauses);
      expect(clock).toEqual({ startedAt: T0, deadline, pausedAt: null, pausedMs });
    },
  );

  it('remaining after a pause is what was left when it began', () => {
    const clock = clockWith([[10 * S, 40 * S]]);
    expect(remainingMs(clock, T0 + 40 * S)).toBe(50 * S);
    expect(remainingMs(clock, T0 + 80 * S)).toBe(10 * S);
  });

  it('unpausing a running clock is a no-op, and so is a second unpause', () => {
    const running = clockWith();
    expect(unpauseClock(running, T0 + 30 * S)).toEqual(running);
    const resumed = unpauseClock(pauseClock(running, T0 + 10 * S), T0 + 20 * S);
    expect(unpauseClock(resumed, T0 + 50 * S)).toEqual(resumed);
    expect(resumed.deadline).toBe(T0 + 70 * S);
    expect(resumed.pausedMs).toBe(10 * S);
  });

  it('does not mutate the clock it is given', () => {
    const clock = clockWith();
    const copy = { ...clock };
    unpauseClock(pauseClock(clock, T0 + 5 * S), T0 + 9 * S);
    expect(clock).toEqual(copy);
  });
});

describe('resumeClock (after the app was closed)', () => {
  it('goes on with the time left at the last save; the time away is paused, not used', () => {
    const resumed = resumeClock(clockWith(), 35 * S, T0 + 3_600 * S);
    expect(remainingMs(resumed, T0 + 3_600 * S)).toBe(35 * S);
    expect(settle(resumed, T0 + 3_605 * S, 'answer', ALLOWED, 'lock')).toMatchObject({
      outcome: 'answered',
      timeUsedMs: 30 * S,
    });
  });

  it('never gives more than the budget, and keeps a paused clock paused', () => {
    expect(remainingMs(resumeClock(clockWith(), 10 * ALLOWED, T0 + 99 * S), T0 + 99 * S)).toBe(ALLOWED);
    const paused = resumeClock(clockWith([[20 * S, null]]), 40 * S, T0 + 500 * S);
    expect(paused.pausedAt).toBe(T0 + 500 * S);
    expect(remainingMs(paused, T0 + 900 * S)).toBe(40 * S);
    const running = unpauseClock(paused, T0 + 900 * S);
    expect(remainingMs(running, T0 + 910 * S)).toBe(30 * S);
    expect(settle(running, T0 + 910 * S, 'answer', ALLOWED, 'lock').timeUsedMs).toBe(30 * S);
  });

  it('with no time left, the question is over at once', () => {
    const resumed = resumeClock(clockWith(), -5 * S, T0 + 999 * S);
    expect(settle(resumed, T0 + 999 * S, 'timeout', ALLOWED, 'lock')).toMatchObject({ outcome: 'timed_out' });
  });
});

interface Case {
  name: string;
  clock?: QuestionClock;
  at: number;
  reason: SettleReason;
  mode?: 'lock' | 'overtime';
  allowed?: number;
  expected: Settlement;
}

const cases: Case[] = [
  // Lock mode, no pause.
  {
    name: 'answer in time',
    at: 20 * S,
    reason: 'answer',
    expected: { outcome: 'answered', timeUsedMs: 20 * S, overtimeMs: 0, pausedMs: 0 },
  },
  {
    name: 'answer at once',
    at: 0,
    reason: 'answer',
    expected: { outcome: 'answered', timeUsedMs: 0, overtimeMs: 0, pausedMs: 0 },
  },
  {
    name: 'answer exactly at the deadline',
    at: 60 * S,
    reason: 'answer',
    expected: { outcome: 'answered', timeUsedMs: 60 * S, overtimeMs: 0, pausedMs: 0 },
  },
  {
    name: 'answer just after the deadline, within the grace (lag)',
    at: 60 * S + 800,
    reason: 'answer',
    expected: { outcome: 'answered', timeUsedMs: 60 * S, overtimeMs: 0, pausedMs: 0 },
  },
  {
    name: 'answer at the very end of the grace',
    at: 60 * S + LATE_GRACE_MS,
    reason: 'answer',
    expected: { outcome: 'answered', timeUsedMs: 60 * S, overtimeMs: 0, pausedMs: 0 },
  },
  {
    name: 'answer 1 ms beyond the grace: timed out although the renderer said answer',
    at: 60 * S + LATE_GRACE_MS + 1,
    reason: 'answer',
    expected: { outcome: 'timed_out', timeUsedMs: 60 * S, overtimeMs: 0, pausedMs: 0 },
  },
  {
    name: 'answer ten minutes late (a throttled window): timed out, time used = allowed',
    at: 660 * S,
    reason: 'answer',
    expected: { outcome: 'timed_out', timeUsedMs: 60 * S, overtimeMs: 0, pausedMs: 0 },
  },
  {
    name: 'the renderer reports the timeout at the deadline',
    at: 60 * S,
    reason: 'timeout',
    expected: { outcome: 'timed_out', timeUsedMs: 60 * S, overtimeMs: 0, pausedMs: 0 },
  },
  {
    name: 'the renderer reports the timeout a little late',
    at: 61 * S,
    reason: 'timeout',
    expected: { outcome: 'timed_out', timeUsedMs: 60 * S, overtimeMs: 0, pausedMs: 0 },
  },
  {
    name: 'skip early',
    at: 5 * S,
    reason: 'skip',
    expected: { outcome: 'skipped', timeUsedMs: 5 * S, overtimeMs: 0, pausedMs: 0 },
  },
  {
    name: 'skip after the deadline: skipped, time used capped at the allowed time',
    at: 90 * S,
    reason: 'skip',
    expected: { outcome: 'skipped', timeUsedMs: 60 * S, overtimeMs: 0, pausedMs: 0 },
  },
  // Paused 10 s → 40 s: the deadline moved to +90 s.
  {
    name: 'paused time is not time used',
    clock: clockWith([[10 * S, 40 * S]]),
    at: 50 * S,
    reason: 'answer',
    expected: { outcome: 'answered', timeUsedMs: 20 * S, overtimeMs: 0, pausedMs: 30 * S },
  },
  {
    name: 'after the original deadline but before the pushed one: answered',
    clock: clockWith([[10 * S, 40 * S]]),
    at: 85 * S,
    reason: 'answer',
    expected: { outcome: 'answered', timeUsedMs: 55 * S, overtimeMs: 0, pausedMs: 30 * S },
  },
  {
    name: 'within the grace after the pushed deadline',
    clock: clockWith([[10 * S, 40 * S]]),
    at: 91 * S,
    reason: 'answer',
    expected: { outcome: 'answered', timeUsedMs: 60 * S, overtimeMs: 0, pausedMs: 30 * S },
  },
  {
    name: 'beyond the grace after the pushed deadline',
    clock: clockWith([[10 * S, 40 * S]]),
    at: 95 * S,
    reason: 'answer',
    expected: { outcome: 'timed_out', timeUsedMs: 60 * S, overtimeMs: 0, pausedMs: 30 * S },
  },
  {
    name: 'two pauses add up',
    clock: clockWith([
      [10 * S, 40 * S],
      [50 * S, 55 * S],
    ]),
    at: 70 * S,
    reason: 'answer',
    expected: { outcome: 'answered', timeUsedMs: 35 * S, overtimeMs: 0, pausedMs: 35 * S },
  },
  // Settled while paused: the pause runs until the settlement.
  {
    name: 'answer while paused',
    clock: clockWith([[10 * S, null]]),
    at: 100 * S,
    reason: 'answer',
    expected: { outcome: 'answered', timeUsedMs: 10 * S, overtimeMs: 0, pausedMs: 90 * S },
  },
  {
    name: 'answer while paused for an hour, long past the original deadline',
    clock: clockWith([[10 * S, null]]),
    at: 3_610 * S,
    reason: 'answer',
    expected: { outcome: 'answered', timeUsedMs: 10 * S, overtimeMs: 0, pausedMs: 3_600 * S },
  },
  {
    name: 'skip while paused',
    clock: clockWith([[10 * S, null]]),
    at: 100 * S,
    reason: 'skip',
    expected: { outcome: 'skipped', timeUsedMs: 10 * S, overtimeMs: 0, pausedMs: 90 * S },
  },
  {
    name: 'answer while in a second pause',
    clock: clockWith([
      [10 * S, 20 * S],
      [30 * S, null],
    ]),
    at: 50 * S,
    reason: 'answer',
    expected: { outcome: 'answered', timeUsedMs: 20 * S, overtimeMs: 0, pausedMs: 30 * S },
  },
  // Overtime mode: late answers count, and how late is recorded.
  {
    name: 'overtime mode, in time',
    at: 20 * S,
    reason: 'answer',
    mode: 'overtime',
    expected: { outcome: 'answered', timeUsedMs: 20 * S, overtimeMs: 0, pausedMs: 0 },
  },
  {
    name: 'overtime mode, 30 s over',
    at: 90 * S,
    reason: 'answer',
    mode: 'overtime',
    expected: { outcome: 'answered', timeUsedMs: 90 * S, overtimeMs: 30 * S, pausedMs: 0 },
  },
  {
    name: 'overtime mode, within what would be the grace: overtime still recorded',
    at: 61 * S,
    reason: 'answer',
    mode: 'overtime',
    expected: { outcome: 'answered', timeUsedMs: 61 * S, overtimeMs: 1 * S, pausedMs: 0 },
  },
  {
    name: 'overtime mode with a pause: overtime measured from the pushed deadline',
    clock: clockWith([[10 * S, 40 * S]]),
    at: 100 * S,
    reason: 'answer',
    mode: 'overtime',
    expected: { outcome: 'answered', timeUsedMs: 70 * S, overtimeMs: 10 * S, pausedMs: 30 * S },
  },
  {
    name: 'overtime mode, skip late: skipped, no overtime',
    at: 90 * S,
    reason: 'skip',
    mode: 'overtime',
    expected: { outcome: 'skipped', timeUsedMs: 60 * S, overtimeMs: 0, pausedMs: 0 },
  },
  // A whole-session cap that cuts the question short: the budget is the capped time.
  {
    name: 'capped at 30 s, answered in time',
    clock: clockWith([], 60 * S, 30 * S),
    at: 20 * S,
    reason: 'answer',
    expected: { outcome: 'answered', timeUsedMs: 20 * S, overtimeMs: 0, pausedMs: 0 },
  },
  {
    name: 'capped at 30 s, answered after the cap: timed out, time used = the capped budget',
    clock: clockWith([], 60 * S, 30 * S),
    at: 40 * S,
    reason: 'answer',
    expected: { outcome: 'timed_out', timeUsedMs: 30 * S, overtimeMs: 0, pausedMs: 0 },
  },
  {
    name: 'started after the session cap had passed: timed out with no time used, never negative',
    clock: clockWith([], 60 * S, -10 * S),
    at: 5 * S,
    reason: 'answer',
    expected: { outcome: 'timed_out', timeUsedMs: 0, overtimeMs: 0, pausedMs: 0 },
  },
  {
    name: 'skipped after the session cap had passed: no time used',
    clock: clockWith([], 60 * S, -10 * S),
    at: 5 * S,
    reason: 'skip',
    expected: { outcome: 'skipped', timeUsedMs: 0, overtimeMs: 0, pausedMs: 0 },
  },
];

describe('settle', () => {
  it.each(cases)('$name', ({ clock, at, reason, mode, allowed, expected }) => {
    expect(settle(clock ?? clockWith(), T0 + at, reason, allowed ?? ALLOWED, mode ?? 'lock')).toEqual(expected);
  });

  it('does not change the clock it settles', () => {
    const clock = clockWith([[10 * S, null]]);
    const copy = { ...clock };
    settle(clock, T0 + 30 * S, 'answer', ALLOWED, 'lock');
    expect(clock).toEqual(copy);
  });

  it('grace is a small lag allowance, not a second question', () => {
    expect(LATE_GRACE_MS).toBeGreaterThan(0);
    expect(LATE_GRACE_MS).toBeLessThanOrEqual(3 * S);
  });
});
