import { parentPort, workerData } from 'node:worker_threads';
import { BackupFileError, prepareRestore } from '../store/backup';
import type { RestoreCheckMessage, RestoreCheckTask } from './restore-check';

/**
 * A restore's checks, off the thread that answers calls: the copy of the file, its integrity check and its
 * migration (prepareRestore) take seconds for a big store and touch only the copy, never the live database.
 */
function run(task: RestoreCheckTask): RestoreCheckMessage {
  try {
    return { type: 'ready', candidate: prepareRestore(task.source, task.workDir) };
  } catch (error) {
    if (error instanceof BackupFileError) return { type: 'refused', message: error.message };
    const e = error as NodeJS.ErrnoException;
    return { type: 'failed', code: e.code ?? '', message: e.message };
  }
}

if (parentPort) parentPort.postMessage(run(workerData as RestoreCheckTask));
