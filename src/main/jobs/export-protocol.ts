/** What the jobs worker is given, and what it says back (a leaf module: both sides import it). */
import type { ExportFormat } from '../../shared/transfer';

/** What an export job writes: the answer history (CSV), or one deck in one of its formats. */
export type ExportSource = { kind: 'history' } | { kind: 'deck'; deckId: number; format: ExportFormat };

export interface ExportTask {
  source: ExportSource;
  /** The store's file; the worker opens it read-only (WAL lets it read while main writes). */
  dbFile: string;
  /** Where to write; created new, removed again if the export is cancelled or fails. */
  outFile: string;
  /** Int32 slot 0 becomes 1 when the person cancels; the worker looks at it between chunks. */
  cancel: SharedArrayBuffer;
  chunkRows: number;
  /** End-to-end tests only: a pause between chunks, so that a small history stays in progress long enough to see. */
  pauseMs?: number;
}

export type ExportMessage =
  | { type: 'total'; total: number }
  | { type: 'progress'; done: number }
  | { type: 'done'; done: number; bytes: number }
  | { type: 'cancelled' }
  | { type: 'failed'; code: string; message: string };

/** The start-up check, in the same worker: `quick_check` of the store on a read-only connection of its own. */
export interface StoreCheckTask {
  kind: 'store-check';
  dbFile: string;
}

/** What the check found wrong, or null when the file is sound. */
export interface StoreCheckMessage {
  type: 'checked';
  problem: string | null;
}
