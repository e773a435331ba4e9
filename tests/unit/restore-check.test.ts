import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src/main/api';
import type { WorkerSpec } from '../../src/main/jobs/history-export';
import { openDb, type Db } from '../../src/main/store/database';
import { generateHistory } from '../bench/generate';
import { callApi, restoreDone, restoreRefused } from './harness';

/** The worker from its source, through tsx: the built app runs out/main/restore-check-worker.mjs instead. */
const WORKER: WorkerSpec = {
  file: path.resolve('src/main/jobs/restore-check-worker.ts'),
  execArgv: ['--import', 'tsx'],
};
const clock = { now: () => Date.UTC(2026, 2, 10, 9, 30) };

let dir: string;
let db: Db;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-restore-check-'));
  db = await openDb(dir);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("a restore's checks in a worker", () => {
  it('restores a good backup, and refuses a file that is not one with the same words, changing nothing', async () => {
    generateHistory(db, 120);
    const api = createApi(db, clock, { dataDir: dir, restoreCheckWorker: WORKER });
    const backup = await callApi(api, 'createBackup');
    db.prepare('DELETE FROM attempts').run();

    const restored = await restoreDone(api, { source: { kind: 'backup', fileName: backup.fileName } });
    expect(restored.restored.attempts).toBe(120);

    fs.writeFileSync(path.join(dir, 'backups', 'not-a-backup.sqlite'), 'hello, not SQLite');
    expect(await restoreRefused(api, { source: { kind: 'backup', fileName: 'not-a-backup.sqlite' } })).toBe(
      'This file is not a Prepdeck backup: it is not an SQLite database. Nothing was changed.',
    );
    expect((await callApi(api, 'listBackups')).current.attempts).toBe(120);
  });
});
