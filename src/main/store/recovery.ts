import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BackupInfo } from '../../shared/transfer';
import { listBackupFiles, prepareRestore } from './backup';
import { DB_FILE } from './database';

/** Where the damaged data file is kept when the person chooses what to do: beside it, never deleted. */
export function damagedFileName(dataDir: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  return path.join(dataDir, `prepdeck.damaged-${stamp}.sqlite`);
}

/**
 * The newest backup in the backups folder that passes every check a restore makes (integrity, Prepdeck's tables,
 * a version this app reads), with the checked and migrated copy of it in `workDir`; null when none does.
 */
export function newestGoodBackup(backupsDir: string, workDir: string): { info: BackupInfo; copy: string } | null {
  for (const info of listBackupFiles(backupsDir)) {
    if (info.counts === null) continue;
    try {
      return { info, copy: prepareRestore(path.join(backupsDir, info.fileName), workDir) };
    } catch {
      // Not restorable: the next older one may be.
    }
  }
  return null;
}

/** Like newestGoodBackup, for a look only: the checked copy goes away. */
export function peekNewestGoodBackup(backupsDir: string): BackupInfo | null {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-recovery-'));
  try {
    return newestGoodBackup(backupsDir, work)?.info ?? null;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Moves the data file (and its -wal and -shm, so the copy still holds everything SQLite had) to `keepAs`, and
 * puts `replacement` in its place when given (else the next open starts an empty store).
 */
export function setDamagedAside(dataDir: string, keepAs: string, replacement: string | null): void {
  const file = path.join(dataDir, DB_FILE);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, keepAs + suffix);
  }
  fs.renameSync(file, keepAs);
  if (replacement) fs.copyFileSync(replacement, file);
}
