/** Sessions: results and history, and the setup's presets and remembered choices. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_PER_LEVEL } from '../../../src/main/api/sessions';
import { useFirstEditionStore, S, MIN, t, call, failure, idOf, advance } from '../first-edition-store';
import { attemptRows, startThree, submit } from './fixture';

useFirstEditionStore();

describe('results and history', () => {
  it('sums several graded sessions; weak questions are graded Missed or Partial, or name few keywords', async () => {
    let view = await startThree();
    const grades = [2, 4, 1] as const;
    for (const [i, grade] of grades.entries()) {
      view = await submit(view, i === 2 ? '' : 'MVT architecture and rapid development, makemigrations');
      view = await call('gradeAttempt', { sessionId: view.id, attemptId: view.revealed!.id, grade });
      view = await call('nextQuestion', { sessionId: view.id });
    }
    const results = await call('getSessionResults', { sessionId: view.id });
    expect(results.gradeScore).toBeCloseTo((1 / 3 + 1 + 0) / 3, 12);
    // Partial; Nailed but naming 1 of 4 keywords (under half); Missed.
    expect(results.weakQuestionIds).toEqual([idOf('what-is-django'), idOf('migrations'), idOf('transactions')]);
    expect(results.byLevel.map((l) => [l.level, l.meanGrade])).toEqual([
      ['Beginner', 2],
      ['Intermediate', 4],
      ['Advanced', 1],
    ]);
    const transactions = await call('getQuestion', { id: idOf('transactions') });
    // The empty Advanced answer missed every one of its keywords.
    for (const k of transactions.keywords) {
      expect(results.missedKeywords.find((m) => m.keywordId === k.id)).toMatchObject({ missed: 1, asked: 1 });
    }
  });

  it('an answer left ungraded can be graded after the session, from its results', async () => {
    let view = await startThree();
    view = await submit(
      view,
      'Django follows the MVT architecture: models hold the data and templates render it. It is a Python ' +
        'framework built for rapid development, so a small team can ship quickly.',
    );
    const attemptId = view.revealed!.id;
    // Named in sentences of its own: a full keyword score, so only the missing grade makes it weak.
    expect(view.revealed!.keywordScore).toBe(1);
    view = await call('nextQuestion', { sessionId: view.id });
    view = await call('endSession', { sessionId: view.id });
    expect(view.status).toBe('ended');
    let results = await call('getSessionResults', { sessionId: view.id });
    expect(results.weakQuestionIds).toEqual([idOf('what-is-django')]);

    advance(60 * MIN);
    await call('gradeAttempt', { sessionId: view.id, attemptId, grade: 4 });
    results = await call('getSessionResults', { sessionId: view.id });
    expect(results.attempts[0]!.selfGrade).toBe(4);
    expect(results.gradeScore).toBe(1);
    expect(results.weakQuestionIds).toEqual([]);
    expect(attemptRows(view.id)[0]).toMatchObject({ self_grade: 4, graded_at: t });
  });

  it('has no scores for a session with nothing graded or typed, and counts a skip as keywords missed', async () => {
    let view = await startThree();
    view = await submit(view, '', 'skip');
    view = await call('endSession', { sessionId: view.id });
    const results = await call('getSessionResults', { sessionId: view.id });
    // Not graded: offered for practice again.
    expect(results).toMatchObject({ gradeScore: null, keywordScore: null, weakQuestionIds: [idOf('what-is-django')] });
    // The skipped question's keywords were asked and not named.
    expect(results.missedKeywords.map((m) => [m.label, m.missed, m.asked])).toEqual([
      ['MVT architecture', 1, 1],
      ['Python framework', 1, 1],
      ['rapid development', 1, 1],
    ]);
    expect((await failure('getSessionResults', { sessionId: 777 })).code).toBe('not_found');
  });

  it('lists sessions newest first, with paging', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      advance(MIN);
      const view = await call('startSession', { levels: ['Beginner'], count: 2, order: 'random' });
      await submit(view, 'MVT');
      ids.push(view.id);
    }
    const all = await call('listSessions', {});
    expect(all.total).toBe(3);
    expect(all.items.map((s) => [s.id, s.status, s.answered, s.total])).toEqual([
      [ids[2], 'active', 1, 2],
      [ids[1], 'ended', 1, 2],
      [ids[0], 'ended', 1, 2],
    ]);
    expect(all.items.map((s) => s.levels)).toEqual([['Beginner'], ['Beginner'], ['Beginner']]);
    expect(all.items[0]!.gradeScore).toBeNull();
    const page = await call('listSessions', { offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, items: [{ id: ids[1] }] });
    expect((await failure('listSessions', { limit: 0 })).code).toBe('invalid_input');
  });
});

describe('setup: presets and remembered choices', () => {
  it('starts with the default times and no last configuration', async () => {
    const setup = await call('getSessionSetup');
    expect(setup.last).toBeNull();
    expect(setup.defaults).toMatchObject({
      timePerLevel: DEFAULT_TIME_PER_LEVEL,
      mode: 'write',
      onTimeout: 'lock',
      strict: false,
      sessionCapMinutes: null,
    });
    expect(DEFAULT_TIME_PER_LEVEL).toEqual({ Beginner: 60, Intermediate: 90, Advanced: 120, Scenario: 180 });
  });

  it('gives back the last configuration and remembers the times per level', async () => {
    await call('startSession', {
      levels: ['Beginner', 'Advanced'],
      count: 7,
      order: 'weakest',
      timePerLevel: { Beginner: 45, Advanced: 150 },
      defaultSeconds: 100,
      sessionCapMinutes: 20,
      mode: 'speak',
      onTimeout: 'overtime',
      strict: true,
    });
    const setup = await call('getSessionSetup');
    expect(setup.last).toEqual({
      deckIds: [],
      levels: ['Beginner', 'Advanced'],
      keywordIds: [],
      questionIds: [],
      count: 7,
      order: 'weakest',
      timePerLevel: { Beginner: 45, Advanced: 150 },
      defaultSeconds: 100,
      sessionCapMinutes: 20,
      mode: 'speak',
      onTimeout: 'overtime',
      strict: true,
    });
    expect(setup.defaults).toMatchObject({
      timePerLevel: { Beginner: 45, Intermediate: 90, Advanced: 150, Scenario: 180 },
      defaultSeconds: 100,
      mode: 'speak',
      onTimeout: 'overtime',
      strict: true,
    });

    // "Practise these again" is a one-off list: it does not become the last configuration.
    await call('startSession', { questionIds: [idOf('migrations')], count: 1, order: 'random' });
    expect((await call('getSessionSetup')).last).toMatchObject({ levels: ['Beginner', 'Advanced'], count: 7 });
  });
  it('a preset runs on its own times and does not change the remembered ones (remember: false)', async () => {
    await call('startSession', { levels: ['Beginner'], count: 2, order: 'random', timePerLevel: { Beginner: 45 } });
    const before = await call('getSessionSetup');
    expect(before.defaults.timePerLevel.Beginner).toBe(45);
    expect(before.presetTimes).toEqual(DEFAULT_TIME_PER_LEVEL);

    const view = await call('startSession', {
      count: 10,
      order: 'escalating',
      timePerLevel: before.presetTimes,
      defaultSeconds: before.presetDefaultSeconds,
      remember: false,
    });
    expect(view.current!.timeAllowedMs).toBe(60 * S);
    const after = await call('getSessionSetup');
    expect(after.defaults.timePerLevel.Beginner).toBe(45);
    expect(after.last).toMatchObject({ levels: ['Beginner'], count: 2 });
  });
});
