/** Sessions: a three-question session answered, timed out and skipped. */
import { describe, expect, it } from 'vitest';
import { LATE_GRACE_MS } from '../../../src/main/core/timing';
import { useFirstEditionStore, S, START, t, call, idOf, advance } from '../first-edition-store';
import { attemptRows, hitsOf, startThree, submit } from './fixture';

useFirstEditionStore();

/** The Results page of the three-question session below: sums, levels, missed keywords and weak questions. */
async function expectResultsOfThree(sessionId: number, migrationsId: number): Promise<void> {
  const results = await call('getSessionResults', { sessionId: sessionId });
  expect(results.session).toMatchObject({ id: sessionId, status: 'finished', total: 3, startedAt: START });
  expect(results.attempts.map((a) => a.outcome)).toEqual(['answered', 'timed_out', 'skipped']);
  expect(results.gradeScore).toBeCloseTo((2 / 3 + 0) / 2, 12);
  expect(results.keywordScore).toBeCloseTo((2 / 3 + 1 / 4) / 2, 12);
  expect(results.byLevel).toEqual([
    {
      level: 'Beginner',
      attempts: 1,
      meanGrade: 3,
      meanKeywordScore: expect.closeTo(2 / 3, 12) as number,
      timeUsedMs: 20 * S,
      timeAllowedMs: 60 * S,
    },
    {
      level: 'Intermediate',
      attempts: 1,
      meanGrade: 1,
      meanKeywordScore: 0.25,
      timeUsedMs: 90 * S,
      timeAllowedMs: 90 * S,
    },
    {
      level: 'Advanced',
      attempts: 1,
      meanGrade: null,
      meanKeywordScore: null,
      timeUsedMs: 5 * S,
      timeAllowedMs: 120 * S,
    },
  ]);
  // Most missed first, then by name; the skipped transactions question's four keywords count as missed.
  expect(results.missedKeywords.map((m) => [m.label, m.missed, m.asked])).toEqual([
    ['ACID', 1, 1],
    ['migrate', 1, 1],
    ['Python framework', 1, 1],
    ['rollback', 1, 1],
    ['savepoints', 1, 1],
    ['schema evolution', 1, 1],
    ['transaction.atomic', 1, 1],
    ['version control', 1, 1],
  ]);
  // Graded Missed, and skipped without a grade; the Good answer named two thirds of its keywords.
  expect(results.weakQuestionIds).toEqual([migrationsId, idOf('transactions')]);
}

describe('a 3-question session: answered, timed out, skipped', () => {
  it('records each outcome, time, keyword hits and grades, and adds them up in the results', async () => {
    const django = await call('getQuestion', { id: idOf('what-is-django') });
    const migrations = await call('getQuestion', { id: idOf('migrations') });
    expect(django.keywords.map((k) => k.label)).toEqual(['MVT architecture', 'Python framework', 'rapid development']);
    expect(migrations.keywords.map((k) => k.label)).toEqual([
      'schema evolution',
      'version control',
      'makemigrations',
      'migrate',
    ]);

    let view = await startThree();
    expect(view).toMatchObject({ status: 'active', total: 3, position: 0, phase: 'asking', answeredCount: 0 });
    expect(view.current).toMatchObject({ timeAllowedMs: 60 * S, remainingMs: 60 * S, paused: false });
    expect(view.current!.question).toMatchObject({ id: django.id, level: 'Beginner', deckName: 'Django' });

    // 1. Answered in 20 s, naming two of the three keywords (one of them through an alias).
    advance(20 * S);
    expect((await call('getSession', { sessionId: view.id })).current!.remainingMs).toBe(40 * S);
    view = await submit(view, 'Django follows the MVT architecture, and teams ship quickly with it.');
    expect(view.phase).toBe('revealed');
    expect(view.current).toBeNull();
    const first = view.revealed!;
    const weights = new Map(django.keywords.map((k) => [k.label, k.weight]));
    const total = [...weights.values()].reduce((a, b) => a + b, 0);
    const expectedScore = (weights.get('MVT architecture')! + weights.get('rapid development')!) / total;
    expect(first.keywordScore).toBeCloseTo(expectedScore, 12);
    expect(first.keywordScore).toBeCloseTo(2 / 3, 12);
    expect(first.keywords.map((k) => [k.label, k.hit, k.matchedBy])).toEqual([
      ['MVT architecture', true, 'MVT architecture'],
      ['Python framework', false, null],
      ['rapid development', true, 'ship quickly'],
    ]);
    expect(first.keywords.map((k) => [k.verdict, k.credit])).toEqual([
      ['named', 1],
      ['missed', 0],
      ['alias', 1],
    ]);
    expect(first).toMatchObject({ scorerVersion: 2, scoredByOlderScorer: false });
    expect(first.answerSpans.length).toBe(2);
    expect(first.modelAnswer).toBe(django.answer);
    expect(first).toMatchObject({ outcome: 'answered', timeAllowedMs: 60 * S, timeUsedMs: 20 * S, overtimeMs: 0 });
    expect(hitsOf(first.id)).toEqual({ 'MVT architecture': 1, 'Python framework': 0, 'rapid development': 1 });

    advance(3 * S);
    view = await call('gradeAttempt', { sessionId: view.id, attemptId: first.id, grade: 3 });
    expect(view.revealed!.selfGrade).toBe(3);
    advance(2 * S);
    view = await call('nextQuestion', { sessionId: view.id });
    expect(view).toMatchObject({ position: 1, phase: 'asking', answeredCount: 1, revealed: null });
    expect(view.current).toMatchObject({ timeAllowedMs: 90 * S, remainingMs: 90 * S });
    expect(view.current!.question.id).toBe(migrations.id);

    // 2. The renderer's clock runs out: timed out, with what was typed so far scored.
    advance(90 * S);
    view = await submit(view, 'You run makemigrations and then', 'timeout');
    const second = view.revealed!;
    expect(second).toMatchObject({ outcome: 'timed_out', timeAllowedMs: 90 * S, timeUsedMs: 90 * S });
    expect(second.keywordScore).toBeCloseTo(1 / 4, 12);
    expect(hitsOf(second.id)).toEqual({ 'schema evolution': 0, 'version control': 0, makemigrations: 1, migrate: 0 });
    view = await call('gradeAttempt', { sessionId: view.id, attemptId: second.id, grade: 1 });
    view = await call('nextQuestion', { sessionId: view.id });
    expect(view.current).toMatchObject({ timeAllowedMs: 120 * S, remainingMs: 120 * S });

    // 3. Skipped after 5 s: nothing scored.
    advance(5 * S);
    view = await submit(view, 'half an answer about atomic', 'skip');
    const third = view.revealed!;
    expect(third).toMatchObject({ outcome: 'skipped', keywordScore: null, timeUsedMs: 5 * S, timeAllowedMs: 120 * S });
    expect(third.keywords.every((k) => !k.hit)).toBe(true);
    // A skip names nothing: every keyword is recorded as asked and missed, so skipping cannot hide a weak one.
    expect(hitsOf(third.id)).toEqual({ 'transaction.atomic': 0, ACID: 0, rollback: 0, savepoints: 0 });

    advance(1 * S);
    view = await call('nextQuestion', { sessionId: view.id });
    expect(view).toMatchObject({ status: 'finished', phase: 'done', position: 3, answeredCount: 3, current: null });
    expect(view.endedAt).toBe(t);
    expect(await call('getActiveSession')).toBeNull();

    const rows = attemptRows(view.id);
    expect(
      rows.map((r) => [r.position, r.question_id, r.outcome, r.time_allowed_ms, r.time_used_ms, r.self_grade]),
    ).toEqual([
      [0, django.id, 'answered', 60 * S, 20 * S, 3],
      [1, migrations.id, 'timed_out', 90 * S, 90 * S, 1],
      [2, idOf('transactions'), 'skipped', 120 * S, 5 * S, null],
    ]);
    expect(rows[0]).toMatchObject({ started_at: START, deadline: START + 60 * S, answered_at: START + 20 * S });
    expect(rows[1]).toMatchObject({ started_at: START + 25 * S, deadline: START + 115 * S });
    expect(rows[0]!.keyword_score).toBeCloseTo(2 / 3, 12);
    expect(rows[1]!.keyword_score).toBeCloseTo(0.25, 12);
    expect(rows[2]!.keyword_score).toBeNull();
    expect(rows[0]!.answer).toBe('Django follows the MVT architecture, and teams ship quickly with it.');

    await expectResultsOfThree(view.id, migrations.id);

    const list = await call('listSessions', {});
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: view.id, status: 'finished', total: 3, answered: 3, endedAt: t });
    expect([...list.items[0]!.levels].sort()).toEqual(['Advanced', 'Beginner', 'Intermediate']);
    expect(list.items[0]!.gradeScore).toBeCloseTo(1 / 3, 12);
    expect(list.items[0]!.keywordScore).toBeCloseTo((2 / 3 + 1 / 4) / 2, 12);
  });
});

describe("a session's answers: weighted scores, overtime, default times, speak mode", () => {
  it('scores a typed answer by keyword weight', async () => {
    const deck = await call('createDeck', { name: 'Weights', levels: ['Beginner'] });
    const q = await call('saveQuestion', {
      deckId: deck.id,
      level: 'Beginner',
      prompt: 'How do you keep a payment idempotent?',
      answer: 'Use an idempotency key, a unique constraint and retries with backoff.',
      keywords: [
        { label: 'idempotency key', weight: 3 },
        { label: 'unique constraint', weight: 1 },
        { label: 'exponential backoff', aliases: ['backoff'], weight: 1 },
      ],
    });
    const view = await call('startSession', { questionIds: [q.id], count: 1, order: 'random' });
    const revealed = (await submit(view, 'Send an idempotency key and retry with backoff.')).revealed!;
    expect(revealed.keywordScore).toBeCloseTo((3 + 1) / 5, 12);
    expect(hitsOf(revealed.id)).toEqual({ 'idempotency key': 1, 'unique constraint': 0, 'exponential backoff': 1 });
  });

  it.each([
    { name: 'on time', late: -1, outcome: 'answered', used: 60 * S },
    { name: 'at the deadline', late: 0, outcome: 'answered', used: 60 * S },
    { name: 'within the grace', late: LATE_GRACE_MS, outcome: 'answered', used: 60 * S },
    { name: 'just beyond the grace', late: LATE_GRACE_MS + 1, outcome: 'timed_out', used: 60 * S },
    { name: 'a minute late', late: 60 * S, outcome: 'timed_out', used: 60 * S },
  ])('an answer arriving $name after the deadline is $outcome', async ({ late, outcome, used }) => {
    const view = await startThree();
    advance(60 * S + late);
    const revealed = (await submit(view, 'MVT architecture')).revealed!;
    expect(revealed.outcome).toBe(outcome);
    expect(revealed.timeUsedMs).toBe(late < 0 ? used + late : used);
    expect(attemptRows(view.id)[0]).toMatchObject({ outcome, time_used_ms: late < 0 ? used + late : used });
  });

  it('overtime mode counts a late answer and records how late it was', async () => {
    const view = await startThree({ onTimeout: 'overtime' });
    advance(85 * S);
    const revealed = (await submit(view, 'MVT')).revealed!;
    expect(revealed).toMatchObject({ outcome: 'answered', timeUsedMs: 85 * S, overtimeMs: 25 * S });
    expect(attemptRows(view.id)[0]).toMatchObject({ outcome: 'answered', overtime_ms: 25 * S, time_used_ms: 85 * S });
  });

  it('uses the default time for a level that has none of its own', async () => {
    const view = await call('startSession', {
      questionIds: [idOf('what-is-django')],
      count: 1,
      order: 'random',
      timePerLevel: { Advanced: 300 },
      defaultSeconds: 45,
    });
    expect(view.current).toMatchObject({ timeAllowedMs: 45 * S, remainingMs: 45 * S });
  });

  it('speak mode stores no text and takes the keywords the person ticks', async () => {
    const django = await call('getQuestion', { id: idOf('what-is-django') });
    let view = await call('startSession', { questionIds: [django.id], count: 1, order: 'random', mode: 'speak' });
    advance(30 * S);
    view = await submit(view, 'typed anyway: MVT architecture');
    expect(view.revealed).toMatchObject({ mode: 'speak', answer: '', keywordScore: null, outcome: 'answered' });
    const python = django.keywords.find((k) => k.label === 'Python framework')!;
    view = await call('gradeAttempt', {
      sessionId: view.id,
      attemptId: view.revealed!.id,
      grade: 2,
      namedKeywordIds: [python.id],
    });
    expect(view.revealed!.keywordScore).toBeCloseTo(1 / 3, 12);
    expect(hitsOf(view.revealed!.id)).toEqual({ 'MVT architecture': 0, 'Python framework': 1, 'rapid development': 0 });
  });
});
