import { describe, expect, it } from 'vitest';
import type { SessionConfig } from '../../shared/session-types';
import {
  allowedMs,
  capDeadlineFrom,
  capLeftMs,
  DEFAULT_TIME_PER_LEVEL,
  preferencesOf,
  resolvePreferences,
} from './session-rules';

const config = (over: Partial<SessionConfig> = {}): SessionConfig => ({
  deckIds: [],
  levels: [],
  keywordIds: [],
  questionIds: [],
  count: 10,
  order: 'escalating',
  timePerLevel: { Beginner: 30 },
  defaultSeconds: 75,
  sessionCapMinutes: null,
  mode: 'write',
  onTimeout: 'lock',
  strict: false,
  ...over,
});

describe('session rules', () => {
  it("gives a question its level's time, or the default for a level the config does not name", () => {
    expect(allowedMs(config(), 'Beginner')).toBe(30_000);
    expect(allowedMs(config(), 'Scenario')).toBe(75_000);
  });

  it('leaves the cap less the answering time used, and nothing without a cap', () => {
    expect(capLeftMs(config({ sessionCapMinutes: 5 }), 60_000)).toBe(240_000);
    expect(capLeftMs(config({ sessionCapMinutes: 1 }), 90_000)).toBe(-30_000);
    expect(capLeftMs(config(), 90_000)).toBeNull();
  });

  it('never puts the cap deadline before the question starts', () => {
    expect(capDeadlineFrom(1_000, 500)).toBe(1_500);
    expect(capDeadlineFrom(1_000, -30_000)).toBe(1_000);
    expect(capDeadlineFrom(1_000, null)).toBeNull();
  });

  it('fills preferences never saved with the defaults, keeping the saved ones', () => {
    expect(resolvePreferences({})).toEqual({
      timePerLevel: DEFAULT_TIME_PER_LEVEL,
      defaultSeconds: 120,
      mode: 'write',
      onTimeout: 'lock',
      strict: false,
    });
    const saved = resolvePreferences({ timePerLevel: { Advanced: 200 }, mode: 'speak', strict: true });
    expect(saved.timePerLevel).toEqual({ ...DEFAULT_TIME_PER_LEVEL, Advanced: 200 });
    expect(saved).toMatchObject({ mode: 'speak', strict: true, onTimeout: 'lock', defaultSeconds: 120 });
  });

  it("remembers only a config's preferences, not its filters", () => {
    const c = config({ deckIds: [3], mode: 'speak', onTimeout: 'overtime' });
    expect(preferencesOf(c)).toEqual({
      timePerLevel: { Beginner: 30 },
      defaultSeconds: 75,
      mode: 'speak',
      onTimeout: 'overtime',
      strict: false,
    });
  });
});
