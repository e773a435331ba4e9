import { describe, expect, it } from 'vitest';
import { autoBackupDue, backupsToPrune, type DatedBackup } from './backup-schedule';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Monday 2026-01-05, 12:00 UTC. */
const T0 = Date.UTC(2026, 0, 5, 12);

describe('autoBackupDue', () => {
  it('backs up only when the data changed, at most every 30 minutes, and at quit', () => {
    const cases: Array<[string, Parameters<typeof autoBackupDue>[0], boolean]> = [
      ['first ever, changed', { now: T0, lastBackupAt: null, changed: true }, true],
      ['first ever, unchanged', { now: T0, lastBackupAt: null, changed: false }, false],
      ['29 minutes after', { now: T0 + 29 * MIN, lastBackupAt: T0, changed: true }, false],
      ['30 minutes after', { now: T0 + 30 * MIN, lastBackupAt: T0, changed: true }, true],
      ['a day after, unchanged', { now: T0 + DAY, lastBackupAt: T0, changed: false }, false],
      ['quitting a minute after', { now: T0 + MIN, lastBackupAt: T0, changed: true, quitting: true }, true],
      ['quitting, unchanged', { now: T0 + MIN, lastBackupAt: T0, changed: false, quitting: true }, false],
      ['clock set back', { now: T0 - HOUR, lastBackupAt: T0, changed: true }, true],
    ];
    for (const [name, state, due] of cases) expect(autoBackupDue(state), name).toBe(due);
  });
});

describe('backupsToPrune', () => {
  const at = (ms: number): DatedBackup => ({ name: `auto-${new Date(ms).toISOString()}`, createdAt: ms });
  const kept = (all: DatedBackup[]) => {
    const pruned = new Set(backupsToPrune(all, undefined, 0));
    return all
      .filter((b) => !pruned.has(b.name))
      .map((b) => b.name.slice(5, 15))
      .reverse();
  };

  it('keeps the newest of a day and prunes the others of that day', () => {
    const day = [0, 1, 2, 3].map((h) => at(T0 + h * HOUR));
    expect(backupsToPrune(day, undefined, 0).sort()).toEqual(day.slice(0, 3).map((b) => b.name));
  });

  it('keeps 12 daily, 10 weekly and 9 monthly: one backup every 30 minutes for 18 months', () => {
    const all: DatedBackup[] = [];
    for (let t = T0; t < T0 + 540 * DAY; t += 30 * MIN) all.push(at(t));
    const names = kept(all);
    expect(names).toHaveLength(12 + 10 + 9);
    // The last 12 days, one each; then the newest of each earlier week (10) and of each earlier month (9),
    // in one walk from the newest: a month's end that falls in a week already kept takes a monthly place.
    expect(names).toEqual([
      ...Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2027, 5, 29 - i)).toISOString().slice(0, 10)),
      ...['2027-06-13', '2027-06-06', '2027-05-31', '2027-05-30', '2027-05-23', '2027-05-16', '2027-05-09'],
      ...['2027-05-02', '2027-04-30', '2027-04-25', '2027-04-18', '2027-04-11', '2027-03-31', '2027-02-28'],
      ...['2027-01-31', '2026-12-31', '2026-11-30', '2026-10-31', '2026-09-30'],
    ]);
  });

  it('is stable: what was kept is kept when the schedule runs again a minute later', () => {
    const all: DatedBackup[] = [];
    for (let t = T0; t < T0 + 200 * DAY; t += 6 * HOUR) all.push(at(t));
    const pruned = new Set(backupsToPrune(all, undefined, 0));
    const left = all.filter((b) => !pruned.has(b.name));
    expect(backupsToPrune(left, undefined, 0)).toEqual([]);
  });

  it('never prunes the only backup, nor the newest, whatever the limits', () => {
    expect(backupsToPrune([at(T0)], { daily: 0, weekly: 0, monthly: 0 }, 0)).toEqual([]);
    expect(backupsToPrune([at(T0), at(T0 + MIN)], { daily: 0, weekly: 0, monthly: 0 }, 0)).toEqual([at(T0).name]);
  });

  it('counts days in the local time zone', () => {
    // 23:30 and 00:30 UTC are the same day at UTC+2, two days at UTC.
    const late = at(Date.UTC(2026, 0, 5, 23, 30));
    const early = at(Date.UTC(2026, 0, 6, 0, 30));
    expect(backupsToPrune([late, early], undefined, 0)).toEqual([]);
    expect(backupsToPrune([late, early], undefined, -120)).toEqual([late.name]);
  });
});
