import fs from 'node:fs';
import type { Db } from '../store/db';
import type { ExportMessage, ExportSource } from './export-protocol';
import { exportChunks } from './export-source';

/** How an export ends: its last message. */
export type ExportEnd = Extract<ExportMessage, { type: 'done' | 'cancelled' | 'failed' }>;

/**
 * An export written to `outFile` (created new) a chunk at a time. It pauses before each chunk, and the one who drives
 * it says on resuming whether the person has cancelled; cancelled or failed, what it wrote is removed. The worker
 * drives it straight through (writeExport), the thread that answers calls with a yield at each pause.
 */
export function* exportSteps(
  db: Db,
  source: ExportSource,
  outFile: string,
  chunkRows: number,
  say: (message: ExportMessage) => void,
): Generator<void, ExportEnd, boolean> {
  let fd: number | null = null;
  try {
    const { total, chunks } = exportChunks(db, source, chunkRows);
    // Created before the total is told: from then on, a cancel has a file to remove.
    fd = fs.openSync(outFile, 'wx');
    say({ type: 'total', total });
    let done = 0;
    let bytes = 0;
    for (const chunk of chunks) {
      const cancelled: boolean = yield;
      if (cancelled) {
        fs.closeSync(fd);
        fd = null;
        fs.rmSync(outFile, { force: true });
        return { type: 'cancelled' };
      }
      bytes += fs.writeSync(fd, chunk.text);
      done += chunk.rows;
      if (chunk.rows > 0) say({ type: 'progress', done });
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    return { type: 'done', done, bytes };
  } catch (error) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(outFile, { force: true });
    const e = error as NodeJS.ErrnoException;
    return { type: 'failed', code: e.code ?? '', message: e.message };
  }
}

/** The export straight through, asking `cancelled()` before each chunk (the worker, on its own connection). */
export function writeExport(
  db: Db,
  source: ExportSource,
  outFile: string,
  chunkRows: number,
  say: (message: ExportMessage) => void,
  cancelled: () => boolean,
): ExportEnd {
  const steps = exportSteps(db, source, outFile, chunkRows, say);
  let step = steps.next(false);
  while (!step.done) step = steps.next(cancelled());
  return step.value;
}
