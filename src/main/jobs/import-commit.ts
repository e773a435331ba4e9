import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setImmediate as yieldToCalls } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { failureOf } from '../api/dispatch';
import type { Db } from '../store/db';
import { applyStagedImport } from '../store/import-apply';
import type { WorkerSpec } from './history-export';
import { stageImportOn } from './import-commit-run';
import type { ImportCommitEnd, ImportCommitMessage, ImportCommitTask, ImportStageEnd } from './import-protocol';
import { cancelFlag, workerEnd } from './worker-run';

export interface ImportRun {
  cancel(): void;
  finished: Promise<ImportCommitEnd>;
}

/** Questions staged per chunk: between two looks at Cancel, and two progress messages. */
const IMPORT_CHUNK = 500;

/**
 * The import worker beside the export worker it is given (the same folder and loader): out/main/x-worker.mjs in
 * the built app, src/main/jobs/x-worker.ts in tests. One spec to pass around, the app's wiring unchanged.
 */
export function importWorkerBeside(exportWorker: WorkerSpec | undefined): WorkerSpec | undefined {
  if (!exportWorker) return undefined;
  const { dir, ext } = path.parse(exportWorker.file);
  return { ...exportWorker, file: path.join(dir, `import-commit-worker${ext}`) };
}

/**
 * Where imports are staged: a folder beside the store's file, emptied when the app starts (what a crash left
 * mid-import is never applied: only the job that staged a file applies it). Scratch files of in-memory stores
 * (tests) go to the system's temporary folder, removed by their job.
 */
export function importStagingDir(db: Db, { sweep }: { sweep: boolean }): string {
  if (db.memory) return os.tmpdir();
  const dir = path.join(path.dirname(db.name), 'import-staging');
  if (sweep) fs.rmSync(dir, { recursive: true, force: true });
  return dir;
}

type CommitTask = Pick<ImportCommitTask, 'request' | 'picked' | 'now'>;

/**
 * Commits an import: read, parsed, planned and staged off the thread that answers calls (in a worker when the
 * store is a file; here, after a yield, for in-memory stores in tests), then copied into the store in one short
 * transaction on its own connection. Cancelled or failed before that, the store was never written.
 */
export function runImportCommit(
  db: Db,
  task: CommitTask,
  stagingDir: string,
  worker: WorkerSpec | undefined,
  onMessage: (message: ImportCommitMessage) => void,
  chunkSteps = IMPORT_CHUNK,
): ImportRun {
  fs.mkdirSync(stagingDir, { recursive: true });
  const stageFile = path.join(stagingDir, `prepdeck-import-${randomUUID()}.sqlite`);
  let cancelled = false;
  const flag = cancelFlag();
  const staging: { task: ImportCommitTask; cancelled: () => boolean } = {
    task: { ...task, dbFile: db.name, stageFile, cancel: flag.buffer, chunkSteps },
    cancelled: () => cancelled,
  };
  const staged: Promise<ImportStageEnd> =
    worker && !db.memory
      ? inWorker({ ...staging.task, pauseMs: worker.pauseMs }, worker, onMessage)
      : yieldToCalls().then(() => stageImportOn(db, staging.task, onMessage, staging));
  const finished = staged.then((end): ImportCommitEnd => {
    try {
      if (end.type !== 'staged') return end;
      if (cancelled) return { type: 'cancelled' };
      return { type: 'done', result: applyStagedImport(db, stageFile, task.now) };
    } catch (error) {
      return { type: 'failed', ...failureOf(error) };
    } finally {
      fs.rmSync(stageFile, { force: true });
    }
  });
  return {
    cancel: () => {
      cancelled = true;
      flag.cancel();
    },
    finished,
  };
}

/** The task with its source's text as a buffer to hand over (see ImportCommitTask.payload). */
function withPayload(task: ImportCommitTask): ImportCommitTask {
  const source = task.request.source;
  if (source.kind === 'text') {
    return {
      ...task,
      request: { ...task.request, source: { ...source, text: '' } },
      payload: encoder.encode(source.text),
    };
  }
  if (source.kind === 'bytes') {
    return {
      ...task,
      request: { ...task.request, source: { ...source, base64: '' } },
      payload: encoder.encode(source.base64),
    };
  }
  return task;
}

const encoder = new TextEncoder();

function inWorker(
  plain: ImportCommitTask,
  spec: WorkerSpec,
  onMessage: (message: ImportCommitMessage) => void,
): Promise<ImportStageEnd> {
  const task = withPayload(plain);
  const transferList = task.payload ? [task.payload.buffer as ArrayBuffer] : [];
  const worker = new Worker(spec.file, { workerData: task, execArgv: spec.execArgv, transferList });
  return workerEnd<ImportCommitMessage, ImportStageEnd>(
    worker,
    (m): m is ImportStageEnd => m.type !== 'total' && m.type !== 'progress',
    onMessage,
    (error) => {
      if (error) console.error('The import worker failed', error);
      return {
        type: 'failed',
        code: 'internal',
        message: error
          ? `The import stopped: ${error.message}. Nothing was imported.`
          : 'The import stopped unexpectedly. Nothing was imported.',
      };
    },
  );
}
