import type { CallName, ParsedInputOf, ResultOf } from '../../shared/api';
import type { Clock } from '../clock';
import type { Jobs } from '../jobs/registry';
import type { WorkerSpec } from '../jobs/history-export';
import type { Db } from '../store/db';
import type { WriteGate } from './write-gate';

/** One function per call of the contract; the compiler refuses a missing or extra one (see createApi). */
export type Handlers = { [K in CallName]: (input: ParsedInputOf<K>) => ResultOf<K> | Promise<ResultOf<K>> };

/** A filter of a file dialog: a name and the extensions it shows. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * The desktop app's file dialogs (Electron's `dialog`, in main). Browser mode has none: there, files come in
 * through a file input and go out as downloads.
 */
export interface FileDialogs {
  /** The path of the file the person chose, or null when they cancelled. */
  openFile(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  /** Where the person wants the file saved, or null when they cancelled. */
  saveFile(options: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
}

/** What every feature's handlers are built from. */
export interface ApiContext {
  db: Db;
  clock: Clock;
  /** The data folder (backups live in its backups/); absent for an in-memory store. */
  dataDir?: string;
  /** The desktop app's file dialogs; absent in browser mode. */
  dialogs?: FileDialogs;
  /** Long work of this run (exports), polled and cancelled by id. */
  jobs: Jobs;
  /** The export worker; without it (tests, in-memory stores) the export runs in chunks on this thread. */
  exportWorker?: WorkerSpec;
  /** The restore (restore-check-worker: its checks, backup and swap); without it, it runs on this thread. */
  restoreCheckWorker?: WorkerSpec;
  /** Closes the calls that change data while a restore runs (createApi always gives one). */
  writeGate?: WriteGate;
}
