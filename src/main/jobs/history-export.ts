import fs from 'node:fs';
import { setImmediate as yieldToCalls } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { historyCsvChunks } from '../core/export/history-csv';
import { attemptCount, iterateHistoryRows } from '../store/history-export';
import type { Db } from '../store/db';
import type { HistoryExportMessage, HistoryExportTask } from './export-protocol';

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
  finished: Promise<Extract<HistoryExportMessage, { type: 'done' | 'cancelled' | 'failed' }>>;
}

const CHUNK_ROWS = 2000;

/**
 * The worker's heap, kept small: it holds one chunk at a time (at most about CHUNK_CHARS of text), and V8 left to
 * itself lets the garbage of a million rows' strings pile up to hundreds of MB before collecting it.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

/**
 * Writes the history CSV to `outFile` off the thread that answers calls: in a worker with its own connection when
 * the store is a file, or (an in-memory store, in tests) here in chunks with a yield between them.
 */
export function runHistoryExport(
  db: Db,
  outFile: string,
  worker: WorkerSpec | undefined,
  onMessage: (message: HistoryExportMessage) => void,
  chunkRows = CHUNK_ROWS,
): ExportRun {
  if (worker && !db.memory) return inWorker(db.name, outFile, worker, onMessage, chunkRows);
  return inChunks(db, outFile, onMessage, chunkRows);
}

function inWorker(
  dbFile: string,
  outFile: string,
  spec: WorkerSpec,
  onMessage: (message: HistoryExportMessage) => void,
  chunkRows: number,
): ExportRun {
  const cancel = new SharedArrayBuffer(4);
  const task: HistoryExportTask = { dbFile, outFile, cancel, chunkRows, pauseMs: spec.pauseMs };
  const worker = new Worker(spec.file, { workerData: task, execArgv: spec.execArgv, resourceLimits: WORKER_LIMITS });
  const finished = new Promise<Extract<HistoryExportMessage, { type: 'done' | 'cancelled' | 'failed' }>>((resolve) => {
    let last: Extract<HistoryExportMessage, { type: 'done' | 'cancelled' | 'failed' }> | null = null;
    worker.on('message', (message: HistoryExportMessage) => {
      if (message.type === 'done' || message.type === 'cancelled' || message.type === 'failed') last = message;
      else onMessage(message);
    });
    worker.on('error', (error: Error) => {
      last ??= { type: 'failed', code: (error as NodeJS.ErrnoException).code ?? '', message: error.message };
    });
    worker.on('exit', () => {
      if (!last || last.type !== 'done') fs.rmSync(outFile, { force: true });
      resolve(last ?? { type: 'failed', code: '', message: 'the export stopped unexpectedly' });
    });
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

function inChunks(
  db: Db,
  outFile: string,
  onMessage: (message: HistoryExportMessage) => void,
  chunkRows: number,
): ExportRun {
  let cancelled = false;
  const finished = (async (): Promise<Extract<HistoryExportMessage, { type: 'done' | 'cancelled' | 'failed' }>> => {
    let fd: number | null = null;
    try {
      onMessage({ type: 'total', total: attemptCount(db) });
      // Read whole before the first yield: better-sqlite3 refuses every other statement on this connection while an
      // iterator is open, and the calls answered between chunks need it. Only the worker streams (its own connection).
      const rows = [...iterateHistoryRows(db)];
      fd = fs.openSync(outFile, 'wx');
      let done = 0;
      let bytes = 0;
      for (const chunk of historyCsvChunks(rows, chunkRows)) {
        await yieldToCalls();
        if (cancelled) {
          fs.closeSync(fd);
          fd = null;
          fs.rmSync(outFile, { force: true });
          return { type: 'cancelled' };
        }
        bytes += fs.writeSync(fd, chunk.text);
        done += chunk.rows;
        if (chunk.rows > 0) onMessage({ type: 'progress', done });
      }
      fs.closeSync(fd);
      return { type: 'done', done, bytes };
    } catch (error) {
      if (fd !== null) fs.closeSync(fd);
      fs.rmSync(outFile, { force: true });
      const e = error as NodeJS.ErrnoException;
      return { type: 'failed', code: e.code ?? '', message: e.message };
    }
  })();
  return { cancel: () => (cancelled = true), finished };
}
