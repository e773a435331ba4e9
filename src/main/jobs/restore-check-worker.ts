import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { restoreSteps, type RestoreMessage, type RestoreTask } from './restore-steps';

/**
 * A whole restore off the thread that answers calls (restore-steps.ts): the copy and checks of the backup, the backup
 * of the current data, and the swap in one transaction, on this worker's own connection to the data file. The main
 * connection keeps answering reads meanwhile (WAL), and sees the restored data once the swap commits.
 */
async function run(task: RestoreTask & { dbFile: string }, say: (message: RestoreMessage) => void): Promise<void> {
  let db: Database.Database;
  try {
    db = new Database(task.dbFile, { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = FULL');
    // The WAL is folded back once the swap has committed (restore-steps), not inside the commit: the last stage.
    db.pragma('wal_autocheckpoint = 0');
    // Millions of rows go into indexed tables: a bigger page cache than SQLite's 2 MB default saves re-reads.
    db.pragma('cache_size = -32768');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return say({ type: 'failed', code: e.code ?? '', message: e.message });
  }
  try {
    await restoreSteps(db, task, say);
  } finally {
    db.close();
  }
}

if (parentPort) {
  const port = parentPort;
  void run(workerData as RestoreTask & { dbFile: string }, (message) => port.postMessage(message));
}
