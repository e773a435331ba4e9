import { dayToIsoDate, localDay } from './days';

/**
 * When automatic backups are made and which of them are kept: pure, fed a clock reading and a list.
 * The cadence of Anki: a backup at most every 30 minutes while the data changes and one at quit; of the
 * automatic ones, the newest of each of the last 12 days, then of 10 weeks, then of 9 months are kept.
 */
export const AUTO_BACKUP_EVERY_MS = 30 * 60_000;

export interface BackupRetention {
  daily: number;
  weekly: number;
  monthly: number;
}

export const RETENTION: BackupRetention = { daily: 12, weekly: 10, monthly: 9 };

export interface AutoBackupState {
  now: number;
  /** When the newest automatic backup was made, or null if there is none. */
  lastBackupAt: number | null;
  /** Whether the data changed since then (or since the app started, when that backup is older). */
  changed: boolean;
  /** The app is quitting: the interval no longer matters, only whether there is something new to keep. */
  quitting?: boolean;
}

/** Whether an automatic backup is due now. */
export function autoBackupDue(state: AutoBackupState, everyMs = AUTO_BACKUP_EVERY_MS): boolean {
  if (!state.changed) return false;
  if (state.quitting || state.lastBackupAt === null) return true;
  // A clock set back (travel, a fixed clock) would otherwise stop backups until it catches up.
  return state.now - state.lastBackupAt >= everyMs || state.now < state.lastBackupAt;
}

export interface DatedBackup {
  name: string;
  createdAt: number;
}

/**
 * The automatic backups to delete: walking from the newest, each is kept if it is the first seen of its day
 * (while daily places are left), else of its week (Monday-based), else of its month; the others go. The newest
 * is always kept. `tzOffsetMinutes` fixes the time zone for tests; by default, the local one of each instant.
 */
export function backupsToPrune(
  backups: readonly DatedBackup[],
  retention: BackupRetention = RETENTION,
  tzOffsetMinutes?: number,
): string[] {
  const sorted = [...backups].sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name));
  const seen = { day: new Set<number>(), week: new Set<number>(), month: new Set<string>() };
  const left = { ...retention };
  const prune: string[] = [];
  sorted.forEach((backup, i) => {
    const day = localDay(backup.createdAt, tzOffsetMinutes);
    const week = Math.floor((day + 3) / 7);
    const month = dayToIsoDate(day).slice(0, 7);
    let keep = i === 0;
    if (!seen.day.has(day) && left.daily > 0) {
      left.daily--;
      keep = true;
    } else if (!seen.week.has(week) && left.weekly > 0) {
      left.weekly--;
      keep = true;
    } else if (!seen.month.has(month) && left.monthly > 0) {
      left.monthly--;
      keep = true;
    }
    if (keep) {
      seen.day.add(day);
      seen.week.add(week);
      seen.month.add(month);
    } else prune.push(backup.name);
  });
  return prune;
}
