/** Sessions: nothing is lost when the app crashes mid-session. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppCore } from '../../../src/main/app';
import { useFirstEditionStore, S, MIN, clock, call, advance } from '../first-edition-store';
import { planOf, attemptRows } from './fixture';

useFirstEditionStore();

describe('nothing lost: a crash mid-session', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-sessions-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every answer given and offers the session again when the app reopens', async () => {
    const first = await openAppCore(dir, clock);
    const questions = (first.db.prepare('SELECT count(*) FROM questions').pluck().get() as number) || 0;
    const on = first.api;
    let view = await call('startSession', { levels: ['Beginner'], count: 3, order: 'escalating' }, on);
    const plan = planOf(view.id, first.db);
    advance(12 * S);
    view = await call(
      'submitAnswer',
      { sessionId: view.id, position: 0, answer: 'first answer MVT', reason: 'answer' },
      on,
    );
    await call('gradeAttempt', { sessionId: view.id, attemptId: view.revealed!.id, grade: 3 }, on);
    view = await call('nextQuestion', { sessionId: view.id }, on);
    advance(20 * S);
    view = await call(
      'submitAnswer',
      { sessionId: view.id, position: 1, answer: 'second answer', reason: 'answer' },
      on,
    );
    view = await call('nextQuestion', { sessionId: view.id }, on);
    advance(5 * S);
    await call('saveDraft', { sessionId: view.id, position: 2, text: 'being typed when it died' }, on);
    advance(1 * S);
    // Killed: no endSession, no clean shutdown of the session.
    first.close();

    advance(10 * MIN);
    const second = await openAppCore(dir, clock);
    try {
      expect(second.db.prepare('SELECT count(*) FROM questions').pluck().get()).toBe(questions);
      const rows = attemptRows(view.id, second.db);
      expect(rows.map((r) => [r.position, r.question_id, r.answer, r.outcome, r.time_used_ms, r.self_grade])).toEqual([
        [0, plan[0], 'first answer MVT', 'answered', 12 * S, 3],
        [1, plan[1], 'second answer', 'answered', 20 * S, null],
      ]);
      const active = await call('getActiveSession', undefined, second.api);
      expect(active).toMatchObject({ id: view.id, status: 'active', position: 2, phase: 'asking', answeredCount: 2 });
      const resumed = await call('resumeSession', { sessionId: view.id }, second.api);
      expect(resumed.current!.remainingMs).toBe(resumed.current!.timeAllowedMs - 5 * S);
      expect(resumed.current!.draft).toBe('being typed when it died');
      expect(resumed.current!.question.id).toBe(plan[2]);
      const results = await call('getSessionResults', { sessionId: view.id }, second.api);
      expect(results.attempts.map((a) => a.answer)).toEqual(['first answer MVT', 'second answer']);
      expect(results.session.status).toBe('active');
    } finally {
      second.close();
    }
  });

  it('a crash right after an answer reopens on that answer, not on a new question', async () => {
    const first = await openAppCore(dir, clock);
    let view = await call('startSession', { levels: ['Beginner'], count: 2, order: 'random' }, first.api);
    advance(9 * S);
    view = await call('submitAnswer', { sessionId: view.id, position: 0, answer: 'kept', reason: 'answer' }, first.api);
    first.close();

    const second = await openAppCore(dir, clock);
    try {
      const active = await call('getActiveSession', undefined, second.api);
      expect(active).toMatchObject({ id: view.id, position: 0, phase: 'revealed', answeredCount: 1 });
      expect(active!.revealed).toMatchObject({ answer: 'kept', timeUsedMs: 9 * S });
      const next = await call('nextQuestion', { sessionId: view.id }, second.api);
      expect(next).toMatchObject({ position: 1, phase: 'asking' });
    } finally {
      second.close();
    }
  });
});
