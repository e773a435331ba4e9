/**
 * The clock rules of a question. Time is always deadline − now on main's clock, never a count of
 * ticks, so a window that was hidden or throttled cannot make time run slow.
 */

/** An answer that reaches main this late after the deadline was still given in time (IPC and rendering lag). */
export const LATE_GRACE_MS = 1_500;

export interface QuestionClock {
  startedAt: number;
  deadline: number;
  /** When the current pause began; null while running. */
  pausedAt: number | null;
  /** Paused time already folded into the deadline. */
  pausedMs: number;
}

export function startClock(now: number, allowedMs: number, capDeadline: number | null = null): QuestionClock {
  const deadline = capDeadline === null ? now + allowedMs : Math.min(now + allowedMs, capDeadline);
  return { startedAt: now, deadline, pausedAt: null, pausedMs: 0 };
}

export function remainingMs(clock: QuestionClock, now: number): number {
  return clock.deadline - (clock.pausedAt ?? now);
}

export function pauseClock(clock: QuestionClock, now: number): QuestionClock {
  return clock.pausedAt === null ? { ...clock, pausedAt: now } : clock;
}

/** Resuming pushes the deadline back by the pause, so paused time is never counted as time used. */
export function unpauseClock(clock: QuestionClock, now: number): QuestionClock {
  if (clock.pausedAt === null) return clock;
  const paused = Math.max(0, now - clock.pausedAt);
  return { ...clock, pausedAt: null, deadline: clock.deadline + paused, pausedMs: clock.pausedMs + paused };
}

/**
 * Picks a question up again after the app was closed or crashed: it goes on with the time it had
 * when last saved (`leftMs`), never more than its budget; the time away counts as paused, not used.
 * A paused question stays paused.
 */
export function resumeClock(clock: QuestionClock, leftMs: number, now: number): QuestionClock {
  const budget = clock.deadline - clock.startedAt - clock.pausedMs;
  const left = Math.min(leftMs, budget);
  return {
    startedAt: clock.startedAt,
    deadline: now + left,
    pausedAt: clock.pausedAt === null ? null : now,
    pausedMs: Math.max(clock.pausedMs, now - clock.startedAt - (budget - left)),
  };
}

export type SettleReason = 'answer' | 'timeout' | 'skip';

export interface Settlement {
  outcome: 'answered' | 'timed_out' | 'skipped';
  timeUsedMs: number;
  overtimeMs: number;
  pausedMs: number;
}

/**
 * How a question ends. In lock mode an answer that arrives after the deadline (beyond a small grace
 * for lag) is timed out whatever the renderer said; in overtime mode it counts, with the overtime recorded.
 */
export function settle(
  clock: QuestionClock,
  now: number,
  reason: SettleReason,
  timeAllowedMs: number,
  onTimeout: 'lock' | 'overtime',
): Settlement {
  const running = unpauseClock(clock, now);
  const used = Math.max(0, now - running.startedAt - running.pausedMs);
  const late = now - running.deadline;
  // A question started after the session cap had already passed has no time at all, never less.
  const budget = Math.max(0, running.deadline - running.startedAt - running.pausedMs);
  if (reason === 'skip') {
    return { outcome: 'skipped', timeUsedMs: Math.min(used, budget), overtimeMs: 0, pausedMs: running.pausedMs };
  }
  if (onTimeout === 'overtime') {
    return { outcome: 'answered', timeUsedMs: used, overtimeMs: Math.max(0, late), pausedMs: running.pausedMs };
  }
  if (reason === 'timeout' || late > LATE_GRACE_MS) {
    return {
      outcome: 'timed_out',
      timeUsedMs: Math.min(budget, timeAllowedMs),
      overtimeMs: 0,
      pausedMs: running.pausedMs,
    };
  }
  return { outcome: 'answered', timeUsedMs: Math.min(used, budget), overtimeMs: 0, pausedMs: running.pausedMs };
}
