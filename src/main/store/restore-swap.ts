import { BackupFileError } from './backup';
import type { Db } from './db';

type Schema = 'main' | 'restore_source';

interface TableSpec {
  name: string;
  columns: string[];
}

function tablesOf(db: Db, schema: Schema): TableSpec[] {
  const names = db
    .prepare<[], { name: string }>(
      `SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all()
    .map((r) => r.name);
  return names.map((name) => ({
    name,
    columns: db
      .prepare<[string, string], { name: string }>(`SELECT name FROM pragma_table_info(?, ?)`)
      .all(name, schema)
      .map((c) => c.name),
  }));
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Rows copied per statement: a cancel is seen, and progress moves, after each. */
const SWAP_CHUNK_ROWS = 20_000;

export interface SwapOptions {
  /** How many rows of the backup are across, of how many. */
  onProgress?: (done: number, total: number) => void;
  /** Asked between chunks; true rolls everything back. */
  cancelled?: () => boolean;
  chunkRows?: number;
}

/** The key a table's rows are walked by: its rowid, or a WITHOUT ROWID table's primary key columns. */
function walkKey(db: Db, table: string): string[] {
  const withoutRowid =
    db
      .prepare<[string, string], { wr: number }>('SELECT wr FROM pragma_table_list WHERE name = ? AND schema = ?')
      .get(table, 'restore_source')?.wr === 1;
  if (!withoutRowid) return ['rowid'];
  return db
    .prepare<[string, string], { name: string }>('SELECT name FROM pragma_table_info(?, ?) WHERE pk > 0 ORDER BY pk')
    .all(table, 'restore_source')
    .map((c) => quote(c.name));
}

/**
 * Copies one table of the backup into the emptied live one, a chunk of rows at a time in key order: the end of each
 * chunk is found by walking the key's index from the last one, so each row is read a bounded number of times however
 * big the table. Returns false as soon as `stop` says so.
 */
function copyTable(db: Db, t: TableSpec, chunkRows: number, moved: (rows: number) => void, stop: () => boolean) {
  const cols = t.columns.map(quote).join(', ');
  const key = walkKey(db, t.name);
  const k = key.join(', ');
  const marks = `(${key.map(() => '?').join(', ')})`;
  const from = `FROM restore_source.${quote(t.name)}`;
  const after = (lower: unknown[] | null): string => (lower ? `(${k}) > ${marks}` : '1');
  for (let lower: unknown[] | null = null; ;) {
    if (stop()) return false;
    const upper = db
      .prepare(`SELECT ${k} ${from} WHERE ${after(lower)} ORDER BY ${k} LIMIT 1 OFFSET ?`)
      .raw()
      .get(...(lower ?? []), chunkRows - 1) as unknown[] | undefined;
    const where = upper ? `${after(lower)} AND (${k}) <= ${marks}` : after(lower);
    const copied = db
      .prepare(`INSERT INTO main.${quote(t.name)} (${cols}) SELECT ${cols} ${from} WHERE ${where} ORDER BY ${k}`)
      .run(...(lower ?? []), ...(upper ?? []));
    moved(copied.changes);
    if (!upper) return !stop();
    lower = upper;
  }
}

/**
 * Replaces every row of the database `db` is connected to with the rows of `candidate` (a file prepareRestore checked,
 * with the same schema), in ONE transaction: a failure or a cancel rolls it all back and changes nothing. The app
 * runs it in a worker on a connection of its own, so the main connection keeps answering reads (WAL: they see the
 * old data until the commit, the new data after it; its cached statements are re-prepared by SQLite when the schema
 * cookie moves). Triggers are dropped for the copy and recreated in the same transaction, so derived tables (the
 * stats rollups) come across exactly as they were rather than being counted twice. Foreign keys are not checked row
 * by row: the candidate passed `foreign_key_check`, and every table is replaced whole. Returns 'cancelled' when
 * `cancelled` said so before the commit.
 */
export function replaceAllData(db: Db, candidate: string, options: SwapOptions = {}): 'done' | 'cancelled' {
  const { onProgress = () => {}, cancelled = () => false, chunkRows = SWAP_CHUNK_ROWS } = options;
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.prepare('ATTACH DATABASE ? AS restore_source').run(candidate);
  try {
    const live = tablesOf(db, 'main');
    const incoming = tablesOf(db, 'restore_source');
    if (JSON.stringify(live) !== JSON.stringify(incoming)) {
      throw new BackupFileError('This backup does not have the tables this version of Prepdeck expects.');
    }
    const triggers = db
      .prepare<[], { name: string; sql: string }>(
        "SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL",
      )
      .all();
    const hasSequence = ['main', 'restore_source'].every(
      (schema) =>
        db.prepare(`SELECT 1 FROM ${schema}.sqlite_master WHERE name = 'sqlite_sequence'`).get() !== undefined,
    );
    const total = live.reduce(
      (sum, t) =>
        sum +
        (db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM restore_source.${quote(t.name)}`).get()?.n ?? 0),
      0,
    );
    let done = 0;
    onProgress(0, total);
    const moved = (rows: number): void => onProgress((done += rows), total);
    db.pragma('foreign_keys = OFF');
    db.exec('BEGIN IMMEDIATE');
    try {
      for (const t of triggers) db.exec(`DROP TRIGGER main.${quote(t.name)}`);
      for (const t of live) db.exec(`DELETE FROM main.${quote(t.name)}`);
      for (const t of live) {
        if (!copyTable(db, t, chunkRows, moved, cancelled)) {
          db.exec('ROLLBACK');
          return 'cancelled';
        }
      }
      if (hasSequence) {
        db.exec('DELETE FROM main.sqlite_sequence');
        db.exec('INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM restore_source.sqlite_sequence');
      }
      for (const t of triggers) db.exec(t.sql);
      if (cancelled()) {
        db.exec('ROLLBACK');
        return 'cancelled';
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    db.exec('DETACH DATABASE restore_source');
  }
  return 'done';
}
