import type Database from 'better-sqlite3';
import type { Db } from './db';

/**
 * A statement from the cache: run it, read it, nothing else. It is shared by every caller of the same
 * SQL, so what would change it for the next caller (`.pluck()`, `.raw()`, `.expand()`,
 * `.safeIntegers()`) or hold it open (`.iterate()`) is not offered: the compiler refuses them, and
 * such a caller prepares its own statement with `db.prepare`.
 */
export type Prepared<Row = unknown> = Pick<Database.Statement<unknown[], Row>, 'run' | 'get' | 'all'>;

/** Enough for every fixed statement of the app; statements built from filters come and go. */
const LIMIT = 300;

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * The statement for `source`, compiled once per connection. Compiling costs more than running most of
 * our statements (a save runs a dozen), so the store's functions ask here instead of `db.prepare`.
 * `Row` is the shape of one row the SQL selects (its column names and types), declared once where the
 * SQL is written, so what `get` and `all` return is typed without a cast at each call site.
 */
export function prepared<Row = unknown>(db: Db, source: string): Prepared<Row> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const hit = cache.get(source);
  // Busy only if the same SQL is asked for again while it runs (a user function calling back): a fresh one then.
  if (hit && !hit.busy) {
    // Least recently used goes first: a Map keeps the order of insertion, so re-insert on use.
    cache.delete(source);
    cache.set(source, hit);
    return hit as Database.Statement<unknown[], Row>;
  }
  const statement = db.prepare<unknown[], Row>(source);
  if (!hit) {
    cache.set(source, statement as Database.Statement);
    if (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
  }
  return statement;
}

/** The number an aggregate query selects as `n` (`SELECT count(*) AS n …`): such a query always returns one row. */
export function countOf(db: Db, source: string, ...params: unknown[]): number {
  const row = prepared<{ n: number }>(db, source).get(...params);
  if (row === undefined) throw new Error(`An aggregate query returned no row: ${source}`);
  return row.n;
}
