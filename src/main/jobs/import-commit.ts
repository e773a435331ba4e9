import path from 'node:path';
import { setImmediate as yieldToCalls } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { Db } from '../store/db';
import type { WorkerSpec } from './history-export';
import { commitImportOn } from './import-commit-run';
import type { ImportCommitEnd, ImportCommitMessage, ImportCommitTask } from './import-protocol';

export interface ImportRun {
  cancel(): void;
  finished: Promise<ImportCommitEnd>;
}

/** Questions written per chunk: between two looks at Cancel, and two progress messages. */
export const IMPORT_CHUNK = 500;

/**
 * The import worker beside the export worker it is given (the same folder and loader): out/main/x-worker.mjs in
 * the built app, src/main/jobs/x-worker.ts in tests. One spec to pass around, the app's wiring unchanged.
 */
export function importWorkerBeside(exportWorker: WorkerSpec | undefined): WorkerSpec | undefined {
  if (!exportWorker) return undefined;
  const { dir, ext } = path.parse(exportWorker.file);
  return { ...exportWorker, file: path.join(dir, `import-commit-worker${ext}`) };
}

type CommitTask = Pick<ImportCommitTask, 'request' | 'picked' | 'now'>;

/**
 * Commits an import off the thread that answers calls: in a worker with its own connection when the store is a
 * file, or (an in-memory store, in tests) here, after a yield, in one go.
 */
export function runImportCommit(
  db: Db,
  task: CommitTask,
  worker: WorkerSpec | undefined,
  onMessage: (message: ImportCommitMessage) => void,
  chunkSteps = IMPORT_CHUNK,
): ImportRun {
  if (worker && !db.memory) return inWorker(db.name, task, worker, onMessage, chunkSteps);
  let cancelled = false;
  const finished = (async () => {
    await yieldToCalls();
    return commitImportOn(db, { ...task, chunkSteps }, onMessage, { cancelled: () => cancelled });
  })();
  return { cancel: () => (cancelled = true), finished };
}

function inWorker(
  dbFile: string,
  task: CommitTask,
  spec: WorkerSpec,
  onMessage: (message: ImportCommitMessage) => void,
  chunkSteps: number,
): ImportRun {
  const cancel = new SharedArrayBuffer(4);
  const data: ImportCommitTask = { ...task, dbFile, cancel, chunkSteps, pauseMs: spec.pauseMs };
  const worker = new Worker(spec.file, { workerData: data, execArgv: spec.execArgv });
  const finished = new Promise<ImportCommitEnd>((resolve) => {
    let last: ImportCommitEnd | null = null;
    worker.on('message', (message: ImportCommitMessage) => {
      if (message.type === 'total' || message.type === 'progress') onMessage(message);
      else last = message;
    });
    worker.on('error', (error: Error) => {
      console.error('The import worker failed', error);
      last ??= {
        type: 'failed',
        code: 'internal',
        message: `The import stopped: ${error.message}. Nothing was imported.`,
      };
    });
    // A worker that dies mid-write leaves nothing: its transaction was never committed.
    worker.on('exit', () =>
      resolve(
        last ?? { type: 'failed', code: 'internal', message: 'The import stopped unexpectedly. Nothing was imported.' },
      ),
    );
  });
  const flag = new Int32Array(cancel);
  return {
    cancel: () => {
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    },
    finished,
  };
}
