/** Sessions: the answer being typed is saved as it is typed. */
import { describe, expect, it } from 'vitest';
import { useFirstEditionStore, S, t, db, call, failure, advance } from '../first-edition-store';
import { attemptRows, startThree, submit } from './fixture';

useFirstEditionStore();

describe('drafts: the answer being typed', () => {
  const draftRows = (sessionId: number) =>
    db
      .prepare('SELECT position, text, saved_at, left_ms FROM drafts WHERE session_id = ? ORDER BY position')
      .all(sessionId);

  it('saves the text with the time left, replaces it on the next save, and shows it in the view', async () => {
    const view = await startThree();
    advance(10 * S);
    await call('saveDraft', { sessionId: view.id, position: 0, text: 'first' });
    advance(2 * S);
    await call('saveDraft', { sessionId: view.id, position: 0, text: 'first words' });
    expect(draftRows(view.id)).toEqual([{ position: 0, text: 'first words', saved_at: t, left_ms: 48 * S }]);
    expect((await call('getSession', { sessionId: view.id })).current!.draft).toBe('first words');
  });

  it('is cleared by the answer, in the same transaction, and a late save of an answered question is refused', async () => {
    let view = await startThree();
    await call('saveDraft', { sessionId: view.id, position: 0, text: 'MVT' });
    view = await submit(view, 'MVT architecture');
    expect(draftRows(view.id)).toEqual([]);
    // A debounced save that was already on its way when Submit was pressed.
    expect(await call('saveDraft', { sessionId: view.id, position: 0, text: 'MVT arch' })).toEqual({ saved: false });
    expect(draftRows(view.id)).toEqual([]);
    view = await call('nextQuestion', { sessionId: view.id });
    expect(view.current!.draft).toBe('');
    expect(await call('saveDraft', { sessionId: view.id, position: 2, text: 'ahead' })).toEqual({ saved: false });
  });

  it('an answer that fails to save keeps the draft (one transaction)', async () => {
    const view = await startThree();
    await call('saveDraft', { sessionId: view.id, position: 0, text: 'kept' });
    // The last write of the answer's transaction fails, after the attempt and the draft's deletion.
    db.exec("CREATE TRIGGER fail BEFORE UPDATE OF cursor ON sessions BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    await failure('submitAnswer', { sessionId: view.id, position: 0, answer: 'kept', reason: 'answer' });
    db.exec('DROP TRIGGER fail');
    expect(attemptRows(view.id)).toEqual([]);
    expect(draftRows(view.id)).toMatchObject([{ position: 0, text: 'kept' }]);
  });

  it('a pause records the time left, keeping the text', async () => {
    const view = await startThree();
    await call('saveDraft', { sessionId: view.id, position: 0, text: 'typed' });
    advance(15 * S);
    await call('pauseSession', { sessionId: view.id });
    expect(draftRows(view.id)).toEqual([{ position: 0, text: 'typed', saved_at: t, left_ms: 45 * S }]);
  });

  it('refuses input the bridge would refuse, and a session that does not exist', async () => {
    const view = await startThree();
    for (const input of [
      { sessionId: view.id, position: 0 },
      { sessionId: view.id, position: -1, text: '' },
      { sessionId: view.id, position: 0, text: 'x'.repeat(50_001) },
      { sessionId: view.id, position: 0, text: 'x', extra: 1 },
    ]) {
      expect((await failure('saveDraft', input)).code).toBe('invalid_input');
    }
    expect((await failure('saveDraft', { sessionId: 999, position: 0, text: 'x' })).code).toBe('not_found');
    expect(draftRows(view.id)).toEqual([]);
  });

  it('ending a session drops its drafts; ending one before any answer removes it from History', async () => {
    const a = await startThree();
    await call('saveDraft', { sessionId: a.id, position: 0, text: 'never submitted' });
    const ended = await call('endSession', { sessionId: a.id });
    expect(ended).toMatchObject({ id: a.id, phase: 'done', discarded: true });
    expect(db.prepare('SELECT count(*) FROM sessions WHERE id = ?').pluck().get(a.id)).toBe(0);
    expect(db.prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(0);
    expect((await call('listSessions', {})).total).toBe(0);

    let b = await startThree();
    b = await submit(b, 'MVT');
    b = await call('nextQuestion', { sessionId: b.id });
    await call('saveDraft', { sessionId: b.id, position: 1, text: 'half' });
    expect(await call('endSession', { sessionId: b.id })).not.toHaveProperty('discarded');
    expect(draftRows(b.id)).toEqual([]);
    expect((await call('listSessions', {})).total).toBe(1);

    // An empty session ended by an older Prepdeck (kept then) is not listed either.
    db.prepare(
      "INSERT INTO sessions (config, plan, status, started_at, ended_at) VALUES ('{}', '[1]', 'ended', 1, 2)",
    ).run();
    expect((await call('listSessions', {})).total).toBe(1);

    // Starting a session over an empty one left open removes that one too.
    await startThree();
    await startThree();
    expect(db.prepare('SELECT status, count(*) AS n FROM sessions GROUP BY status ORDER BY status').all()).toEqual([
      { status: 'active', n: 1 },
      { status: 'ended', n: 2 },
    ]);
  });
});
