/** What the import worker is given, and what it says back (a leaf module: both sides import it). */
import type { ErrorCode } from '../../shared/errors';
import type { ImportResult } from '../../shared/transfer';
import type { ImportRequest } from '../api/import-planner';

export interface ImportCommitTask {
  /** The store's file; the worker opens a connection of its own to it. */
  dbFile: string;
  request: ImportRequest;
  /** The file behind a `picked` source (main keeps the ids), or null. */
  picked: { path: string; fileName: string } | null;
  /** The clock's time of the commit: every row written carries it. */
  now: number;
  /** Int32 slot 0 becomes 1 when the person cancels; the worker looks at it between chunks. */
  cancel: SharedArrayBuffer;
  /** Questions written between two looks at the cancel flag and two progress messages. */
  chunkSteps: number;
  /** End-to-end tests only: a pause between chunks, so that a small import stays in progress long enough to see. */
  pauseMs?: number;
}

export type ImportCommitEnd =
  { type: 'done'; result: ImportResult } | { type: 'cancelled' } | { type: 'failed'; code: ErrorCode; message: string };

export type ImportCommitMessage =
  { type: 'total'; total: number } | { type: 'progress'; done: number } | ImportCommitEnd;
