import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../src/main/store/backup';
import { DB_FILE, openDb } from '../../src/main/store/database';

const mode = (target: string): number => fs.statSync(target).mode & 0o777;

describe.skipIf(process.platform === 'win32')('the data folder is readable by its owner only', () => {
  let root: string;
  let previousUmask: number;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-private-'));
    // The most permissive umask a desktop session has: modes must not depend on it.
    previousUmask = process.umask(0o002);
  });
  afterEach(() => {
    process.umask(previousUmask);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('creates the folder 0700 and the database, its WAL and shared memory 0600', async () => {
    const dir = path.join(root, 'prepdeck');
    const db = await openDb(dir);
    try {
      db.prepare("INSERT INTO settings (key, value) VALUES ('probe', '1')").run();
      expect(mode(dir)).toBe(0o700);
      for (const file of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`]) expect(mode(path.join(dir, file))).toBe(0o600);
    } finally {
      db.close();
    }
  });

  it('tightens a folder and a database that an older Prepdeck left open to others', async () => {
    const dir = path.join(root, 'prepdeck');
    (await openDb(dir)).close();
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, DB_FILE), 0o644);
    const db = await openDb(dir);
    db.close();
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, DB_FILE))).toBe(0o600);
  });

  it('writes backups 0600 in a 0700 backups folder', async () => {
    const dir = path.join(root, 'prepdeck');
    const db = await openDb(dir);
    try {
      const file = path.join(dir, 'backups', 'prepdeck-test.sqlite');
      await backupDatabase(db, file);
      expect(mode(path.join(dir, 'backups'))).toBe(0o700);
      expect(mode(file)).toBe(0o600);
      expect(fs.readFileSync(file).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    } finally {
      db.close();
    }
  });
});
