import type { Db } from './db';

export interface Checkpoints {
  /** The store was used: a checkpoint follows once it has been quiet for a moment. */
  touched(): void;
  /** At quit: every page into the database file and the WAL file emptied. */
  close(): void;
}

/** Long enough to fall between two questions, short enough that the WAL stays small. */
const QUIET_MS = 1_000;
/** A store that is never quiet (an import, a script) is still checkpointed this often. */
const MAX_WAIT_MS = 15_000;
/** The WAL file is cut back to this size when it restarts (it only grows while a checkpoint is held off). */
const WAL_SIZE_LIMIT = 16 * 1024 * 1024;

/**
 * Checkpoints off the save's path. SQLite's automatic checkpoint runs inside the commit that crosses
 * 1,000 pages, so about one save in fifteen paid for copying the WAL into the database and its fsync.
 * Here the automatic one is off and a PASSIVE checkpoint (it never waits for readers) runs when the store
 * has been quiet, and a TRUNCATE at quit. The WAL is reused from its start after each complete
 * checkpoint, so it grows only by what is written between two quiet moments.
 */
export function idleCheckpoints(db: Db, { quietMs = QUIET_MS, maxWaitMs = MAX_WAIT_MS } = {}): Checkpoints {
  db.pragma('wal_autocheckpoint = 0');
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let waitingSince: number | null = null;
  const checkpoint = (): void => {
    timer = null;
    waitingSince = null;
    if (!db.open || db.inTransaction) return;
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      // A checkpoint that cannot run now (the file busy elsewhere) runs at the next quiet moment.
      console.error('checkpoint deferred', error);
    }
  };
  return {
    touched() {
      const now = Date.now();
      waitingSince ??= now;
      if (timer) clearTimeout(timer);
      timer = setTimeout(checkpoint, Math.max(0, Math.min(quietMs, waitingSince + maxWaitMs - now)));
      // A pending checkpoint must not keep a process alive that has nothing else to do.
      timer.unref?.();
    },
    close() {
      if (timer) clearTimeout(timer);
      timer = null;
      if (db.open && !db.inTransaction) db.pragma('wal_checkpoint(TRUNCATE)');
    },
  };
}
