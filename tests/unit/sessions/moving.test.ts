/** Sessions: moving through a session, ending it, and its time cap. */
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../src/main/api';
import { useFirstEditionStore, S, t, clock, db, call, failure, idOf, advance, setApi } from '../first-edition-store';
import { attemptRows, sessionRow, startThree, submit } from './fixture';

useFirstEditionStore();

describe('moving through a session', () => {
  it('nextQuestion does nothing while a question is being asked', async () => {
    const view = await startThree();
    advance(5 * S);
    const after = await call('nextQuestion', { sessionId: view.id });
    expect(after).toMatchObject({ position: 0, phase: 'asking', answeredCount: 0 });
    expect(after.current!.remainingMs).toBe(55 * S);
    expect(attemptRows(view.id)).toHaveLength(0);
  });

  it('endSession early ends it: status ended, nothing more can be answered', async () => {
    let view = await startThree();
    view = await submit(view, 'MVT');
    view = await call('nextQuestion', { sessionId: view.id });
    advance(7 * S);
    view = await call('endSession', { sessionId: view.id });
    expect(view).toMatchObject({ status: 'ended', endedAt: t, phase: 'done', current: null, answeredCount: 1 });
    expect(sessionRow(view.id)).toEqual({ status: 'ended', ended_at: t });
    expect(await call('getActiveSession')).toBeNull();

    const error = await failure('submitAnswer', { sessionId: view.id, position: 1, answer: 'x', reason: 'answer' });
    expect(error.code).toBe('conflict');
    expect((await failure('nextQuestion', { sessionId: view.id })).code).toBe('conflict');
    expect(attemptRows(view.id)).toHaveLength(1);

    // Ending twice keeps the first end.
    advance(60 * S);
    expect(await call('endSession', { sessionId: view.id })).toMatchObject({ status: 'ended', endedAt: t - 60 * S });
    expect((await call('getSessionResults', { sessionId: view.id })).session.status).toBe('ended');
  });

  it('ending after every question was answered counts as finished', async () => {
    let view = await startThree();
    for (let i = 0; i < 3; i++) {
      view = await submit(view, 'MVT');
      if (i < 2) view = await call('nextQuestion', { sessionId: view.id });
    }
    view = await call('endSession', { sessionId: view.id });
    expect(view.status).toBe('finished');
  });

  it('submitting the same position twice records one attempt and returns the first', async () => {
    const view = await startThree();
    advance(10 * S);
    const first = await submit(view, 'MVT architecture');
    advance(1 * S);
    const again = await call('submitAnswer', {
      sessionId: view.id,
      position: 0,
      answer: 'a different answer',
      reason: 'timeout',
    });
    expect(again.revealed).toEqual(first.revealed);
    expect(attemptRows(view.id)).toHaveLength(1);
    expect(attemptRows(view.id)[0]).toMatchObject({ answer: 'MVT architecture', outcome: 'answered' });
    expect(db.prepare('SELECT count(*) FROM attempt_keywords').pluck().get()).toBe(3);
  });

  it('submitting a position that is not on screen is a conflict and writes nothing', async () => {
    let view = await startThree();
    const ahead = await failure('submitAnswer', { sessionId: view.id, position: 1, answer: 'x', reason: 'answer' });
    expect(ahead.code).toBe('conflict');
    expect(attemptRows(view.id)).toHaveLength(0);

    view = await submit(view, 'MVT');
    view = await call('nextQuestion', { sessionId: view.id });
    const behind = await failure('submitAnswer', { sessionId: view.id, position: 0, answer: 'y', reason: 'answer' });
    expect(behind.code).toBe('conflict');
    const far = await failure('submitAnswer', { sessionId: view.id, position: 7, answer: 'y', reason: 'answer' });
    expect(far.code).toBe('conflict');
    expect(attemptRows(view.id)).toHaveLength(1);
    expect((await call('getSession', { sessionId: view.id })).phase).toBe('asking');
  });

  it.each([
    { name: 'a negative position', input: { position: -1, answer: '', reason: 'answer' } },
    { name: 'an unknown reason', input: { position: 0, answer: '', reason: 'gave-up' } },
    { name: 'no answer text', input: { position: 0, reason: 'answer' } },
    { name: 'an answer too long', input: { position: 0, answer: 'x'.repeat(50_001), reason: 'answer' } },
  ])('submitAnswer validates its input: $name', async ({ input }) => {
    const view = await startThree();
    expect((await failure('submitAnswer', { sessionId: view.id, ...input })).code).toBe('invalid_input');
    expect(attemptRows(view.id)).toHaveLength(0);
  });
});

describe('moving on: a new session, and the time cap of a session', () => {
  it('starting a new session ends the one left open', async () => {
    const a = await startThree();
    await submit(a, 'MVT');
    advance(30 * S);
    const b = await call('startSession', { levels: ['Scenario'], count: 2, order: 'random' });
    expect(sessionRow(a.id)).toEqual({ status: 'ended', ended_at: t });
    expect((await call('getActiveSession'))!.id).toBe(b.id);
    expect((await failure('submitAnswer', { sessionId: a.id, position: 1, answer: '', reason: 'skip' })).code).toBe(
      'conflict',
    );
  });

  it('a whole-session cap cuts the last question short and ends the session', async () => {
    let view = await call('startSession', {
      questionIds: [idOf('what-is-django'), idOf('project-vs-app'), idOf('key-features')],
      count: 3,
      order: 'random',
      timePerLevel: { Beginner: 60 },
      sessionCapMinutes: 1,
    });
    advance(50 * S);
    view = await submit(view, 'MVT');
    view = await call('nextQuestion', { sessionId: view.id });
    expect(view.current).toMatchObject({ timeAllowedMs: 60 * S, remainingMs: 10 * S });
    expect(view.capReached).toBe(false);
    advance(15 * S);
    view = await submit(view, 'late');
    expect(view.revealed).toMatchObject({ outcome: 'timed_out', timeUsedMs: 10 * S });
    expect(view.capReached).toBe(true);
    view = await call('nextQuestion', { sessionId: view.id });
    expect(view).toMatchObject({ status: 'ended', phase: 'done', answeredCount: 2 });
  });

  it('the cap counts answering time, so a session resumed after the app was closed still has its time', async () => {
    let view = await call('startSession', {
      questionIds: [idOf('what-is-django'), idOf('project-vs-app'), idOf('key-features')],
      count: 3,
      order: 'random',
      timePerLevel: { Beginner: 60 },
      sessionCapMinutes: 2,
    });
    advance(50 * S);
    view = await submit(view, 'MVT');
    advance(5 * 60 * S); // reading the model answer does not count
    view = await call('nextQuestion', { sessionId: view.id });
    expect(view.current).toMatchObject({ remainingMs: 60 * S });
    advance(3 * 60 * 60 * S); // the app was closed for three hours
    setApi(createApi(db, clock));
    view = await call('resumeSession', { sessionId: view.id });
    expect(view.current).toMatchObject({ remainingMs: 60 * S });
    advance(20 * S);
    view = await submit(view, 'apps');
    view = await call('nextQuestion', { sessionId: view.id });
    // 50 s + 20 s used of 120 s: 50 s left for the last question.
    expect(view.current).toMatchObject({ remainingMs: 50 * S });
  });
});
