import { Worker } from 'node:worker_threads';
import { checkStoreFile } from '../store/database';
import type { StoreCheckMessage, StoreCheckTask } from './export-protocol';
import type { WorkerSpec } from './history-export';

/** Runs the start-up check of the store's file: what it finds wrong, or null when the file is sound. */
export type StoreChecker = (dbFile: string) => Promise<string | null>;

/**
 * The start-up check in the jobs worker (the same built file as the history export), so that the thread that
 * answers calls serves reads while it runs. A worker that cannot start or stops without an answer is replaced by
 * the same check here: the check is never skipped.
 */
export function workerStoreCheck(spec: WorkerSpec): StoreChecker {
  return (dbFile) =>
    new Promise<string | null>((resolve) => {
      const task: StoreCheckTask = { kind: 'store-check', dbFile };
      let answer: { problem: string | null } | null = null;
      const worker = new Worker(spec.file, { workerData: task, execArgv: spec.execArgv });
      // Quitting while the check runs does not wait for it.
      worker.unref();
      worker.on('message', (message: StoreCheckMessage) => (answer = { problem: message.problem }));
      worker.on('error', (error: Error) => console.error('The store check worker failed', error));
      // Answered once the worker is gone, so that its teardown does not compete with the writes that waited.
      worker.on('exit', () => resolve(answer ? answer.problem : checkStoreFile(dbFile)));
    });
}
