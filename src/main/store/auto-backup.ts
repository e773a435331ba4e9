import fs from 'node:fs';
import path from 'node:path';
import { backupsToPrune, type DatedBackup } from '../core/backup-schedule';
import { backupDatabase } from './backup';
import type { Db } from './db';

/** Automatic backups are named `auto-<ISO time>.sqlite`; no other file of the folder is ever pruned. */
export const AUTO_PREFIX = 'auto-';

const AUTO_NAME = /^auto-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-\d+)?\.sqlite$/;

/** A file name's time, as `stamp` wrote it: the instant, to the millisecond, in UTC. */
export const fileStamp = (ms: number): string => new Date(ms).toISOString().replace(/[:.]/g, '-');

/** The automatic backups in `dir`, with the time their names carry (a copied file keeps it; its mtime may not). */
export function listAutoBackups(dir: string): DatedBackup[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).flatMap((name) => {
    const m = AUTO_NAME.exec(name);
    if (!m) return [];
    const createdAt = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
    return Number.isNaN(createdAt) ? [] : [{ name, createdAt }];
  });
}

export interface AutoBackupResult {
  fileName: string;
  bytes: number;
  ms: number;
  pruned: string[];
}

/**
 * Makes an automatic backup of `db` in `dir`, checked before it is kept (backupDatabase), and only then prunes
 * the older automatic ones the schedule no longer keeps. A backup that fails its check prunes nothing.
 */
export async function makeAutoBackup(db: Db, dir: string, now: number): Promise<AutoBackupResult> {
  const started = performance.now();
  let fileName = `${AUTO_PREFIX}${fileStamp(now)}.sqlite`;
  for (let n = 2; fs.existsSync(path.join(dir, fileName)); n++)
    fileName = `${AUTO_PREFIX}${fileStamp(now)}-${n}.sqlite`;
  const file = path.join(dir, fileName);
  await backupDatabase(db, file);
  const pruned = backupsToPrune(listAutoBackups(dir));
  for (const name of pruned) fs.rmSync(path.join(dir, name), { force: true });
  return { fileName, bytes: fs.statSync(file).size, ms: performance.now() - started, pruned };
}
