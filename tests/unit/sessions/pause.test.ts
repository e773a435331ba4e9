/** Sessions: pausing and resuming the clock. */
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../src/main/api';
import { useFirstEditionStore, S, MIN, START, clock, db, call, failure, advance } from '../first-edition-store';
import { attemptRows, startThree, submit } from './fixture';

useFirstEditionStore();

describe('pause and resume', () => {
  it('freezes the clock while paused and does not count paused time as time used', async () => {
    let view = await startThree();
    advance(10 * S);
    view = await call('pauseSession', { sessionId: view.id });
    expect(view.current).toMatchObject({ paused: true, remainingMs: 50 * S });
    advance(5 * MIN);
    expect((await call('getSession', { sessionId: view.id })).current).toMatchObject({
      paused: true,
      remainingMs: 50 * S,
    });
    view = await call('unpauseSession', { sessionId: view.id });
    expect(view.current).toMatchObject({ paused: false, remainingMs: 50 * S });
    advance(20 * S);
    expect((await call('getSession', { sessionId: view.id })).current!.remainingMs).toBe(30 * S);
    view = await submit(view, 'MVT');
    // Five and a half minutes after the start, but only 30 s of it answering.
    expect(view.revealed).toMatchObject({ outcome: 'answered', timeUsedMs: 30 * S, pausedMs: 5 * MIN });
    expect(attemptRows(view.id)[0]).toMatchObject({
      time_used_ms: 30 * S,
      paused_ms: 5 * MIN,
      deadline: START + 60 * S + 5 * MIN,
    });
  });

  it('a second pause keeps the first pause start; a second unpause changes nothing', async () => {
    let view = await startThree();
    advance(10 * S);
    await call('pauseSession', { sessionId: view.id });
    advance(10 * S);
    view = await call('pauseSession', { sessionId: view.id });
    expect(view.current!.remainingMs).toBe(50 * S);
    advance(10 * S);
    await call('unpauseSession', { sessionId: view.id });
    advance(10 * S);
    view = await call('unpauseSession', { sessionId: view.id });
    expect(view.current).toMatchObject({ paused: false, remainingMs: 40 * S });
    view = await submit(view, 'MVT');
    expect(view.revealed).toMatchObject({ timeUsedMs: 20 * S, pausedMs: 20 * S });
  });

  it('answering while paused settles the pause first', async () => {
    let view = await startThree();
    advance(15 * S);
    await call('pauseSession', { sessionId: view.id });
    advance(10 * MIN);
    view = await submit(view, 'MVT');
    expect(view.revealed).toMatchObject({ outcome: 'answered', timeUsedMs: 15 * S, pausedMs: 10 * MIN });
  });

  it('a strict session refuses to pause, and its clock keeps running', async () => {
    const view = await startThree({ strict: true });
    advance(10 * S);
    const error = await failure('pauseSession', { sessionId: view.id });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/strict/);
    advance(10 * S);
    expect((await call('getSession', { sessionId: view.id })).current).toMatchObject({
      paused: false,
      remainingMs: 40 * S,
    });
  });

  it('refuses to pause an ended session and an unknown one', async () => {
    const view = await startThree();
    await submit(view, 'MVT');
    await call('endSession', { sessionId: view.id });
    expect((await failure('pauseSession', { sessionId: view.id })).code).toBe('conflict');
    expect((await failure('pauseSession', { sessionId: 999 })).code).toBe('not_found');
    expect((await failure('pauseSession', { sessionId: 0 })).code).toBe('invalid_input');
  });
});

describe('resuming a session', () => {
  it('resuming after the app was closed, with nothing typed, goes on with the time the question had at its start, no more', async () => {
    let view = await startThree();
    advance(20 * S);
    view = await submit(view, 'MVT architecture');
    view = await call('nextQuestion', { sessionId: view.id });
    advance(30 * S);
    // The app closes here; two hours later it starts again.
    advance(2 * 60 * MIN);
    const reopened = createApi(db, clock);
    const active = await call('getActiveSession', undefined, reopened);
    expect(active).toMatchObject({ id: view.id, status: 'active', position: 1, phase: 'asking', answeredCount: 1 });
    expect(active!.current!.remainingMs).toBeLessThan(0);

    view = await call('resumeSession', { sessionId: view.id }, reopened);
    expect(view.current).toMatchObject({ timeAllowedMs: 90 * S, remainingMs: 90 * S, paused: false, draft: '' });
    advance(10 * S);
    view = await call(
      'submitAnswer',
      { sessionId: view.id, position: 1, answer: 'makemigrations', reason: 'answer' },
      reopened,
    );
    // The time away is paused time, not time used.
    expect(view.revealed).toMatchObject({ outcome: 'answered', timeUsedMs: 10 * S, pausedMs: 30 * S + 2 * 60 * MIN });
  });

  it('resuming after the app was closed gives the time left at the last draft save, and the draft', async () => {
    let view = await startThree();
    advance(25 * S);
    expect(await call('saveDraft', { sessionId: view.id, position: 0, text: 'Django is an MVT' })).toEqual({
      saved: true,
    });
    advance(4 * S); // typed on, but the next save never came: the app crashed
    advance(60 * MIN);
    const reopened = createApi(db, clock);
    expect((await call('getActiveSession', undefined, reopened))!.current!.draft).toBe('Django is an MVT');
    view = await call('resumeSession', { sessionId: view.id }, reopened);
    expect(view.current).toMatchObject({ remainingMs: 35 * S, paused: false, draft: 'Django is an MVT' });
    advance(5 * S);
    view = await call(
      'submitAnswer',
      { sessionId: view.id, position: 0, answer: 'Django is an MVT framework', reason: 'answer' },
      reopened,
    );
    expect(view.revealed).toMatchObject({ timeUsedMs: 30 * S, answer: 'Django is an MVT framework' });
  });

  it('resuming in the same run of the app changes nothing: the clock kept running', async () => {
    let view = await startThree();
    advance(25 * S);
    await call('saveDraft', { sessionId: view.id, position: 0, text: 'draft' });
    advance(20 * S); // the person went to another page; the clock runs on
    view = await call('resumeSession', { sessionId: view.id });
    expect(view.current).toMatchObject({ remainingMs: 15 * S, draft: 'draft' });
  });

  it('resuming a session left paused keeps it paused, with the time it had at the pause', async () => {
    let view = await startThree();
    advance(40 * S);
    await call('pauseSession', { sessionId: view.id });
    advance(60 * MIN);
    const reopened = createApi(db, clock);
    view = await call('resumeSession', { sessionId: view.id }, reopened);
    expect(view.current).toMatchObject({ paused: true, remainingMs: 20 * S, timeAllowedMs: 60 * S });
    advance(10 * MIN);
    view = await call('unpauseSession', { sessionId: view.id }, reopened);
    expect(view.current).toMatchObject({ paused: false, remainingMs: 20 * S });
    advance(5 * S);
    view = await call('submitAnswer', { sessionId: view.id, position: 0, answer: 'MVT', reason: 'answer' }, reopened);
    expect(view.revealed).toMatchObject({ timeUsedMs: 45 * S, pausedMs: 70 * MIN });
  });

  it('resuming on the answer screen leaves it there', async () => {
    let view = await startThree();
    view = await submit(view, 'MVT');
    advance(60 * MIN);
    view = await call('resumeSession', { sessionId: view.id });
    expect(view).toMatchObject({ phase: 'revealed', position: 0, current: null });
    expect(attemptRows(view.id)).toHaveLength(1);
  });

  it('refuses to resume a session that has ended', async () => {
    const view = await startThree();
    await submit(view, 'MVT');
    await call('endSession', { sessionId: view.id });
    expect((await failure('resumeSession', { sessionId: view.id })).code).toBe('conflict');
    expect((await failure('resumeSession', { sessionId: 4242 })).code).toBe('not_found');
  });
});
