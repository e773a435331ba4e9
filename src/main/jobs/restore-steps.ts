import fs from 'node:fs';
import type { BankCounts } from '../../shared/transfer';
import { BackupFileError, backupDatabase, bankCounts, prepareRestore } from '../store/backup';
import type { Db } from '../store/db';
import { replaceAllData } from '../store/restore-swap';
import { cancelReader } from './worker-run';

/** What a restore is doing: the file read and checked, the current data backed up and checked, the swap, the end. */
export type RestoreStage = 'reading' | 'checking' | 'backing-up' | 'checking-backup' | 'replacing' | 'finishing';

/** What the restore worker is given (both sides import these types). */
export interface RestoreTask {
  /** The backup to restore; never written. */
  source: string;
  /** A private folder for the checked copy; the caller removes it. */
  workDir: string;
  /** Where the backup of the current data goes (removed again unless the restore commits). */
  replacedFile: string;
  /** Int32 slot 0 becomes 1 when the person cancels; looked at between stages and between chunks of the swap. */
  cancel: SharedArrayBuffer;
  chunkRows?: number;
  /** Tests only: a pause before each chunk of the swap (woken at once by a cancel), to see it and cancel it midway. */
  pauseMs?: number;
}

export type RestoreMessage =
  | { type: 'progress'; stage: RestoreStage; done: number; total: number }
  | { type: 'done'; restored: BankCounts }
  | { type: 'cancelled' }
  | { type: 'refused'; message: string }
  | { type: 'failed'; code: string; message: string };

export type RestoreEnd = Exclude<RestoreMessage, { type: 'progress' }>;

/**
 * The whole restore on `live` (in the worker, a connection of its own to the data file): the backup is copied and
 * checked (prepareRestore), the current data is backed up to `replacedFile`, then every row is replaced in one
 * transaction. Until that transaction commits, a cancel or a failure leaves the data as it was and removes the
 * backup of it made here; only the checkpoint after the commit cannot be cancelled.
 */
export async function restoreSteps(live: Db, task: RestoreTask, say: (message: RestoreMessage) => void): Promise<void> {
  const { cancelled, pause } = cancelReader(task.cancel, task.pauseMs);
  const pausedOrCancelled = (): boolean => {
    pause();
    return cancelled();
  };
  const progress = (stage: RestoreStage, done: number, total: number): void =>
    say({ type: 'progress', stage, done, total });
  let committed = false;
  try {
    const candidate = prepareRestore(task.source, task.workDir, (step, done, total) =>
      progress(step === 'copy' ? 'reading' : 'checking', done, total),
    );
    if (cancelled()) return say({ type: 'cancelled' });
    await backupDatabase(live, task.replacedFile, (step, done, total) =>
      progress(step === 'copy' ? 'backing-up' : 'checking-backup', done, total),
    );
    if (cancelled()) {
      fs.rmSync(task.replacedFile, { force: true });
      return say({ type: 'cancelled' });
    }
    const swapped = replaceAllData(live, candidate, {
      onProgress: (done, total) => progress('replacing', done, total),
      cancelled: pausedOrCancelled,
      chunkRows: task.chunkRows,
    });
    if (swapped === 'cancelled') {
      fs.rmSync(task.replacedFile, { force: true });
      return say({ type: 'cancelled' });
    }
    committed = true;
    progress('finishing', 0, 0);
    // The swap wrote the whole store into the WAL: folded back here, not on the thread that answers calls.
    live.pragma('wal_checkpoint(TRUNCATE)');
    say({ type: 'done', restored: bankCounts(live) });
  } catch (error) {
    // Refused late (its tables turned out wrong) or failed: nothing changed, so nothing is left to list either.
    if (!committed) fs.rmSync(task.replacedFile, { force: true });
    if (error instanceof BackupFileError) return say({ type: 'refused', message: error.message });
    const e = error as NodeJS.ErrnoException;
    say({ type: 'failed', code: e.code ?? '', message: e.message });
  }
}
