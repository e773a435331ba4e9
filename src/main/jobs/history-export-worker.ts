import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { checkStoreFile } from '../store/database';
import { lowerThisThreadPriority } from './background-priority';
import type { ExportMessage, ExportTask, StoreCheckMessage, StoreCheckTask } from './export-protocol';
import { writeExport } from './export-writer';
import { cancelReader } from './worker-run';

/**
 * The export jobs (the history, a deck), off the thread that answers the app's calls: its own read-only connection,
 * one snapshot (a read transaction), the rows stepped through as the file is written a chunk at a time.
 */
function run(task: ExportTask, say: (message: ExportMessage) => void): void {
  const flag = cancelReader(task.cancel, task.pauseMs);
  let db: Database.Database | null = null;
  try {
    db = new Database(task.dbFile, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN');
    const connection = db;
    say(
      writeExport(connection, task.source, task.outFile, task.chunkRows, say, () => {
        flag.pause();
        return flag.cancelled();
      }),
    );
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    say({ type: 'failed', code: e.code ?? '', message: e.message });
  } finally {
    if (db?.inTransaction) db.exec('COMMIT');
    db?.close();
  }
}

if (parentPort) {
  const port = parentPort;
  const task = workerData as ExportTask | StoreCheckTask;
  if ('kind' in task && task.kind === 'store-check') {
    // The start-up check (jobs/store-check.ts) shares this entry: one worker file to build and to find. Nobody waits
    // for it (reads are served meanwhile), so it runs behind the serving thread and the page being drawn.
    lowerThisThreadPriority();
    port.postMessage({ type: 'checked', problem: checkStoreFile(task.dbFile) } satisfies StoreCheckMessage);
  } else {
    run(task as ExportTask, (message) => port.postMessage(message));
  }
}
