import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { historyCsvChunks } from '../core/export/history-csv';
import { attemptCount, iterateHistoryRows } from '../store/history-export';
import { checkStoreFile } from '../store/database';
import { lowerThisThreadPriority } from './background-priority';
import type { HistoryExportMessage, HistoryExportTask, StoreCheckMessage, StoreCheckTask } from './export-protocol';

/**
 * The history export, off the thread that answers the app's calls: its own read-only connection, the attempts
 * stepped through one by one, the CSV written a chunk at a time. Cancelled or failed, it removes what it wrote.
 */
function run(task: HistoryExportTask, say: (message: HistoryExportMessage) => void): void {
  const cancelled = new Int32Array(task.cancel);
  const db = new Database(task.dbFile, { readonly: true, fileMustExist: true });
  let fd: number | null = null;
  try {
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN');
    say({ type: 'total', total: attemptCount(db) });
    fd = fs.openSync(task.outFile, 'wx');
    let done = 0;
    let bytes = 0;
    for (const chunk of historyCsvChunks(iterateHistoryRows(db), task.chunkRows)) {
      // Wakes at once when cancelled (the canceller notifies).
      if (task.pauseMs) Atomics.wait(cancelled, 0, 0, task.pauseMs);
      if (Atomics.load(cancelled, 0) === 1) {
        fs.closeSync(fd);
        fd = null;
        fs.rmSync(task.outFile, { force: true });
        say({ type: 'cancelled' });
        return;
      }
      bytes += fs.writeSync(fd, chunk.text);
      done += chunk.rows;
      if (chunk.rows > 0) say({ type: 'progress', done });
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    say({ type: 'done', done, bytes });
  } catch (error) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(task.outFile, { force: true });
    const e = error as NodeJS.ErrnoException;
    say({ type: 'failed', code: e.code ?? '', message: e.message });
  } finally {
    if (db.inTransaction) db.exec('COMMIT');
    db.close();
  }
}

if (parentPort) {
  const port = parentPort;
  const task = workerData as HistoryExportTask | StoreCheckTask;
  if ('kind' in task && task.kind === 'store-check') {
    // The start-up check (jobs/store-check.ts) shares this entry: one worker file to build and to find. Nobody waits
    // for it (reads are served meanwhile), so it runs behind the serving thread and the page being drawn.
    lowerThisThreadPriority();
    port.postMessage({ type: 'checked', problem: checkStoreFile(task.dbFile) } satisfies StoreCheckMessage);
  } else {
    run(task as HistoryExportTask, (message) => port.postMessage(message));
  }
}
