import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { Db } from '../store/db';
import type { WorkerSpec } from './history-export';
import { restoreSteps, type RestoreEnd, type RestoreMessage, type RestoreTask } from './restore-steps';
import { cancelFlag, stoppedFailure, workerEnd } from './worker-run';

export interface RestoreRun {
  cancel(): void;
  /** The last message: done, cancelled, refused or failed. */
  finished: Promise<RestoreEnd>;
}

/**
 * The heap of the restore worker: it holds a chunk of a file copy (8 MB) and SQLite's page cache (off the heap), never
 * the rows it moves (they go from file to file inside SQLite).
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

/**
 * A restore (restore-steps.ts) in the restore worker, on a connection of its own to the data file (the built app);
 * here on the main connection without a worker or for an in-memory store (tests), after a turn so that a cancel
 * made right after the start is seen.
 */
export function runRestore(
  db: Db,
  task: Omit<RestoreTask, 'cancel'>,
  spec: WorkerSpec | undefined,
  onMessage: (message: Extract<RestoreMessage, { type: 'progress' }>) => void,
): RestoreRun {
  const { buffer: cancel, cancel: cancelRun } = cancelFlag();
  const full: RestoreTask = { ...task, cancel, pauseMs: task.pauseMs ?? spec?.pauseMs };
  const isEnd = (message: RestoreMessage): message is RestoreEnd => message.type !== 'progress';
  const failure: (error: Error | null) => RestoreEnd = stoppedFailure('the restore');
  if (spec && !db.memory) {
    const worker = new Worker(spec.file, {
      workerData: { ...full, dbFile: db.name },
      execArgv: spec.execArgv,
      resourceLimits: WORKER_LIMITS,
    });
    return { cancel: cancelRun, finished: workerEnd(worker, isEnd, onMessage, failure) };
  }
  let last: RestoreEnd | null = null;
  const finished = nextTurn().then(async () => {
    await restoreSteps(db, full, (message) => {
      if (isEnd(message)) last = message;
      else onMessage(message);
    });
    return last ?? failure(null);
  });
  return { cancel: cancelRun, finished };
}
