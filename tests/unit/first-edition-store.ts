/**
 * The store most api tests start from: in memory, with the first edition of the Django deck (frozen, so the tests
 * can name its questions and keywords), an api on a clock the test moves, and calls through the bridge's checks.
 * A test file calls useFirstEditionStore() once; db, api and t are then fresh in every test.
 */
import { afterEach, beforeEach } from 'vitest';
import type { CallName, ErrorCode, InputOf, ResultOf } from '../../src/shared/api';
import type { Handlers } from '../../src/main/api';
import type { Db } from '../../src/main/store/database';
import { callApi, failureOf, firstEditionDjango, memoryApi } from './harness';

export const S = 1_000;
export const MIN = 60 * S;
export const START = Date.UTC(2026, 2, 10, 9, 0, 0);

export let t: number;
export const clock = { now: () => t };
export let db: Db;
export let api: Handlers;

/** A new store in memory with the first edition of the Django deck, and its api; the clock is left where it is. */
export function freshStore(): void {
  ({ db, api } = memoryApi(clock, START, firstEditionDjango()));
}

/** A fresh store and api before each test, at START; closed after it. */
export function useFirstEditionStore(): void {
  beforeEach(() => {
    t = START;
    freshStore();
  });
  afterEach(() => {
    if (db.open) db.close();
  });
}

export function setNow(value: number): void {
  t = value;
}

export function advance(ms: number): void {
  t += ms;
}

/** The api as a restarted app makes it (same store): what it holds in memory is gone. */
export function setApi(value: Handlers): void {
  api = value;
}

export const call = <K extends CallName>(name: K, input?: InputOf<K>, on: Handlers = api): Promise<ResultOf<K>> =>
  callApi(on, name, input);

export const failure = (
  name: string,
  input?: unknown,
  on: Handlers = api,
): Promise<{ code: ErrorCode; message: string }> => failureOf(on, name, input);

/** The id of a question of the deck by its key in the deck's Markdown. */
export const idOf = (key: string): number =>
  db.prepare('SELECT id FROM questions WHERE source_key = ?').pluck().get(key) as number;
