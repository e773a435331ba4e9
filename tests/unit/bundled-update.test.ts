/**
 * A person who installed the first edition of the Django deck, edited a question, deleted one and answered others,
 * then gets the second edition: their copy updates by `Id:`, their edits and history stay as they were.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallName, InputOf, ResultOf } from '../../src/shared/api';
import type { Handlers } from '../../src/main/api';
import { bundledDecks } from '../../src/main/bundled-decks';
import { installBundledDeck } from '../../src/main/store/bundled';
import type { Db } from '../../src/main/store/database';
import { callApi, firstEditionDjango, memoryApi } from './harness';

const S = 1_000;
const INSTALLED = Date.UTC(2026, 0, 5, 9, 0, 0);
const UPDATED = Date.UTC(2026, 2, 10, 9, 0, 0);

let t: number;
const clock = { now: () => t };
let db: Db;
let api: Handlers;

beforeEach(() => {
  t = INSTALLED;
  ({ db, api } = memoryApi(clock, INSTALLED, firstEditionDjango()));
});
afterEach(() => {
  if (db.open) db.close();
});

const call = <K extends CallName>(name: K, input?: InputOf<K>): Promise<ResultOf<K>> => callApi(api, name, input);
const secondEdition = () => bundledDecks()[0]!;
const update = () => installBundledDeck(db, secondEdition(), UPDATED);

interface QuestionRow {
  id: number;
  level: string;
  prompt: string;
  answer: string;
  position: number;
  edited_at: number | null;
  deleted_at: number | null;
  updated_at: number;
}
const row = (key: string): QuestionRow | undefined =>
  db.prepare('SELECT * FROM questions WHERE source_key = ?').get(key) as QuestionRow | undefined;
const idOf = (key: string): number => row(key)!.id;
const liveCount = (): number =>
  db.prepare('SELECT count(*) FROM questions WHERE deleted_at IS NULL').pluck().get() as number;
const labels = (id: number): string[] =>
  db
    .prepare(
      'SELECT k.label FROM question_keywords qk JOIN keywords k ON k.id = qk.keyword_id WHERE qk.question_id = ? ORDER BY qk.position',
    )
    .pluck()
    .all(id) as string[];
const aliasesOf = (label: string): string[] =>
  JSON.parse(db.prepare('SELECT aliases FROM keywords WHERE label = ?').pluck().get(label) as string) as string[];
const history = () => ({
  attempts: db.prepare('SELECT * FROM attempts ORDER BY id').all(),
  hits: db.prepare('SELECT * FROM attempt_keywords ORDER BY attempt_id, keyword_id').all(),
  reviews: db.prepare('SELECT * FROM review_state ORDER BY question_id').all(),
  sessions: db.prepare('SELECT * FROM sessions ORDER BY id').all(),
});

/** Answers and grades each question in one session, as a person would. */
async function answer(keys: string[]): Promise<void> {
  let view = await call('startSession', { questionIds: keys.map(idOf), count: keys.length, order: 'random' });
  for (let i = 0; i < keys.length; i++) {
    t += 30 * S;
    view = await call('submitAnswer', {
      sessionId: view.id,
      position: view.position,
      answer: 'Wrap it in transaction.atomic() so a failure rolls back; Redis and Celery for the rest.',
      reason: 'answer',
    });
    view = await call('gradeAttempt', { sessionId: view.id, attemptId: view.revealed!.id, grade: 3 });
    view = await call('nextQuestion', { sessionId: view.id });
  }
}

/** The person's own version of the key-features question: another answer, level and keywords. */
async function editKeyFeatures(): Promise<void> {
  const q = await call('getQuestion', { id: idOf('key-features') });
  await call('saveQuestion', {
    id: q.id,
    deckId: q.deckId,
    level: 'Scenario',
    prompt: q.prompt,
    answer: 'My own answer: the ORM, the admin and the batteries.',
    keywords: [{ label: 'ORM', aliases: ['object-relational mapper', 'QuerySet'], weight: 1 }],
    tags: ['mine'],
  });
}

describe('updating an installed first edition of the Django deck to the second', () => {
  it('moves, rewrites and adds the untouched questions, and leaves edits, deletions and history alone', async () => {
    await editKeyFeatures();
    await call('deleteQuestion', { id: idOf('signals') });
    await answer(['transactions', 'migrations']);
    t = UPDATED;
    const before = history();
    const edited = row('key-features')!;
    const deleted = row('signals')!;
    expect(liveCount()).toBe(34);

    expect(update()).toBe('updated');

    // Untouched questions take the new content: level, prompt, answer, keywords and place.
    expect(row('migrations')).toMatchObject({ level: 'Beginner', edited_at: null, updated_at: UPDATED });
    expect(row('models')!.level).toBe('Beginner');
    expect(row('django-security')!.level).toBe('Advanced');
    expect(row('high-traffic')!.prompt).toBe(
      'How would you prepare a Django application for a tenfold jump in traffic next month?',
    );
    expect(row('async-support')!.answer).toContain('await request.auser()');
    expect(row('async-support')!.answer).not.toContain('User.objects.aget(pk=request.user.pk)');
    expect(row('transactions')!.answer).toContain('select_for_update()');
    expect(labels(idOf('transactions'))).toContain('lost update');

    // The 17 new questions arrive at their levels, in the deck's order.
    expect(row('url-routing')).toMatchObject({ level: 'Beginner', edited_at: null });
    expect(row('race-condition')!.level).toBe('Scenario');
    const ordered = db
      .prepare(
        `SELECT source_key FROM questions WHERE deleted_at IS NULL AND edited_at IS NULL
          ORDER BY (SELECT key FROM json_each('["Beginner","Intermediate","Advanced","Scenario"]') WHERE value = level),
                   position`,
      )
      .pluck()
      .all() as string[];
    const expected = secondEdition()
      .deck.questions.map((q) => q.key!)
      .filter((k) => k !== 'key-features' && k !== 'signals');
    expect(ordered).toEqual(expected);

    // The person's edit and deletion stay exactly as they left them.
    expect(row('key-features')).toEqual(edited);
    expect(labels(edited.id)).toEqual(['ORM']);
    expect(row('signals')).toEqual(deleted);

    // The question the second edition dropped was never touched: it goes.
    expect(row('django-future')).toBeUndefined();

    // History is not touched: attempts keep their level, answer, scores and keyword hits; schedules stay.
    expect(history()).toEqual(before);
    expect((before.attempts as Array<{ level: string }>).map((a) => a.level).sort()).toEqual([
      'Advanced',
      'Intermediate',
    ]);

    // 51 in the new edition, less the one the person deleted; the edited one counts once.
    expect(liveCount()).toBe(50);
    expect((await call('getDeckImpact', { id: 1 })).attempts).toBe(2);

    // Once only.
    expect(update()).toBe('current');
    expect(liveCount()).toBe(50);
  });

  it.each([
    { name: 'answered it', touch: () => answer(['django-future']) },
    {
      name: 'skipped it in a session, without a grade',
      touch: async () => {
        const view = await call('startSession', { questionIds: [idOf('django-future')], count: 1, order: 'random' });
        await call('submitAnswer', { sessionId: view.id, position: 0, answer: '', reason: 'skip' });
        await call('endSession', { sessionId: view.id });
      },
    },
    {
      name: 'edited it',
      touch: async () => {
        const q = await call('getQuestion', { id: idOf('django-future') });
        await call('saveQuestion', {
          id: q.id,
          deckId: q.deckId,
          level: q.level,
          prompt: q.prompt,
          answer: 'Notes I want to keep.',
          keywords: q.keywords.map((k) => ({ label: k.label, aliases: k.aliases, weight: k.weight })),
          tags: [],
        });
      },
    },
    {
      name: 'a session still running that plans it',
      touch: async () => {
        await call('startSession', {
          questionIds: [idOf('what-is-django'), idOf('django-future')],
          count: 2,
          order: 'escalating',
        });
      },
    },
  ])('keeps the dropped question when the person has $name', async ({ touch }) => {
    await touch();
    const kept = row('django-future')!;
    t = UPDATED;
    expect(update()).toBe('updated');
    expect(row('django-future')).toEqual(kept);
    expect(liveCount()).toBe(52);
  });
});

describe('updating the Django deck keeps what the person did', () => {
  it('keeps a deleted dropped question deleted, where the person can still restore it', async () => {
    await call('deleteQuestion', { id: idOf('django-future') });
    expect(update()).toBe('updated');
    expect(row('django-future')!.deleted_at).toBe(INSTALLED);
    expect((await call('listDeletedQuestions', {})).map((q) => q.prompt)).toEqual([
      'Where do you see Django heading in the next few years?',
    ]);
  });

  it('adds nothing where the person already wrote a question with the new prompt', async () => {
    const mine = await call('saveQuestion', {
      deckId: 1,
      level: 'Intermediate',
      prompt: 'How does Django decide which view handles a URL?',
      answer: 'My notes on URLconfs.',
      keywords: [{ label: 'URLconf', weight: 1 }],
      tags: [],
    });
    expect(update()).toBe('updated');
    expect(row('url-routing')).toBeUndefined();
    expect(await call('getQuestion', { id: mine.id })).toMatchObject({ answer: 'My notes on URLconfs.' });
    expect(liveCount()).toBe(51);
  });

  it('gives keywords only the untouched deck uses exactly the new aliases, and merges where the person has a say', async () => {
    await editKeyFeatures();
    expect(aliasesOf('transaction.atomic')).toEqual(['atomic', 'atomic block']);
    expect(update()).toBe('updated');
    // The first edition's bare "atomic" is gone: the second edition does not list it.
    expect(aliasesOf('transaction.atomic')).toEqual(['atomic block', '@transaction.atomic']);
    // "ORM" is the person's too (their edited question uses it): their aliases stay as they set them.
    expect(aliasesOf('ORM')).toEqual(['object-relational mapper', 'QuerySet']);
  });

  it('keeps levels the person renamed, and adds a level the new edition needs at the end', async () => {
    await call('updateDeck', { id: 1, levels: ['Beginner', 'Intermediate', 'Senior', 'Scenario'] });
    expect(update()).toBe('updated');
    const deck = (await call('listDecks')).find((d) => d.name === 'Django')!;
    expect(deck.levels).toEqual(['Beginner', 'Intermediate', 'Senior', 'Scenario', 'Advanced']);
    expect(row('select-for-update')!.level).toBe('Advanced');
  });
});
