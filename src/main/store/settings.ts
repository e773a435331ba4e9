import type { Db } from './db';
import { prepared } from './statements';

export function getSetting<T>(db: Db, key: string): T | null {
  const row = prepared<{ value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(key);
  // A setting is JSON that setSetting wrote from a T; the caller names the T it wrote.
  return row ? (JSON.parse(row.value) as T) : null;
}

export function setSetting(db: Db, key: string, value: unknown): void {
  prepared(
    db,
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}
