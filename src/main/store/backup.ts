import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo, BackupKind, BankCounts } from '../../shared/transfer';
import { integrityProblem, migrate, SCHEMA_VERSION, StoreDamagedError } from './database';
import { userVersion, type Db } from './db';
import { privateDir, privateFile } from './private-files';

export { StoreDamagedError } from './database';

/** The tables every Prepdeck database has had since its first version. */
const CORE_TABLES = [
  'decks',
  'questions',
  'keywords',
  'question_keywords',
  'sessions',
  'attempts',
  'attempt_keywords',
  'settings',
];

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** A file that cannot be restored, with the reason in words; nothing was changed. */
export class BackupFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFileError';
  }
}

export function bankCounts(db: Db): BankCounts {
  const counts = db
    .prepare<[], BankCounts>(
      `SELECT (SELECT count(*) FROM decks) AS decks,
              (SELECT count(*) FROM questions q JOIN decks d ON d.id = q.deck_id
                WHERE q.deleted_at IS NULL) AS questions,
              (SELECT count(*) FROM attempts) AS attempts`,
    )
    .get();
  if (!counts) throw new Error('A query of counts returned no row.');
  return counts;
}

/**
 * Copies the live database to `file` with SQLite's online backup (consistent while the app keeps writing), then
 * turns the copy into a single self-contained file (rollback journal, not WAL), so it can be moved and opened alone.
 * The copy is checked (`PRAGMA integrity_check`) before it takes its name: a backup that a restore would refuse is
 * never kept, and a damaged store is said so (StoreDamagedError) rather than copied.
 */
export async function backupDatabase(
  db: Db,
  file: string,
  report?: (stage: 'copy' | 'check', done: number, total: number) => void,
): Promise<void> {
  privateDir(path.dirname(file));
  const partial = `${file}.partial`;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  try {
    privateFile(partial);
    await db.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        report?.('copy', (totalPages - remainingPages) * pageSize, totalPages * pageSize);
        // better-sqlite3's default step; a caller that reports progress runs in a worker and can take bigger ones.
        return report ? 1024 : 100;
      },
    });
    report?.('check', 0, 0);
    const copy = new Database(partial);
    let problem: string | null;
    try {
      copy.pragma('journal_mode = DELETE');
      problem = integrityProblem(copy);
    } finally {
      copy.close();
    }
    if (problem !== null) {
      throw new StoreDamagedError(
        `Your data file is damaged (SQLite's check says: ${problem}), so no backup was made from it: a restore would refuse it. ` +
          'Restore an earlier backup from the list.',
      );
    }
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

function backupKind(fileName: string): BackupKind {
  if (fileName.startsWith('auto-')) return 'auto';
  if (fileName.startsWith('prepdeck-')) return 'manual';
  if (fileName.startsWith('replaced-')) return 'replaced';
  if (fileName.startsWith('before-migration-')) return 'migration';
  return 'other';
}

/** A backup file as the Backups list shows it: when, why, how big, what it holds. */
export function describeBackup(file: string): BackupInfo {
  const stat = fs.statSync(file);
  const fileName = path.basename(file);
  return { fileName, size: stat.size, createdAt: stat.mtimeMs, kind: backupKind(fileName), counts: backupCounts(file) };
}

/** The backups in `dir` (every `.sqlite` file), newest first. */
export function listBackupFiles(dir: string): BackupInfo[] {
  const names = fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((n) => n.endsWith('.sqlite') && fs.statSync(path.join(dir, n)).isFile())
    : [];
  return names
    .map((n) => describeBackup(path.join(dir, n)))
    .sort((a, b) => b.createdAt - a.createdAt || b.fileName.localeCompare(a.fileName));
}

function isWalFile(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(20);
    fs.readSync(fd, header, 0, 20, 0);
    return header[18] === 2 || header[19] === 2;
  } finally {
    fs.closeSync(fd);
  }
}

/** What a backup file holds, read without writing anything next to it; null when it is not a readable Prepdeck database. */
export function backupCounts(file: string): BankCounts | null {
  let dir: string | null = null;
  try {
    let readable = file;
    // A WAL-mode file opened read-only still gets -shm and -wal files beside it: read a copy instead.
    if (isWalFile(file)) {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-inspect-'));
      readable = path.join(dir, 'copy.sqlite');
      fs.copyFileSync(file, readable);
    }
    const probe = new Database(readable, { readonly: true, fileMustExist: true });
    try {
      return bankCounts(probe);
    } finally {
      probe.close();
    }
  } catch {
    return null;
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

const COPY_CHUNK = 8 * 1024 * 1024;

/** A file copied a chunk at a time (never whole in memory), saying how many bytes are across after each. */
function copyWithProgress(source: string, target: string, size: number, onCopied: (done: number) => void): void {
  const from = fs.openSync(source, 'r');
  try {
    const to = fs.openSync(target, 'wx');
    try {
      const buffer = Buffer.alloc(Math.min(COPY_CHUNK, Math.max(size, 1)));
      let done = 0;
      for (let read; (read = fs.readSync(from, buffer, 0, buffer.length, done)) > 0;) {
        fs.writeSync(to, buffer, 0, read);
        done += read;
        onCopied(done);
      }
    } finally {
      fs.closeSync(to);
    }
  } finally {
    fs.closeSync(from);
  }
}

/**
 * Copies `source` into `workDir` and checks the copy: an SQLite file, intact (integrity and foreign keys), with
 * Prepdeck's tables, from this version of Prepdeck or an older one (migrated up here). Returns the path of the
 * checked copy, ready for replaceAllData. Throws BackupFileError; the source file is never written.
 */
export function prepareRestore(
  source: string,
  workDir: string,
  report: (stage: 'copy' | 'check', done: number, total: number) => void = () => {},
): string {
  const stat = fs.statSync(source, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new BackupFileError('The backup file could not be found.');
  if (stat.size === 0) throw new BackupFileError('The file is empty: it is not a Prepdeck backup.');
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(source, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!head.equals(SQLITE_HEADER)) {
    throw new BackupFileError('This file is not a Prepdeck backup: it is not an SQLite database.');
  }
  const copy = path.join(workDir, 'candidate.sqlite');
  copyWithProgress(source, copy, stat.size, (done) => report('copy', done, stat.size));
  report('check', 0, 0);
  let db: Db;
  try {
    db = new Database(copy, { fileMustExist: true });
  } catch (error) {
    throw new BackupFileError(`This file cannot be opened as a database (${(error as Error).message}).`);
  }
  try {
    let problems: string[];
    try {
      problems = db
        .prepare<[], { integrity_check: string }>('PRAGMA integrity_check')
        .all()
        .map((r) => r.integrity_check);
    } catch (error) {
      throw new BackupFileError(`This file is damaged: ${(error as Error).message}.`);
    }
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new BackupFileError(`This file is damaged (SQLite's integrity check says: ${problems[0] ?? 'nothing'}).`);
    }
    const version = userVersion(db);
    const tables = new Set(
      db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all()
        .map((r) => r.name),
    );
    const missing = CORE_TABLES.filter((t) => !tables.has(t));
    if (version === 0 || missing.length > 0) {
      throw new BackupFileError(
        `This database is not a Prepdeck backup${missing.length ? ` (it has no ${missing.slice(0, 3).join(', ')} table)` : ''}.`,
      );
    }
    if (version > SCHEMA_VERSION) {
      throw new BackupFileError(
        `This backup was made by a newer version of Prepdeck (data format ${version}; this app reads up to ${SCHEMA_VERSION}). ` +
          'Update Prepdeck to restore it.',
      );
    }
    if (db.prepare('PRAGMA foreign_key_check').all().length > 0) {
      throw new BackupFileError(
        'This backup is damaged: some of its answers or keywords point at rows it does not have.',
      );
    }
    db.pragma('journal_mode = DELETE');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } finally {
    db.close();
  }
  return copy;
}
