/**
 * Crash safety: the browser-mode server is killed with SIGKILL while a script answers as fast as it can, 30 times.
 * Each round the kill is armed after a seeded number of acknowledged answers (so how much is saved does not depend
 * on the machine's speed) and lands a seeded few milliseconds later: between calls or inside one. After each kill, every answer the server acknowledged is in the file, SQLite's
 * integrity check passes, and after a restart the session picks up where it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { startServer } from './fixtures';

const KILLS = 30;
const SEED = 13;

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface View {
  id: number;
  status: string;
  phase: 'asking' | 'revealed' | 'done';
  position: number;
  answeredCount: number;
}

class Killed extends Error {}

function client(url: string) {
  const { origin, searchParams } = new URL(url);
  const token = searchParams.get('token') ?? '';
  return async <T>(name: string, input?: unknown): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(`${origin}/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Prepdeck-Token': token },
        body: input === undefined ? '' : JSON.stringify(input),
      });
    } catch {
      throw new Killed();
    }
    const envelope = (await response.json().catch(() => {
      throw new Killed();
    })) as { ok: boolean; value?: T; error?: { message: string } };
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error?.message}`);
    return envelope.value as T;
  };
}

test('every acknowledged answer survives 30 SIGKILLs at random moments', async () => {
  test.setTimeout(90_000);
  const started = Date.now();
  const next = random(SEED);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-crash-'));
  /** Answer text → the session and position the server acknowledged it at. */
  const acknowledged = new Map<string, { sessionId: number; position: number }>();
  let lastSession: { id: number; answered: number } | null = null;
  try {
    for (let kill = 0; kill < KILLS; kill++) {
      const { child, url } = await startServer(dataDir);
      const call = client(url);
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

      // The session resumes where it was: every acknowledged answer of it counted.
      let view = await call<View | null>('getActiveSession');
      if (view && lastSession && view.id === lastSession.id) {
        expect(view.answeredCount).toBeGreaterThanOrEqual(lastSession.answered);
      }
      view = view
        ? await call<View>('resumeSession', { sessionId: view.id })
        : await call<View>('startSession', { count: 35, order: 'random' });

      const armAfter = 1 + Math.floor(next() * 6);
      const killDelay = Math.floor(next() * 8);
      let acknowledgedThisRound = 0;
      let timer: NodeJS.Timeout | undefined;
      try {
        for (let n = 0; ; n++) {
          if (view.phase === 'done' || view.status !== 'active') {
            view = await call<View>('startSession', { count: 35, order: 'random' });
          } else if (view.phase === 'revealed') {
            view = await call<View>('nextQuestion', { sessionId: view.id });
          } else {
            const answer = `kill ${kill} answer ${n}: the ORM maps models to tables`;
            const position: number = view.position;
            view = await call<View>('submitAnswer', { sessionId: view.id, position, answer, reason: 'answer' });
            acknowledged.set(answer, { sessionId: view.id, position });
            lastSession = { id: view.id, answered: view.answeredCount };
            if (++acknowledgedThisRound === armAfter) timer = setTimeout(() => child.kill('SIGKILL'), killDelay);
          }
        }
      } catch (error) {
        if (!(error instanceof Killed)) throw error;
      } finally {
        clearTimeout(timer);
      }
      await exited;

      const db = new Database(path.join(dataDir, 'prepdeck.sqlite'));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const saved = new Map(
          (
            db.prepare('SELECT answer, session_id, position FROM attempts').all() as Array<{
              answer: string;
              session_id: number;
              position: number;
            }>
          ).map((r) => [r.answer, { sessionId: r.session_id, position: r.position }]),
        );
        for (const [answer, where] of acknowledged) expect(saved.get(answer), answer).toEqual(where);
      } finally {
        db.close();
      }
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `crash test: ${KILLS} kills, ${acknowledged.size} acknowledged answers, all kept, ${seconds.toFixed(1)} s`,
    );
    // At least one answer a round was acknowledged before its kill: the check above had something to find.
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILLS);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
