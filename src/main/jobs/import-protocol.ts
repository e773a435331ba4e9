/** What the import worker is given, and what it says back (a leaf module: both sides import it). */
import type { ErrorCode } from '../../shared/errors';
import type { ImportResult } from '../../shared/transfer';
import type { ImportRequest } from '../api/import-planner';

export interface ImportCommitTask {
  /** The store's file; the worker reads it (the plan) on a read-only connection of its own, and never writes it. */
  dbFile: string;
  /** Where the worker stages the import (a new file): main copies it into the store in one short step. */
  stageFile: string;
  request: ImportRequest;
  /** The file behind a `picked` source (main keeps the ids), or null. */
  picked: { path: string; fileName: string } | null;
  /** The clock's time of the commit: every row written carries it. */
  now: number;
  /** Int32 slot 0 becomes 1 when the person cancels; the worker looks at it between chunks. */
  cancel: SharedArrayBuffer;
  /** Questions staged between two looks at the cancel flag and two progress messages. */
  chunkSteps: number;
  /**
   * The text (or base64) of a `text` or `bytes` source as UTF-8, moved to the worker rather than copied (its string
   * in `request` is then empty): a 20 MB string is cloned on the thread that answers calls, a buffer is handed over.
   */
  payload?: Uint8Array;
  /** End-to-end tests only: a pause between chunks, so that a small import stays in progress long enough to see. */
  pauseMs?: number;
}

export type ImportCommitEnd =
  { type: 'done'; result: ImportResult } | { type: 'cancelled' } | { type: 'failed'; code: ErrorCode; message: string };

/** How staging ends: ready to apply, or (nothing to write) done already, cancelled or failed. */
export type ImportStageEnd = { type: 'staged' } | ImportCommitEnd;

export type ImportCommitMessage =
  { type: 'total'; total: number } | { type: 'progress'; done: number } | ImportStageEnd;
