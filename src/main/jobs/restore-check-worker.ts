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
