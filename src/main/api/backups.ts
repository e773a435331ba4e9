import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError, type ParsedInputOf } from '../../shared/api';
import type { FileResult } from '../../shared/transfer';
import { backupDatabase, bankCounts, describeBackup, listBackupFiles } from '../store/backup';
import { DB_FILE } from '../store/database';
import type { ApiContext, FileFilter, Handlers } from './context';
import { stamp, writingFile } from './file-output';
import { RESTORING, restoreJob } from './restore-job';
import type { PickedFiles } from './picked-files';

const BACKUP_FILTERS: FileFilter[] = [
  { name: 'Prepdeck backups', extensions: ['sqlite', 'db', 'sqlite3'] },
  { name: 'All files', extensions: ['*'] },
];

type RestoreSource = ParsedInputOf<'restoreBackup'>['source'];

/** Backups in the data folder's backups/: made, listed, saved elsewhere, and restored over the current data. */
/** The backups folder of the data folder: where a backup of a name is, and a new file's unique name. */
function backupFiles(dataDir: string | undefined, clock: ApiContext['clock']) {
  const backupsDir = (): string => {
    if (!dataDir)
      throw new ApiError('invalid_input', 'Backups need a data folder, and this Prepdeck runs without one.');
    return path.join(dataDir, 'backups');
  };

  const backupPath = (fileName: string): string => {
    const dir = backupsDir();
    const file = path.join(dir, fileName);
    if (
      path.dirname(file) !== dir ||
      !fileName.endsWith('.sqlite') ||
      !fs.statSync(file, { throwIfNoEntry: false })?.isFile()
    ) {
      throw new ApiError('not_found', `There is no backup called “${fileName}” in the backups folder.`);
    }
    return file;
  };

  const uniqueBackupFile = (prefix: string): string => {
    const dir = backupsDir();
    const base = `${prefix}-${stamp(clock.now())}`;
    let name = `${base}.sqlite`;
    for (let n = 2; fs.existsSync(path.join(dir, name)); n++) name = `${base}-${n}.sqlite`;
    return path.join(dir, name);
  };
  return { backupsDir, backupPath, uniqueBackupFile };
}

export function backupsApi(
  { db, clock, dataDir, dialogs, jobs, restoreCheckWorker, writeGate }: ApiContext,
  picked: PickedFiles,
) {
  const { backupsDir, backupPath, uniqueBackupFile } = backupFiles(dataDir, clock);
  let busy = false;

  /** One backup or restore at a time: they await SQLite's backup, and a second one must not interleave. */
  const exclusive = async <T>(run: () => Promise<T>): Promise<T> => {
    if (busy) throw new ApiError('conflict', 'A backup or restore is already running. Wait for it to finish.');
    busy = true;
    try {
      return await run();
    } finally {
      busy = false;
    }
  };

  /** The file a restore reads, inside `work` when it had to be written there first. */
  const restoreFile = async (source: RestoreSource, work: string): Promise<string> => {
    if (source.kind === 'backup') return backupPath(source.fileName);
    if (source.kind === 'picked') {
      const file = picked.path(source.id).path;
      if (dataDir && path.resolve(file) === path.resolve(dataDir, DB_FILE)) {
        throw new ApiError(
          'invalid_input',
          'That is the data file Prepdeck has open now, not a backup. Choose a backup file (in the backups folder, or one you saved).',
        );
      }
      return file;
    }
    const file = path.join(work, 'upload.sqlite');
    if (source.kind === 'uploaded') {
      const upload = jobs.takeUpload(source.id);
      if (!upload) throw new ApiError('not_found', 'The uploaded file is no longer at hand: choose it again.');
      // Into the work folder, which goes when the restore ends, whatever happens.
      fs.renameSync(upload.file, file);
    } else {
      await writingFile(file, () => fs.writeFileSync(file, Buffer.from(source.base64, 'base64')));
    }
    return file;
  };

  /** The restore as a job: the file found (an upload moved into `work`), then the rest in the restore worker. */
  const startRestore = async (source: RestoreSource): Promise<{ jobId: string }> => {
    const prefix = path.join(os.tmpdir(), 'prepdeck-restore-');
    const work = await writingFile(prefix, () => fs.mkdtempSync(prefix));
    const removeWork = (): void => fs.rmSync(work, { recursive: true, force: true });
    try {
      const file = await restoreFile(source, work);
      const replaced = uniqueBackupFile('replaced');
      return restoreJob({ db, jobs, restoreCheckWorker }, { file, work, replaced }, (dataReplaced) => {
        removeWork();
        busy = false;
        if (dataReplaced) writeGate?.replaced();
        writeGate?.open();
      });
    } catch (error) {
      removeWork();
      throw error;
    }
  };

  return {
    createBackup: () =>
      exclusive(async () => {
        const file = uniqueBackupFile('prepdeck');
        await writingFile(file, () => backupDatabase(db, file));
        return describeBackup(file);
      }),

    listBackups: () => {
      const folder = backupsDir();
      return { folder, backups: listBackupFiles(folder), current: bankCounts(db) };
    },

    exportBackup: ({ fileName }) => {
      const file = backupPath(fileName);
      if (dialogs) {
        return dialogs
          .saveFile({ title: 'Save a copy of the backup', defaultName: fileName, filters: BACKUP_FILTERS })
          .then(async (chosen): Promise<FileResult> => {
            if (chosen === null) return { kind: 'cancelled' };
            // Copied by the file system off the answering thread (copy-on-write where it can), never read into memory.
            await writingFile(chosen, () => fs.promises.copyFile(file, chosen));
            return { kind: 'saved', fileName: path.basename(chosen), path: chosen };
          });
      }
      // Browser mode: streamed from the backups folder, whatever its size (no base64 inside a JSON string).
      const download = jobs.offerFile(randomUUID(), {
        file,
        fileName,
        mimeType: 'application/vnd.sqlite3',
        keep: true,
      });
      return { kind: 'stream', fileName, download } satisfies FileResult;
    },

    chooseBackupFile: () => picked.pick('Restore a backup', BACKUP_FILTERS),

    restoreBackup: async ({ source }) => {
      if (busy) throw new ApiError('conflict', 'A backup or restore is already running. Wait for it to finish.');
      if (jobs.anyRunning()) {
        throw new ApiError(
          'conflict',
          'An export, import or re-scoring is still running. Let it finish (or cancel it), then restore. Nothing was changed.',
        );
      }
      busy = true;
      writeGate?.close(RESTORING);
      try {
        return await startRestore(source);
      } catch (error) {
        busy = false;
        writeGate?.open();
        throw error;
      }
    },
  } satisfies Partial<Handlers>;
}
