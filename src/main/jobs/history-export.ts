import fs from 'node:fs';
import { setImmediate as yieldToCalls } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { Db } from '../store/db';
import type { ExportMessage, ExportSource, ExportTask } from './export-protocol';
import { exportSteps, type ExportEnd } from './export-writer';
import { cancelFlag, stoppedFailure, workerEnd } from './worker-run';

/** The worker's built file (out/main/history-export-worker.mjs), or its source with a loader in tests. */
export interface WorkerSpec {
  file: string;
  execArgv?: string[];
  /** End-to-end tests only (PREPDECK_TEST_EXPORT_PAUSE_MS): a pause between chunks. */
  pauseMs?: number;
}

export interface ExportRun {
  cancel(): void;
  /** The last message: done, cancelled or failed. */
  finished: Promise<ExportEnd>;
}

/** Rows per chunk: the history's are short; a deck's questions carry whole answers. */
const CHUNK_ROWS: Record<ExportSource['kind'], number> = { history: 2000, deck: 200 };

/**
 * The worker's heap, kept small: it holds one chunk at a time (at most about CHUNK_CHARS of text), and V8 left to
 * itself lets the garbage of a million rows' strings pile up to hundreds of MB before collecting it. The young
 * generation holds a chunk's short-lived rows: at 8 MB a quarter of the export went to collecting them; at 16 MB a
 * million answers took 10.5–10.8 s instead of 10.6–16.4 s (a loaded machine), for about 10 MB more.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };

/**
 * Writes an export's file (the history CSV, or a deck) to `outFile` off the thread that answers calls: in a worker
 * with its own connection when the store is a file, or (an in-memory store, in tests) here in chunks with a yield
 * between them.
 */
export function runExport(
  db: Db,
  source: ExportSource,
  outFile: string,
  worker: WorkerSpec | undefined,
  onMessage: (message: ExportMessage) => void,
  chunkRows = CHUNK_ROWS[source.kind],
): ExportRun {
  if (worker && !db.memory) return inWorker(db.name, source, outFile, worker, onMessage, chunkRows);
  return inChunks(db, source, outFile, onMessage, chunkRows);
}

function inWorker(
  dbFile: string,
  source: ExportSource,
  outFile: string,
  spec: WorkerSpec,
  onMessage: (message: ExportMessage) => void,
  chunkRows: number,
): ExportRun {
  const { buffer: cancel, cancel: cancelRun } = cancelFlag();
  const task: ExportTask = { source, dbFile, outFile, cancel, chunkRows, pauseMs: spec.pauseMs };
  const worker = new Worker(spec.file, { workerData: task, execArgv: spec.execArgv, resourceLimits: WORKER_LIMITS });
  const finished = workerEnd<ExportMessage, ExportEnd>(
    worker,
    (m): m is ExportEnd => m.type === 'done' || m.type === 'cancelled' || m.type === 'failed',
    onMessage,
    stoppedFailure('the export'),
  ).then((end) => {
    if (end.type !== 'done') fs.rmSync(outFile, { force: true });
    return end;
  });
  return { cancel: cancelRun, finished };
}

function inChunks(
  db: Db,
  source: ExportSource,
  outFile: string,
  onMessage: (message: ExportMessage) => void,
  chunkRows: number,
): ExportRun {
  let cancelled = false;
  const finished = (async (): Promise<ExportEnd> => {
    const steps = exportSteps(db, source, outFile, chunkRows, onMessage);
    let step = steps.next(false);
    while (!step.done) {
      await yieldToCalls();
      step = steps.next(cancelled);
    }
    return step.value;
  })();
  return { cancel: () => (cancelled = true), finished };
}
