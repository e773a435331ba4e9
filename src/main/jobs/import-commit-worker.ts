import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { commitImportOn } from './import-commit-run';
import type { ImportCommitMessage, ImportCommitTask } from './import-protocol';

/**
 * An import's commit, off the thread that answers the app's calls: reading, parsing and planning a file of up to
 * 20 MB, then the write, on a connection of its own (see import-commit-run.ts).
 */
function run(task: ImportCommitTask, say: (message: ImportCommitMessage) => void): void {
  const cancelled = new Int32Array(task.cancel);
  const db = new Database(task.dbFile, { fileMustExist: true });
  try {
    // The pragmas of main's connection (store/database.ts); the file is in WAL already.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const end = commitImportOn(db, task, say, {
      cancelled: () => Atomics.load(cancelled, 0) === 1,
      // Wakes at once when cancelled (the canceller notifies).
      pause: task.pauseMs ? () => void Atomics.wait(cancelled, 0, 0, task.pauseMs) : undefined,
    });
    say(end);
  } finally {
    db.close();
  }
}

if (parentPort) {
  const port = parentPort;
  run(workerData as ImportCommitTask, (message) => port.postMessage(message));
}
