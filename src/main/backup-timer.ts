import path from 'node:path';
import type { Clock } from './clock';
import { autoBackupDue } from './core/backup-schedule';
import { listAutoBackups, makeAutoBackup, type AutoBackupResult } from './store/auto-backup';
import type { Db } from './store/db';
import { countOf } from './store/statements';

/** How often the timer asks the schedule whether a backup is due (the schedule says every 30 minutes at most). */
export const CHECK_EVERY_MS = 60_000;

export interface Timers {
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const realTimers: Timers = {
  setInterval: (run, ms) => setInterval(run, ms).unref(),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

export interface BackupTimer {
  /** Asks the schedule now (the timer calls it every minute; tests call it with a fake clock). */
  tick(): Promise<AutoBackupResult | null>;
  /** Stops the timer and makes the quit backup if the data changed since the last one. */
  finish(): Promise<AutoBackupResult | null>;
  /** Stops the timer; no more backups. */
  stop(): void;
}

/**
 * Drives the automatic backups of a data folder while the app runs: the schedule (core/backup-schedule) decides,
 * this asks it every minute and at quit. "Changed" is SQLite's count of rows this connection wrote since the last
 * backup. Failures are reported to `onError` and retried at the next tick; they never stop the app.
 */
export function startBackupTimer(options: {
  db: Db;
  dataDir: string;
  clock: Clock;
  timers?: Timers;
  onError?: (error: unknown) => void;
  onBackup?: (result: AutoBackupResult) => void;
}): BackupTimer {
  const { db, clock } = options;
  const dir = path.join(options.dataDir, 'backups');
  const timers = options.timers ?? realTimers;
  /** Rows this connection has changed since it opened: a backup is due only when it moved. */
  const changes = (): number => countOf(db, 'SELECT total_changes() AS n');
  const newest = listAutoBackups(dir).reduce<number | null>((max, b) => Math.max(max ?? 0, b.createdAt), null);
  let lastBackupAt = newest;
  // Writes before the timer starts (a migration, the bundled deck) are not the person's: they wait for the next.
  let changesAtBackup = changes();
  let running: Promise<AutoBackupResult | null> | null = null;
  let stopped = false;

  const run = (quitting: boolean): Promise<AutoBackupResult | null> => {
    if (running) return running;
    if (!db.open) return Promise.resolve(null);
    const now = clock.now();
    const seen = changes();
    if (!autoBackupDue({ now, lastBackupAt, changed: seen !== changesAtBackup, quitting }))
      return Promise.resolve(null);
    running = makeAutoBackup(db, dir, now)
      .then((result) => {
        lastBackupAt = now;
        changesAtBackup = seen;
        options.onBackup?.(result);
        return result;
      })
      .catch((error: unknown) => {
        (options.onError ?? ((e) => console.error('automatic backup failed', e)))(error);
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  const handle = timers.setInterval(() => {
    if (!stopped) void run(false);
  }, CHECK_EVERY_MS);
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    timers.clearInterval(handle);
  };

  return {
    tick: () => (stopped ? Promise.resolve(null) : run(false)),
    finish: async () => {
      const wasStopped = stopped;
      stop();
      if (running) await running;
      return wasStopped ? null : run(true);
    },
    stop,
  };
}
