/** Sessions: planning which questions a session asks, through startSession. */
import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../../src/shared/api';
import { useFirstEditionStore, db, call, failure } from '../first-edition-store';
import { levelOf, planOf, levelIds, submit } from './fixture';

useFirstEditionStore();

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
});

describe('planning a session: the order of questions, and the preview', () => {
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
