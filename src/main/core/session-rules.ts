/**
 * The rules of a session's time, apart from the clock of one question (timing.ts): how long each level
 * gets, what the session cap leaves, and the preferences a new session starts from.
 */
import type { SessionConfig } from '../../shared/session-types';

export const DEFAULT_TIME_PER_LEVEL: Record<string, number> = {
  Beginner: 60,
  Intermediate: 90,
  Advanced: 120,
  Scenario: 180,
};

export const DEFAULT_SECONDS = 120;

export type Preferences = Pick<SessionConfig, 'timePerLevel' | 'defaultSeconds' | 'mode' | 'onTimeout' | 'strict'>;

/** A question's budget: its level's time, or the session's default for a level it does not name. */
export const allowedMs = (config: SessionConfig, level: string): number =>
  (config.timePerLevel[level] ?? config.defaultSeconds) * 1000;

/**
 * What the session cap leaves, given the answering time already used (the time used of each question,
 * not the clock on the wall, so reading model answers, pauses, and an app that was closed mid-session
 * do not eat into it); null when the session has no cap.
 */
export const capLeftMs = (config: SessionConfig, usedMs: number): number | null =>
  config.sessionCapMinutes === null ? null : config.sessionCapMinutes * 60_000 - usedMs;

/** The moment the cap is reached for a question started at `start`; never before it starts. */
export const capDeadlineFrom = (start: number, left: number | null): number | null =>
  left === null ? null : start + Math.max(0, left);

/** The saved preferences over the defaults: a setting never saved (or saved by an older version) takes its default. */
export function resolvePreferences(saved: Partial<Preferences>): Preferences {
  return {
    timePerLevel: { ...DEFAULT_TIME_PER_LEVEL, ...saved.timePerLevel },
    defaultSeconds: saved.defaultSeconds ?? DEFAULT_SECONDS,
    mode: saved.mode ?? 'write',
    onTimeout: saved.onTimeout ?? 'lock',
    strict: saved.strict ?? false,
  };
}

/** The preferences a session's config carries, as they are remembered for the next one. */
export function preferencesOf(config: SessionConfig): Preferences {
  const { timePerLevel, defaultSeconds, mode, onTimeout, strict } = config;
  return { timePerLevel, defaultSeconds, mode, onTimeout, strict };
}
