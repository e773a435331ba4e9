/** What the transfer tests share: a fresh app on disk per test, calls through the bridge, decks to compare. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { type Handlers } from '../../src/main/api';
import { dispatch } from '../../src/main/api/dispatch';
import { Jobs } from '../../src/main/jobs/registry';
import type { AppCore } from '../../src/main/app';
import { type Db } from '../../src/main/store/database';
import { diskApp, storeFileHash } from './harness';

export const NOW = Date.UTC(2026, 2, 10, 9, 30);
export const clock = { now: () => NOW };
export const ARTICLES = path.resolve('tests/fixtures/articles');
export const article = (name: string): string => fs.readFileSync(path.join(ARTICLES, name), 'utf8');

export let dir: string;
export let api: Handlers;
export let db: Db;
export let jobs: Jobs;
let dispose: () => void;

/** Each test of a file that calls this gets a fresh data folder and the app on it. */
export function freshTransferApp(): void {
  beforeEach(async () => {
    let core: AppCore;
    ({ dir, core, dispose } = await diskApp(clock, 'prepdeck-transfer-'));
    ({ api, db, jobs } = core);
  });
  afterEach(() => dispose());
}

export async function call<T>(name: string, input?: unknown, on: Handlers = api): Promise<T> {
  const result = await dispatch(on, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

export async function failure(
  name: string,
  input?: unknown,
  on: Handlers = api,
): Promise<{ code: string; message: string }> {
  const result = await dispatch(on, name, input);
  if (result.ok) throw new Error(`${name} was expected to fail, and answered ${JSON.stringify(result.value)}`);
  return result.error;
}

export const storeHash = (): string => storeFileHash(db, dir);

export const text = (t: string, fileName?: string) => ({ kind: 'text', text: t, ...(fileName ? { fileName } : {}) });
export const bytes = (b: Uint8Array, fileName: string) => ({
  kind: 'bytes',
  base64: Buffer.from(b).toString('base64'),
  fileName,
});

/** A deck's content as a person would compare it: no ids, no timestamps. */
export function deckSnapshot(on: Db, deckName: string, { withKeys = true, withDescription = true } = {}) {
  const deck = on.prepare('SELECT id, name, description, levels FROM decks WHERE name = ?').get(deckName) as
    { id: number; name: string; description: string; levels: string } | undefined;
  if (!deck) return null;
  const questions = (
    on
      .prepare(
        'SELECT id, source_key, level, prompt, answer, tags FROM questions WHERE deck_id = ? AND deleted_at IS NULL ORDER BY position',
      )
      .all(deck.id) as Array<{
      id: number;
      source_key: string | null;
      level: string;
      prompt: string;
      answer: string;
      tags: string;
    }>
  ).map((q) => ({
    ...(withKeys ? { key: q.source_key } : {}),
    level: q.level,
    prompt: q.prompt,
    answer: q.answer,
    tags: JSON.parse(q.tags) as string[],
    keywords: on
      .prepare(
        `SELECT k.label, k.aliases, qk.weight FROM question_keywords qk JOIN keywords k ON k.id = qk.keyword_id
          WHERE qk.question_id = ? ORDER BY qk.position`,
      )
      .all(q.id)
      .map((k) => {
        const row = k as { label: string; aliases: string; weight: number };
        return { label: row.label, aliases: JSON.parse(row.aliases) as string[], weight: row.weight };
      }),
  }));
  return {
    name: deck.name,
    ...(withDescription ? { description: deck.description } : {}),
    levels: JSON.parse(deck.levels) as string[],
    questions,
  };
}

export const questionCount = (): number =>
  (db.prepare('SELECT count(*) AS n FROM questions WHERE deleted_at IS NULL').get() as { n: number }).n;

/** A deck with what breaks naive readers and writers: aliases, weights, ids, tags, own levels, code, quotes. */
export const ROUND_TRIP_DECK = `# Systems, "quoted"

Questions on systems — with a description; and commas.

Levels: Junior, Senior, Staff

## Junior

### What does a load balancer do?

Id: load-balancer
Keywords: load balancer | LB; health checks *2; round robin | round-robin
Tags: networking, basics

It spreads requests across servers and stops sending to unhealthy ones.

- **Health checks** take a server out.
- Algorithms: round robin, least connections.

## Senior

### How do you make a write idempotent?

Id: idempotency
Keywords: idempotency key *3 | idempotency-key; retries
Tags: api

Give each request an idempotency key and store the result:

\`\`\`python
if seen(key):
    return stored(key)  # "same answer", no second write
\`\`\`

## Staff

### Design a rate limiter for 1M users, "per tenant".

Keywords: token bucket; sliding window | sliding-window log; Redis

A token bucket per tenant in Redis, refilled lazily; a sliding window when bursts must be capped.
`;
