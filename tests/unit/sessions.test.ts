import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallName, ErrorCode, InputOf, ResultOf } from '../../src/shared/api';
import type { SessionView } from '../../src/shared/session-types';
import { createApi, type Handlers } from '../../src/main/api';
import { DEFAULT_TIME_PER_LEVEL } from '../../src/main/api/sessions';
import { openAppCore } from '../../src/main/app';
import { LATE_GRACE_MS } from '../../src/main/core/timing';
import type { Db } from '../../src/main/store/database';
import { callApi, failureOf, firstEditionDjango, memoryApi } from './harness';

const S = 1_000;
const MIN = 60 * S;
const START = Date.UTC(2026, 2, 10, 9, 0, 0);

let t: number;
const clock = { now: () => t };
let db: Db;
let api: Handlers;

beforeEach(() => {
  t = START;
  // The first edition of the Django deck, frozen: these tests are about sessions, and name its questions and keywords.
  ({ db, api } = memoryApi(clock, START, firstEditionDjango()));
});
afterEach(() => {
  if (db.open) db.close();
});

const call = <K extends CallName>(name: K, input?: InputOf<K>, on: Handlers = api): Promise<ResultOf<K>> =>
  callApi(on, name, input);

const failure = (name: string, input?: unknown): Promise<{ code: ErrorCode; message: string }> =>
  failureOf(api, name, input);

const idOf = (key: string): number =>
  db.prepare('SELECT id FROM questions WHERE source_key = ?').pluck().get(key) as number;

const levelOf = (id: number): string =>
  db.prepare('SELECT level FROM questions WHERE id = ?').pluck().get(id) as string;

const planOf = (sessionId: number, on: Db = db): number[] =>
  JSON.parse(on.prepare('SELECT plan FROM sessions WHERE id = ?').pluck().get(sessionId) as string) as number[];

interface AttemptDbRow {
  id: number;
  question_id: number;
  position: number;
  outcome: string;
  answer: string;
  started_at: number;
  deadline: number;
  answered_at: number;
  time_allowed_ms: number;
  time_used_ms: number;
  paused_ms: number;
  overtime_ms: number;
  keyword_score: number | null;
  self_grade: number | null;
  graded_at: number | null;
  mode: string;
}
const attemptRows = (sessionId: number, on: Db = db): AttemptDbRow[] =>
  on.prepare('SELECT * FROM attempts WHERE session_id = ? ORDER BY position').all(sessionId) as AttemptDbRow[];

/** Keyword label → hit (1/0) recorded for an attempt. */
const hitsOf = (attemptId: number): Record<string, number> =>
  Object.fromEntries(
    (
      db
        .prepare(
          `SELECT k.label, ak.hit FROM attempt_keywords ak JOIN keywords k ON k.id = ak.keyword_id WHERE ak.attempt_id = ?`,
        )
        .all(attemptId) as Array<{ label: string; hit: number }>
    ).map((r) => [r.label, r.hit]),
  );

const sessionRow = (id: number) =>
  db.prepare('SELECT status, ended_at FROM sessions WHERE id = ?').get(id) as {
    status: string;
    ended_at: number | null;
  };

const levelIds = async (level: string): Promise<number[]> =>
  (await call('listQuestions', { levels: [level], limit: 500 })).items.map((q) => q.id).sort((a, b) => a - b);

/** Three known questions, one per level, asked Beginner → Intermediate → Advanced. */
async function startThree(extra: Partial<InputOf<'startSession'>> = {}): Promise<SessionView> {
  return call('startSession', {
    questionIds: [idOf('transactions'), idOf('what-is-django'), idOf('migrations')],
    count: 3,
    order: 'escalating',
    timePerLevel: { Beginner: 60, Intermediate: 90, Advanced: 120 },
    ...extra,
  });
}

async function submit(
  view: SessionView,
  answer: string,
  reason: 'answer' | 'timeout' | 'skip' = 'answer',
): Promise<SessionView> {
  return call('submitAnswer', { sessionId: view.id, position: view.position, answer, reason });
}

describe('planning a session through startSession', () => {
  it('filters by level and asks for `count` of them', async () => {
    const beginner = await levelIds('Beginner');
    const view = await call('startSession', { levels: ['Beginner'], count: 3, order: 'random' });
    expect(view.total).toBe(3);
    const plan = planOf(view.id);
    expect(plan).toHaveLength(3);
    expect(new Set(plan).size).toBe(3);
    for (const id of plan) expect(beginner).toContain(id);
    expect(view.current?.question.id).toBe(plan[0]);
    expect(view.current?.question.level).toBe('Beginner');
  });

  it('with not enough matching questions, plans every one that matches', async () => {
    const overview = await call('libraryOverview');
    const beginnerCount = overview.levels.find((l) => l.level === 'Beginner')!.count;
    expect(beginnerCount).toBeGreaterThan(1);
    const view = await call('startSession', { levels: ['Beginner'], count: 50, order: 'random' });
    expect(view.total).toBe(beginnerCount);
    expect([...planOf(view.id)].sort((a, b) => a - b)).toEqual(await levelIds('Beginner'));
  });

  it('the bank summary is the overview less its keywords, with their number', async () => {
    const { keywords, ...overview } = await call('libraryOverview');
    const summary = await call('getBankSummary');
    expect(summary).toEqual({ ...overview, keywordCount: keywords.length });
    expect(summary.keywordCount).toBeGreaterThan(10);
    expect(summary.questionCount).toBe(summary.levels.reduce((n, l) => n + l.count, 0));
  });

  it('filters by several levels', async () => {
    const wanted = [...(await levelIds('Beginner')), ...(await levelIds('Scenario'))].sort((a, b) => a - b);
    const view = await call('startSession', { levels: ['Scenario', 'Beginner'], count: 200, order: 'random' });
    expect([...planOf(view.id)].sort((a, b) => a - b)).toEqual(wanted);
  });

  it('filters by keyword', async () => {
    const overview = await call('libraryOverview');
    const redis = overview.keywords.find((k) => k.label === 'Redis')!;
    expect(redis.questionCount).toBeGreaterThan(1);
    const view = await call('startSession', { keywordIds: [redis.id], count: 50, order: 'random' });
    const plan = planOf(view.id);
    expect(plan).toHaveLength(redis.questionCount);
    for (const id of plan) {
      const q = await call('getQuestion', { id });
      expect(q.keywords.map((k) => k.label)).toContain('Redis');
    }
  });

  it('filters by deck, alone and with levels', async () => {
    const go = await call('createDeck', { name: 'Go', levels: ['Beginner', 'Advanced'] });
    const goIds: number[] = [];
    for (const [level, prompt] of [
      ['Beginner', 'What is a goroutine?'],
      ['Advanced', 'How does the Go scheduler work?'],
      ['Advanced', 'When does a channel send block?'],
    ] as const) {
      const q = await call('saveQuestion', {
        deckId: go.id,
        level,
        prompt,
        answer: 'Answer.',
        keywords: [{ label: 'goroutine' }],
      });
      goIds.push(q.id);
    }
    const django = (await call('listDecks')).find((d) => d.name === 'Django')!;

    const onlyGo = await call('startSession', { deckIds: [go.id], count: 10, order: 'random' });
    expect([...planOf(onlyGo.id)].sort((a, b) => a - b)).toEqual(goIds);

    const goAdvanced = await call('startSession', {
      deckIds: [go.id],
      levels: ['Advanced'],
      count: 10,
      order: 'random',
    });
    expect([...planOf(goAdvanced.id)].sort((a, b) => a - b)).toEqual(goIds.slice(1));

    const onlyDjango = await call('startSession', { deckIds: [django.id], count: 200, order: 'random' });
    expect(planOf(onlyDjango.id)).toHaveLength(django.questionCount);
    for (const id of goIds) expect(planOf(onlyDjango.id)).not.toContain(id);
  });

  it('escalating asks the levels in the deck order, easiest first', async () => {
    const rank = ['Beginner', 'Intermediate', 'Advanced', 'Scenario'];
    for (let i = 0; i < 5; i++) {
      const view = await call('startSession', { count: 10, order: 'escalating' });
      const ranks = planOf(view.id).map((id) => rank.indexOf(levelOf(id)));
      expect(ranks).toHaveLength(10);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(view.current?.question.level).toBe(levelOf(planOf(view.id)[0]!));
    }
  });

  it('weakest first uses past attempts: a question graded Nailed comes after never-asked ones', async () => {
    const beginner = await levelIds('Beginner');
    const first = await call('startSession', { questionIds: [beginner[0]!], count: 1, order: 'random' });
    const answered = await submit(first, 'MVT');
    await call('gradeAttempt', { sessionId: first.id, attemptId: answered.revealed!.id, grade: 4 });
    for (let i = 0; i < 5; i++) {
      const view = await call('startSession', { levels: ['Beginner'], count: beginner.length, order: 'weakest' });
      expect(planOf(view.id).at(-1)).toBe(beginner[0]);
    }
  });

  it.each([
    { name: 'an unknown level', config: { levels: ['Expert'] } },
    { name: 'an unknown keyword', config: { keywordIds: [999_999] } },
    { name: 'an unknown deck', config: { deckIds: [999_999] } },
    { name: 'a level and keyword that never meet', config: { levels: ['Beginner'], keywordIds: ['Celery'] } },
  ])('no matching question → invalid_input with a message that says what to do ($name)', async ({ config }) => {
    let input: Record<string, unknown> = config;
    if (config.keywordIds?.[0] === 'Celery') {
      const celery = (await call('libraryOverview')).keywords.find((k) => k.label === 'Celery')!;
      input = { ...config, keywordIds: [celery.id] };
    }
    const error = await failure('startSession', { ...input, count: 5, order: 'random' });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/No question matches/);
    expect(error.message).toMatch(/levels|keyword|decks/);
    expect(db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(0);
    const preview = await call('previewSession', { ...input, count: 5, order: 'random' } as InputOf<'previewSession'>);
    expect(preview).toEqual({ matching: 0, planned: 0, byLevel: [] });
  });

  it.each([
    { name: 'no count', input: { order: 'random' }, field: 'count' },
    { name: 'count 0', input: { count: 0, order: 'random' }, field: 'count' },
    { name: 'count 201', input: { count: 201, order: 'random' }, field: 'count' },
    { name: 'a fractional count', input: { count: 2.5, order: 'random' }, field: 'count' },
    { name: 'an unknown order', input: { count: 5, order: 'hardest' }, field: 'order' },
    {
      name: 'ten seconds is the least',
      input: { count: 5, order: 'random', defaultSeconds: 5 },
      field: 'defaultSeconds',
    },
    {
      name: 'a level time of 0',
      input: { count: 5, order: 'random', timePerLevel: { Beginner: 0 } },
      field: 'timePerLevel',
    },
    {
      name: 'a cap of 0 minutes',
      input: { count: 5, order: 'random', sessionCapMinutes: 0 },
      field: 'sessionCapMinutes',
    },
    { name: 'an unknown mode', input: { count: 5, order: 'random', mode: 'sing' }, field: 'mode' },
    { name: 'an unknown timeout rule', input: { count: 5, order: 'random', onTimeout: 'pause' }, field: 'onTimeout' },
    { name: 'a negative deck id', input: { count: 5, order: 'random', deckIds: [-1] }, field: 'deckIds' },
    { name: 'levels as a string', input: { count: 5, order: 'random', levels: 'Beginner' }, field: 'levels' },
    { name: 'an unknown field', input: { count: 5, order: 'random', difficulty: 'hard' }, field: 'difficulty' },
  ])('an invalid configuration is refused with invalid_input: $name', async ({ input, field }) => {
    const error = await failure('startSession', input);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('startSession');
    expect(error.message).toContain(field);
    expect(db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(0);
  });

  it.each([null, undefined, 'random', 5])('refuses a configuration that is not an object: %s', async (input) => {
    expect((await failure('startSession', input)).code).toBe('invalid_input');
  });

  it('previewSession counts what would be planned, by level in deck order', async () => {
    const beginner = (await levelIds('Beginner')).length;
    const advanced = (await levelIds('Advanced')).length;
    const preview = await call('previewSession', { levels: ['Advanced', 'Beginner'], count: 4, order: 'random' });
    expect(preview).toEqual({
      matching: beginner + advanced,
      planned: 4,
      byLevel: [
        { level: 'Beginner', count: beginner },
        { level: 'Advanced', count: advanced },
      ],
    });
    const all = await call('previewSession', { levels: ['Beginner'], count: 100, order: 'random' });
    expect(all.planned).toBe(beginner);
    expect(db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(0);
  });
});

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
    t += 20 * S;
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

    t += 3 * S;
    view = await call('gradeAttempt', { sessionId: view.id, attemptId: first.id, grade: 3 });
    expect(view.revealed!.selfGrade).toBe(3);
    t += 2 * S;
    view = await call('nextQuestion', { sessionId: view.id });
    expect(view).toMatchObject({ position: 1, phase: 'asking', answeredCount: 1, revealed: null });
    expect(view.current).toMatchObject({ timeAllowedMs: 90 * S, remainingMs: 90 * S });
    expect(view.current!.question.id).toBe(migrations.id);

    // 2. The renderer's clock runs out: timed out, with what was typed so far scored.
    t += 90 * S;
    view = await submit(view, 'You run makemigrations and then', 'timeout');
    const second = view.revealed!;
    expect(second).toMatchObject({ outcome: 'timed_out', timeAllowedMs: 90 * S, timeUsedMs: 90 * S });
    expect(second.keywordScore).toBeCloseTo(1 / 4, 12);
    expect(hitsOf(second.id)).toEqual({ 'schema evolution': 0, 'version control': 0, makemigrations: 1, migrate: 0 });
    view = await call('gradeAttempt', { sessionId: view.id, attemptId: second.id, grade: 1 });
    view = await call('nextQuestion', { sessionId: view.id });
    expect(view.current).toMatchObject({ timeAllowedMs: 120 * S, remainingMs: 120 * S });

    // 3. Skipped after 5 s: nothing scored.
    t += 5 * S;
    view = await submit(view, 'half an answer about atomic', 'skip');
    const third = view.revealed!;
    expect(third).toMatchObject({ outcome: 'skipped', keywordScore: null, timeUsedMs: 5 * S, timeAllowedMs: 120 * S });
    expect(third.keywords.every((k) => !k.hit)).toBe(true);
    // A skip names nothing: every keyword is recorded as asked and missed, so skipping cannot hide a weak one.
    expect(hitsOf(third.id)).toEqual({ 'transaction.atomic': 0, ACID: 0, rollback: 0, savepoints: 0 });

    t += 1 * S;
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

    const results = await call('getSessionResults', { sessionId: view.id });
    expect(results.session).toMatchObject({ id: view.id, status: 'finished', total: 3, startedAt: START });
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
    expect(results.weakQuestionIds).toEqual([migrations.id, idOf('transactions')]);

    const list = await call('listSessions', {});
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: view.id, status: 'finished', total: 3, answered: 3, endedAt: t });
    expect([...list.items[0]!.levels].sort()).toEqual(['Advanced', 'Beginner', 'Intermediate']);
    expect(list.items[0]!.gradeScore).toBeCloseTo(1 / 3, 12);
    expect(list.items[0]!.keywordScore).toBeCloseTo((2 / 3 + 1 / 4) / 2, 12);
  });

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
    t += 60 * S + late;
    const revealed = (await submit(view, 'MVT architecture')).revealed!;
    expect(revealed.outcome).toBe(outcome);
    expect(revealed.timeUsedMs).toBe(late < 0 ? used + late : used);
    expect(attemptRows(view.id)[0]).toMatchObject({ outcome, time_used_ms: late < 0 ? used + late : used });
  });

  it('overtime mode counts a late answer and records how late it was', async () => {
    const view = await startThree({ onTimeout: 'overtime' });
    t += 85 * S;
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
    t += 30 * S;
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

describe('grading', () => {
  it('stores grades 1–4 and schedules a review in the future, later for better grades', async () => {
    const ids = await levelIds('Beginner');
    const view = await call('startSession', { questionIds: ids.slice(0, 4), count: 4, order: 'random' });
    const dueByGrade = new Map<number, number>();
    let current = view;
    for (const grade of [1, 2, 3, 4] as const) {
      const questionId = current.current!.question.id;
      t += 10 * S;
      current = await submit(current, 'MVT');
      t += 1 * S;
      current = await call('gradeAttempt', { sessionId: view.id, attemptId: current.revealed!.id, grade });
      const row = db.prepare('SELECT self_grade, graded_at FROM attempts WHERE id = ?').get(current.revealed!.id);
      expect(row).toEqual({ self_grade: grade, graded_at: t });
      const review = db.prepare('SELECT due, updated_at FROM review_state WHERE question_id = ?').get(questionId) as
        { due: number; updated_at: number } | undefined;
      expect(review).toBeDefined();
      expect(review!.due).toBeGreaterThan(t);
      expect(review!.updated_at).toBe(t);
      dueByGrade.set(grade, review!.due - t);
      current = await call('nextQuestion', { sessionId: view.id });
    }
    expect(dueByGrade.get(1)!).toBeLessThan(dueByGrade.get(3)!);
    expect(dueByGrade.get(3)!).toBeLessThan(dueByGrade.get(4)!);
    expect(dueByGrade.get(4)!).toBeGreaterThanOrEqual(24 * 60 * MIN);
  });

  it('changing a grade replaces it: the review is scheduled as if graded once', async () => {
    const q = idOf('what-is-django');
    const gradeOnce = async (grades: Array<1 | 2 | 3 | 4>) => {
      const view = await call('startSession', { questionIds: [q], count: 1, order: 'random' });
      const revealed = await submit(view, 'MVT');
      for (const grade of grades) {
        await call('gradeAttempt', { sessionId: view.id, attemptId: revealed.revealed!.id, grade });
      }
      expect(attemptRows(view.id).map((r) => r.self_grade)).toEqual([grades.at(-1)]);
      return db.prepare('SELECT card, due FROM review_state WHERE question_id = ?').get(q);
    };
    const regraded = await gradeOnce([1, 4]);

    // The same, in a fresh store graded Nailed straight away.
    db.close();
    ({ db, api } = memoryApi(clock, START, firstEditionDjango()));
    expect(await gradeOnce([4])).toEqual(regraded);
  });

  it('builds on the grades of earlier sessions: a question nailed twice is due later than one nailed once', async () => {
    const q = idOf('what-is-django');
    const reviewOf = () =>
      db.prepare('SELECT card, due FROM review_state WHERE question_id = ?').get(q) as { card: string; due: number };
    const nail = async () => {
      const view = await call('startSession', { questionIds: [q], count: 1, order: 'random' });
      const revealed = await submit(view, 'MVT');
      await call('gradeAttempt', { sessionId: view.id, attemptId: revealed.revealed!.id, grade: 4 });
    };
    await nail();
    const once = reviewOf();
    expect((JSON.parse(once.card) as { reps: number }).reps).toBe(1);
    t = once.due;
    await nail();
    const twice = reviewOf();
    expect((JSON.parse(twice.card) as { reps: number }).reps).toBe(2);
    expect(twice.due - t).toBeGreaterThan(once.due - START);
  });

  it('refuses a grade out of range and an attempt of another session', async () => {
    const a = await call('startSession', { questionIds: [idOf('what-is-django')], count: 1, order: 'random' });
    const answered = await submit(a, 'MVT');
    for (const grade of [0, 5, 2.5, '3']) {
      const error = await failure('gradeAttempt', { sessionId: a.id, attemptId: answered.revealed!.id, grade });
      expect(error.code).toBe('invalid_input');
    }
    const b = await call('startSession', { questionIds: [idOf('migrations')], count: 1, order: 'random' });
    const error = await failure('gradeAttempt', { sessionId: b.id, attemptId: answered.revealed!.id, grade: 3 });
    expect(error.code).toBe('not_found');
    expect(attemptRows(a.id)[0]!.self_grade).toBeNull();
  });
});

describe('pause and resume', () => {
  it('freezes the clock while paused and does not count paused time as time used', async () => {
    let view = await startThree();
    t += 10 * S;
    view = await call('pauseSession', { sessionId: view.id });
    expect(view.current).toMatchObject({ paused: true, remainingMs: 50 * S });
    t += 5 * MIN;
    expect((await call('getSession', { sessionId: view.id })).current).toMatchObject({
      paused: true,
      remainingMs: 50 * S,
    });
    view = await call('unpauseSession', { sessionId: view.id });
    expect(view.current).toMatchObject({ paused: false, remainingMs: 50 * S });
    t += 20 * S;
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
    t += 10 * S;
    await call('pauseSession', { sessionId: view.id });
    t += 10 * S;
    view = await call('pauseSession', { sessionId: view.id });
    expect(view.current!.remainingMs).toBe(50 * S);
    t += 10 * S;
    await call('unpauseSession', { sessionId: view.id });
    t += 10 * S;
    view = await call('unpauseSession', { sessionId: view.id });
    expect(view.current).toMatchObject({ paused: false, remainingMs: 40 * S });
    view = await submit(view, 'MVT');
    expect(view.revealed).toMatchObject({ timeUsedMs: 20 * S, pausedMs: 20 * S });
  });

  it('answering while paused settles the pause first', async () => {
    let view = await startThree();
    t += 15 * S;
    await call('pauseSession', { sessionId: view.id });
    t += 10 * MIN;
    view = await submit(view, 'MVT');
    expect(view.revealed).toMatchObject({ outcome: 'answered', timeUsedMs: 15 * S, pausedMs: 10 * MIN });
  });

  it('a strict session refuses to pause, and its clock keeps running', async () => {
    const view = await startThree({ strict: true });
    t += 10 * S;
    const error = await failure('pauseSession', { sessionId: view.id });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/strict/);
    t += 10 * S;
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

  it('resuming after the app was closed, with nothing typed, goes on with the time the question had at its start, no more', async () => {
    let view = await startThree();
    t += 20 * S;
    view = await submit(view, 'MVT architecture');
    view = await call('nextQuestion', { sessionId: view.id });
    t += 30 * S;
    // The app closes here; two hours later it starts again.
    t += 2 * 60 * MIN;
    const reopened = createApi(db, clock);
    const active = await call('getActiveSession', undefined, reopened);
    expect(active).toMatchObject({ id: view.id, status: 'active', position: 1, phase: 'asking', answeredCount: 1 });
    expect(active!.current!.remainingMs).toBeLessThan(0);

    view = await call('resumeSession', { sessionId: view.id }, reopened);
    expect(view.current).toMatchObject({ timeAllowedMs: 90 * S, remainingMs: 90 * S, paused: false, draft: '' });
    t += 10 * S;
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
    t += 25 * S;
    expect(await call('saveDraft', { sessionId: view.id, position: 0, text: 'Django is an MVT' })).toEqual({
      saved: true,
    });
    t += 4 * S; // typed on, but the next save never came: the app crashed
    t += 60 * MIN;
    const reopened = createApi(db, clock);
    expect((await call('getActiveSession', undefined, reopened))!.current!.draft).toBe('Django is an MVT');
    view = await call('resumeSession', { sessionId: view.id }, reopened);
    expect(view.current).toMatchObject({ remainingMs: 35 * S, paused: false, draft: 'Django is an MVT' });
    t += 5 * S;
    view = await call(
      'submitAnswer',
      { sessionId: view.id, position: 0, answer: 'Django is an MVT framework', reason: 'answer' },
      reopened,
    );
    expect(view.revealed).toMatchObject({ timeUsedMs: 30 * S, answer: 'Django is an MVT framework' });
  });

  it('resuming in the same run of the app changes nothing: the clock kept running', async () => {
    let view = await startThree();
    t += 25 * S;
    await call('saveDraft', { sessionId: view.id, position: 0, text: 'draft' });
    t += 20 * S; // the person went to another page; the clock runs on
    view = await call('resumeSession', { sessionId: view.id });
    expect(view.current).toMatchObject({ remainingMs: 15 * S, draft: 'draft' });
  });

  it('resuming a session left paused keeps it paused, with the time it had at the pause', async () => {
    let view = await startThree();
    t += 40 * S;
    await call('pauseSession', { sessionId: view.id });
    t += 60 * MIN;
    const reopened = createApi(db, clock);
    view = await call('resumeSession', { sessionId: view.id }, reopened);
    expect(view.current).toMatchObject({ paused: true, remainingMs: 20 * S, timeAllowedMs: 60 * S });
    t += 10 * MIN;
    view = await call('unpauseSession', { sessionId: view.id }, reopened);
    expect(view.current).toMatchObject({ paused: false, remainingMs: 20 * S });
    t += 5 * S;
    view = await call('submitAnswer', { sessionId: view.id, position: 0, answer: 'MVT', reason: 'answer' }, reopened);
    expect(view.revealed).toMatchObject({ timeUsedMs: 45 * S, pausedMs: 70 * MIN });
  });

  it('resuming on the answer screen leaves it there', async () => {
    let view = await startThree();
    view = await submit(view, 'MVT');
    t += 60 * MIN;
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

describe('drafts: the answer being typed', () => {
  const draftRows = (sessionId: number) =>
    db
      .prepare('SELECT position, text, saved_at, left_ms FROM drafts WHERE session_id = ? ORDER BY position')
      .all(sessionId);

  it('saves the text with the time left, replaces it on the next save, and shows it in the view', async () => {
    const view = await startThree();
    t += 10 * S;
    await call('saveDraft', { sessionId: view.id, position: 0, text: 'first' });
    t += 2 * S;
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
    t += 15 * S;
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

describe('moving through a session', () => {
  it('nextQuestion does nothing while a question is being asked', async () => {
    const view = await startThree();
    t += 5 * S;
    const after = await call('nextQuestion', { sessionId: view.id });
    expect(after).toMatchObject({ position: 0, phase: 'asking', answeredCount: 0 });
    expect(after.current!.remainingMs).toBe(55 * S);
    expect(attemptRows(view.id)).toHaveLength(0);
  });

  it('endSession early ends it: status ended, nothing more can be answered', async () => {
    let view = await startThree();
    view = await submit(view, 'MVT');
    view = await call('nextQuestion', { sessionId: view.id });
    t += 7 * S;
    view = await call('endSession', { sessionId: view.id });
    expect(view).toMatchObject({ status: 'ended', endedAt: t, phase: 'done', current: null, answeredCount: 1 });
    expect(sessionRow(view.id)).toEqual({ status: 'ended', ended_at: t });
    expect(await call('getActiveSession')).toBeNull();

    const error = await failure('submitAnswer', { sessionId: view.id, position: 1, answer: 'x', reason: 'answer' });
    expect(error.code).toBe('conflict');
    expect((await failure('nextQuestion', { sessionId: view.id })).code).toBe('conflict');
    expect(attemptRows(view.id)).toHaveLength(1);

    // Ending twice keeps the first end.
    t += 60 * S;
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
    t += 10 * S;
    const first = await submit(view, 'MVT architecture');
    t += 1 * S;
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

  it('starting a new session ends the one left open', async () => {
    const a = await startThree();
    await submit(a, 'MVT');
    t += 30 * S;
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
    t += 50 * S;
    view = await submit(view, 'MVT');
    view = await call('nextQuestion', { sessionId: view.id });
    expect(view.current).toMatchObject({ timeAllowedMs: 60 * S, remainingMs: 10 * S });
    expect(view.capReached).toBe(false);
    t += 15 * S;
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
    t += 50 * S;
    view = await submit(view, 'MVT');
    t += 5 * 60 * S; // reading the model answer does not count
    view = await call('nextQuestion', { sessionId: view.id });
    expect(view.current).toMatchObject({ remainingMs: 60 * S });
    t += 3 * 60 * 60 * S; // the app was closed for three hours
    api = createApi(db, clock);
    view = await call('resumeSession', { sessionId: view.id });
    expect(view.current).toMatchObject({ remainingMs: 60 * S });
    t += 20 * S;
    view = await submit(view, 'apps');
    view = await call('nextQuestion', { sessionId: view.id });
    // 50 s + 20 s used of 120 s: 50 s left for the last question.
    expect(view.current).toMatchObject({ remainingMs: 50 * S });
  });
});

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

    t += 60 * MIN;
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
      t += MIN;
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
    t += 12 * S;
    view = await call(
      'submitAnswer',
      { sessionId: view.id, position: 0, answer: 'first answer MVT', reason: 'answer' },
      on,
    );
    await call('gradeAttempt', { sessionId: view.id, attemptId: view.revealed!.id, grade: 3 }, on);
    view = await call('nextQuestion', { sessionId: view.id }, on);
    t += 20 * S;
    view = await call(
      'submitAnswer',
      { sessionId: view.id, position: 1, answer: 'second answer', reason: 'answer' },
      on,
    );
    view = await call('nextQuestion', { sessionId: view.id }, on);
    t += 5 * S;
    await call('saveDraft', { sessionId: view.id, position: 2, text: 'being typed when it died' }, on);
    t += 1 * S;
    // Killed: no endSession, no clean shutdown of the session.
    first.close();

    t += 10 * MIN;
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
    t += 9 * S;
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
