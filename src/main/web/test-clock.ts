import { systemClock, type Clock } from '../clock';

/**
 * Browser mode's clock for end-to-end tests (PREPDECK_TEST_CLOCK=1): the system clock, which a test
 * moves forward with the page's fake clock, or freezes so that it moves only when the test moves it.
 */
export interface TestClock extends Clock {
  /** Moves the clock `ms` forward; returns its time after. */
  advance(ms: number): number;
  /** Stops the clock where it is (frozen, it stays where it was); returns its time. */
  freeze(): number;
}

/** `frozenAt` starts the clock frozen there: a test that restarts the server keeps the time it had. */
export function createTestClock(frozenAt: number | null = null, system: Clock = systemClock): TestClock {
  let stoppedAt = frozenAt;
  let offset = 0;
  const now = (): number => (stoppedAt ?? system.now()) + offset;
  return {
    now,
    advance: (ms) => {
      offset += Math.round(ms);
      return now();
    },
    freeze: () => {
      stoppedAt ??= system.now();
      return now();
    },
  };
}

/**
 * PREPDECK_TEST_CLOCK_AT: where a frozen test clock starts, in whole milliseconds since 1970; unset, it
 * runs with the system clock.
 */
export function frozenAtFromEnv(value: string | undefined): number | null {
  if (value === undefined || value === '') return null;
  if (!/^\d{1,15}$/.test(value)) {
    throw new Error(`PREPDECK_TEST_CLOCK_AT must be whole milliseconds since 1970, not "${value}".`);
  }
  return Number(value);
}
