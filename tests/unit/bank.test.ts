/**
 * Editing the bank through the api: decks (rename, levels, delete and what goes with it), questions (levels,
 * keyword aliases, separators, the unique prompt) and soft delete with undo.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallName, ErrorCode, InputOf, ResultOf } from '../../src/shared/api';
import type { SessionView } from '../../src/shared/session-types';
import { createApi, type Handlers } from '../../src/main/api';
import type { Db } from '../../src/main/store/database';
import { callApi, failureOf, firstEditionDjango, memoryApi } from './harness';

const S = 1_000;
const START = Date.UTC(2026, 2, 10, 9, 0, 0);

let t: number;
const clock = { now: () => t };
let db: Db;
let api: Handlers;

beforeEach(() => {
  t = START;
  // The first edition of the Django deck, frozen: these tests are about the bank, and name its questions and keywords.
  ({ db, api } = memoryApi(clock, START, firstEditionDjango()));
});
afterEach(() => {
  if (db.open) db.close();
});

const call = <K extends CallName>(name: K, input?: InputOf<K>, on: Handlers = api): Promise<ResultOf<K>> =>
  callApi(on, name, input);

const failure = (name: string, input?: unknown, on: Handlers = api): Promise<{ code: ErrorCode; message: string }> =>
  failureOf(on, name, input);

const DJANGO = 1;
const idOf = (key: string): number =>
  db.prepare('SELECT id FROM questions WHERE source_key = ?').pluck().get(key) as number;
const levelsOf = (deckId: number): string[] =>
  JSON.parse(db.prepare('SELECT levels FROM decks WHERE id = ?').pluck().get(deckId) as string) as string[];
const levelCounts = (deckId: number): Record<string, number> =>
  Object.fromEntries(
    (
      db.prepare('SELECT level, count(*) AS n FROM questions WHERE deck_id = ? GROUP BY level').all(deckId) as Array<{
        level: string;
        n: number;
      }>
    ).map((r) => [r.level, r.n]),
  );
const aliasesOf = (label: string): string[] =>
  JSON.parse(db.prepare('SELECT aliases FROM keywords WHERE label = ?').pluck().get(label) as string) as string[];
const count = (sql: string, ...params: unknown[]): number =>
  db
    .prepare(sql)
    .pluck()
    .get(...params) as number;
const sessionStatus = (id: number): string =>
  db.prepare('SELECT status FROM sessions WHERE id = ?').pluck().get(id) as string;

/** A second deck with two questions sharing the keyword `goroutine`. */
async function goDeck(): Promise<{ deckId: number; ids: number[] }> {
  const deck = await call('createDeck', { name: 'Go', levels: ['Junior', 'Senior'] });
  const ids: number[] = [];
  for (const [level, prompt] of [
    ['Junior', 'What is a goroutine?'],
    ['Senior', 'How does the Go scheduler work?'],
  ] as const) {
    const q = await call('saveQuestion', {
      deckId: deck.id,
      level,
      prompt,
      answer: 'A goroutine is a lightweight thread.',
      keywords: [{ label: 'goroutine', aliases: ['green thread'] }, { label: 'Redis' }],
    });
    ids.push(q.id);
  }
  return { deckId: deck.id, ids };
}

/** Answers every question of a session (typed, graded Good), leaving it finished unless `leaveLast`. */
async function runSession(questionIds: number[], { leaveLast = false } = {}): Promise<SessionView> {
  let view = await call('startSession', { questionIds, count: questionIds.length, order: 'random' });
  for (let i = 0; i < questionIds.length; i++) {
    if (leaveLast && i === questionIds.length - 1) break;
    t += 10 * S;
    view = await call('submitAnswer', {
      sessionId: view.id,
      position: view.position,
      answer: 'A goroutine, with Redis and transaction.atomic and ORM.',
      reason: 'answer',
    });
    view = await call('gradeAttempt', { sessionId: view.id, attemptId: view.revealed!.id, grade: 3 });
    view = await call('nextQuestion', { sessionId: view.id });
  }
  return view;
}

describe('updateDeck', () => {
  it('renames a deck, and refuses a name another deck has (ignoring capitals)', async () => {
    const { deckId } = await goDeck();
    await call('updateDeck', { id: deckId, description: 'Concurrency first.' });
    // What a change leaves out stays as it was (levels and description are not reset to a new deck's defaults).
    expect(await call('updateDeck', { id: deckId, name: 'Golang' })).toMatchObject({
      id: deckId,
      name: 'Golang',
      description: 'Concurrency first.',
      levels: ['Junior', 'Senior'],
    });
    expect(await failure('updateDeck', { id: deckId, name: 'DJANGO' })).toEqual({
      code: 'conflict',
      message: 'There is already a deck called “DJANGO”. Choose another name.',
    });
    // The deck's own name in other capitals is fine.
    expect((await call('updateDeck', { id: deckId, name: 'GOLANG' })).name).toBe('GOLANG');
    expect((await failure('updateDeck', { id: 999, name: 'X' })).code).toBe('not_found');
  });

  it('adds, reorders and removes unused levels', async () => {
    const { deckId } = await goDeck();
    await call('updateDeck', { id: deckId, levels: ['Junior', 'Mid', 'Senior'] });
    expect(levelsOf(deckId)).toEqual(['Junior', 'Mid', 'Senior']);
    await call('updateDeck', { id: deckId, levels: ['Senior', 'Junior', 'Mid'] });
    expect(levelsOf(deckId)).toEqual(['Senior', 'Junior', 'Mid']);
    await call('updateDeck', { id: deckId, levels: ['Junior', 'Senior'] });
    expect(levelsOf(deckId)).toEqual(['Junior', 'Senior']);
    expect(levelCounts(deckId)).toEqual({ Junior: 1, Senior: 1 });
  });

  it('refuses to drop a level questions still use, saying how many and what to do', async () => {
    const before = levelCounts(DJANGO);
    const scenario = before['Scenario']!;
    expect(scenario).toBeGreaterThan(1);
    expect(
      await failure('updateDeck', { id: DJANGO, name: 'Django web', levels: ['Beginner', 'Intermediate', 'Advanced'] }),
    ).toEqual({
      code: 'conflict',
      message:
        `${scenario} questions are at the level “Scenario” in Django. ` +
        'Move them to another level first (edit them in the Library), then remove the level.',
    });
    // Nothing changed, the name included.
    expect(levelsOf(DJANGO)).toEqual(['Beginner', 'Intermediate', 'Advanced', 'Scenario']);
    expect((await call('listDecks')).find((d) => d.id === DJANGO)!.name).toBe('Django');

    const { deckId, ids } = await goDeck();
    await call('deleteQuestion', { id: ids[0]! });
    // A deleted question does not hold its level (the person cannot see it to move it).
    await call('updateDeck', { id: deckId, levels: ['Senior'] });
    expect(levelsOf(deckId)).toEqual(['Senior']);
    expect((await failure('updateDeck', { id: deckId, levels: ['Staff', 'Principal'] })).message).toMatch(
      /^1 question is at the level “Senior” in Go\. Move them/,
    );
  });

  it('renames a level in place on every question of the deck, deleted ones too, in one transaction', async () => {
    const before = levelCounts(DJANGO);
    const deleted = idOf('caching-types');
    await call('deleteQuestion', { id: deleted });
    const renamed = await call('updateDeck', {
      id: DJANGO,
      levels: ['Beginner', 'Intermediate', 'Senior', 'Scenario'],
    });
    expect(renamed.levels).toEqual(['Beginner', 'Intermediate', 'Senior', 'Scenario']);
    const after = levelCounts(DJANGO);
    expect(after['Advanced']).toBeUndefined();
    expect(after['Senior']).toBe(before['Advanced']);
    expect(after['Beginner']).toBe(before['Beginner']);
    expect((await call('restoreQuestion', { id: deleted })).level).toBe('Senior');

    // Capitals only, at several positions: a rename too.
    await call('updateDeck', { id: DJANGO, levels: ['beginner', 'intermediate', 'Senior', 'Scenario'] });
    expect(levelCounts(DJANGO)).toEqual({
      beginner: before['Beginner'],
      intermediate: before['Intermediate'],
      Senior: before['Advanced'],
      Scenario: before['Scenario'],
    });
    // Two names changed at once is not a rename: the old ones would be dropped while in use.
    expect((await failure('updateDeck', { id: DJANGO, levels: ['Easy', 'Medium', 'Senior', 'Scenario'] })).code).toBe(
      'conflict',
    );
    expect(levelsOf(DJANGO)).toEqual(['beginner', 'intermediate', 'Senior', 'Scenario']);
  });

  it('refuses a list of levels that names one twice, even in other capitals', async () => {
    for (const name of ['createDeck', 'updateDeck'] as const) {
      const input =
        name === 'createDeck' ? { name: 'Rust', levels: ['Easy', 'easy'] } : { id: DJANGO, levels: ['Easy', 'EASY'] };
      const error = await failure(name, input);
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(/levels: Each level can be listed only once/);
    }
  });
});

describe('saveQuestion', () => {
  const question = (patch: Partial<InputOf<'saveQuestion'>> = {}): InputOf<'saveQuestion'> => ({
    deckId: DJANGO,
    level: 'Advanced',
    prompt: 'How would you rate-limit a Django API?',
    answer: 'Throttling.',
    keywords: [{ label: 'throttling' }],
    ...patch,
  });

  it('refuses a level the deck does not list, naming the levels it has', async () => {
    expect(await failure('saveQuestion', question({ level: 'Nonsense' }))).toEqual({
      code: 'invalid_input',
      message:
        '“Nonsense” is not a level of Django. Choose one of its levels (“Beginner”, “Intermediate”, “Advanced”, ' +
        '“Scenario”), or add the level to the deck on the Decks page first.',
    });
    expect(count('SELECT count(*) FROM questions WHERE prompt LIKE ?', '%rate-limit%')).toBe(0);
    // The deck's spelling wins over other capitals.
    expect((await call('saveQuestion', question({ level: 'advanced' }))).level).toBe('Advanced');
    // Moving a question to a deck that lacks its level is refused the same way.
    const { deckId } = await goDeck();
    const id = idOf('caching-types');
    const moved = await failure('saveQuestion', { ...question({ id, deckId }) });
    expect(moved.message).toMatch(/^“Advanced” is not a level of Go\. Choose one of its levels \(“Junior”, “Senior”\)/);
  });

  it('sets a keyword’s aliases to exactly the ones given, for every question that uses it', async () => {
    const { ids } = await goDeck();
    expect(aliasesOf('goroutine')).toEqual(['green thread']);
    const first = await call('getQuestion', { id: ids[0]! });
    const edited = await call('saveQuestion', {
      id: first.id,
      deckId: first.deckId,
      level: first.level,
      prompt: first.prompt,
      answer: first.answer,
      keywords: [
        { label: 'goroutine', aliases: ['coroutine'] },
        { label: 'Redis', aliases: [] },
      ],
    });
    expect(edited.keywords.map((k) => [k.label, k.aliases])).toEqual([
      ['goroutine', ['coroutine']],
      ['Redis', []],
    ]);
    // The keyword is shared: the other question (and the Django deck's Redis) see the same aliases.
    expect((await call('getQuestion', { id: ids[1]! })).keywords[0]!.aliases).toEqual(['coroutine']);
    expect(aliasesOf('Redis')).toEqual([]);
    // An alias can be removed altogether; repeats and the label itself are dropped.
    await call('saveQuestion', {
      id: first.id,
      deckId: first.deckId,
      level: first.level,
      prompt: first.prompt,
      answer: first.answer,
      keywords: [{ label: 'goroutine', aliases: ['Goroutine', 'gothread', 'GoThread'] }],
    });
    expect(aliasesOf('goroutine')).toEqual(['gothread']);
  });

  it('leaves imports and bundled decks merging aliases in, as before', async () => {
    const { deckId } = await goDeck();
    await call('commitImport', {
      target: { deckId },
      source: {
        kind: 'text',
        text: '# Go\n\n## Junior\n\n### What is a channel?\n\nKeywords: goroutine | lightweight thread; channel\n\nA pipe.\n',
      },
    });
    expect(aliasesOf('goroutine')).toEqual(['green thread', 'lightweight thread']);
    // The bundled deck names Redis with RedisCache and without: both leave the alias in place.
    expect(aliasesOf('Redis')).toEqual(['RedisCache']);
  });

  it('refuses separators of the exported formats in keywords, aliases and tags', async () => {
    const message = async (patch: Partial<InputOf<'saveQuestion'>>) => {
      const error = await failure('saveQuestion', question(patch));
      expect(error.code).toBe('invalid_input');
      return error.message;
    };
    expect(await message({ keywords: [{ label: 'a; b' }] })).toBe(
      'Invalid input for saveQuestion: keywords.0.label: A keyword cannot contain ; or | — they separate keywords and aliases in exported decks.',
    );
    expect(await message({ keywords: [{ label: 'throttling' }, { label: 'rate | limit' }] })).toMatch(
      /keywords\.1\.label: A keyword cannot contain ; or \|/,
    );
    expect(await message({ keywords: [{ label: 'throttling', aliases: ['ok', 'bad;alias'] }] })).toMatch(
      /keywords\.0\.aliases\.1: An alias cannot contain ; or \| — they separate keywords and aliases in exported decks/,
    );
    expect(await message({ tags: ['api', 'rate, limiting'] })).toMatch(
      /tags\.1: A tag cannot contain a comma — commas separate tags in exported decks/,
    );
    expect(count('SELECT count(*) FROM questions WHERE prompt LIKE ?', '%rate-limit%')).toBe(0);
  });

  it('the store itself refuses a second live question with a deck’s prompt, in any capitals', () => {
    const insert = db.prepare(
      `INSERT INTO questions (deck_id, level, prompt, answer, position, created_at, updated_at)
       VALUES (?, 'Beginner', ?, '', 99, 0, 0)`,
    );
    const taken = db
      .prepare('SELECT prompt FROM questions WHERE source_key = ?')
      .pluck()
      .get('what-is-django') as string;
    expect(() => insert.run(DJANGO, taken.toUpperCase())).toThrow(
      expect.objectContaining({ code: 'SQLITE_CONSTRAINT_UNIQUE' }) as Error,
    );
    expect(() => insert.run(DJANGO, taken)).toThrow(/UNIQUE constraint failed: questions\.deck_id, questions\.prompt/);
    // Another deck, or a deleted question, does not hold the prompt.
    const other = db
      .prepare("INSERT INTO decks (name, levels, created_at, updated_at) VALUES ('Other', '[\"Beginner\"]', 0, 0)")
      .run().lastInsertRowid;
    expect(() => insert.run(other, taken)).not.toThrow();
    db.prepare('UPDATE questions SET deleted_at = 1 WHERE source_key = ?').run('what-is-django');
    expect(() => insert.run(DJANGO, taken)).not.toThrow();
  });

  it('answers a save or restore that raced past the prompt check with the conflict, not a generic rule', async () => {
    // Another writer takes the prompt between the check and the write: the check sees nothing, the index fires.
    const blind = new Proxy(db, {
      get(target, prop) {
        if (prop === 'prepare') {
          return (sql: string) =>
            sql.includes('prompt = ? COLLATE NOCASE AND deleted_at IS NULL')
              ? { get: () => undefined }
              : target.prepare(sql);
        }
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const racing = createApi(blind, clock);
    const taken = await call('getQuestion', { id: idOf('what-is-django') });
    expect(await failure('saveQuestion', question({ prompt: taken.prompt.toLowerCase() }), racing)).toEqual({
      code: 'conflict',
      message: 'This deck already has a question with that prompt. Edit that one, or reword this one.',
    });
    const edit = await failure('saveQuestion', question({ id: idOf('caching-types'), prompt: taken.prompt }), racing);
    expect(edit.message).toBe('This deck already has a question with that prompt. Edit that one, or reword this one.');

    await call('deleteQuestion', { id: taken.id });
    await call('saveQuestion', question({ prompt: taken.prompt, level: 'Beginner' }));
    expect(await failure('restoreQuestion', { id: taken.id }, racing)).toEqual({
      code: 'conflict',
      message:
        'This deck already has a question with that prompt (it was added after this one was deleted). ' +
        'Reword or delete that one, then restore this one again.',
    });
  });
});

describe('a question with no keywords (issue 13)', () => {
  // The file names no keywords, and an answer this short gives nothing to suggest.
  const RUST = '# Rust\n\nLevels: Beginner\n\n## Beginner\n\n### Is Rust memory-safe?\n\nYes.\n';

  it('imports, saves in the editor as it is, and its answers are not scored instead of scored 0%', async () => {
    const imported = await call('commitImport', {
      source: { kind: 'text', text: RUST, fileName: 'rust.md' },
      target: { newDeckName: 'Rust' },
    });
    expect(imported.created).toBe(1);
    const id = count('SELECT id FROM questions WHERE prompt = ?', 'Is Rust memory-safe?');
    const before = await call('getQuestion', { id });
    expect(before.keywords).toEqual([]);

    // The editor saves what the import stored: no keywords, a better answer.
    const saved = await call('saveQuestion', {
      id,
      deckId: imported.deckId,
      level: 'Beginner',
      prompt: 'Is Rust memory-safe?',
      answer: 'Yes, in safe code: the borrow checker.',
      keywords: [],
    });
    expect(saved).toMatchObject({ answer: 'Yes, in safe code: the borrow checker.', keywords: [] });

    // Written: no keyword score (null), no scorer version, no hits; the grade still counts.
    let view = await call('startSession', { questionIds: [id], count: 1, order: 'random' });
    t += 10 * S;
    view = await call('submitAnswer', {
      sessionId: view.id,
      position: view.position,
      answer: 'Yes, thanks to ownership and the borrow checker.',
      reason: 'answer',
    });
    expect(view.revealed).toMatchObject({ keywordScore: null, keywords: [] });
    view = await call('gradeAttempt', { sessionId: view.id, attemptId: view.revealed!.id, grade: 4 });
    await call('nextQuestion', { sessionId: view.id });
    const results = await call('getSessionResults', { sessionId: view.id });
    expect(results.keywordScore).toBeNull();
    expect(results.gradeScore).toBe(1);
    expect(results.byLevel).toEqual([expect.objectContaining({ level: 'Beginner', meanKeywordScore: null })]);
    expect(db.prepare('SELECT keyword_score, scorer_version FROM attempts').all()).toEqual([
      { keyword_score: null, scorer_version: null },
    ]);
    expect(count('SELECT count(*) FROM attempt_keywords')).toBe(0);

    // Spoken and ticked: still nothing to score, so still null rather than 0%.
    let spoken = await call('startSession', { questionIds: [id], count: 1, order: 'random', mode: 'speak' });
    t += 10 * S;
    spoken = await call('submitAnswer', { sessionId: spoken.id, position: 0, answer: '', reason: 'answer' });
    spoken = await call('gradeAttempt', {
      sessionId: spoken.id,
      attemptId: spoken.revealed!.id,
      grade: 3,
      namedKeywordIds: [],
    });
    expect(spoken.revealed).toMatchObject({ keywordScore: null, selfGrade: 3 });
  });
});

describe('listDeckKeywords', () => {
  it('lists the keywords of a deck’s live questions, most used first', async () => {
    const { deckId, ids } = await goDeck();
    expect((await call('listDeckKeywords', { deckId })).map((k) => [k.label, k.questionCount, k.aliases])).toEqual([
      ['goroutine', 2, ['green thread']],
      ['Redis', 2, ['RedisCache']],
    ]);
    await call('deleteQuestion', { id: ids[0]! });
    expect((await call('listDeckKeywords', { deckId })).map((k) => k.questionCount)).toEqual([1, 1]);
    const django = await call('listDeckKeywords', { deckId: DJANGO });
    expect(django.map((k) => k.label)).not.toContain('goroutine');
    expect(django.map((k) => k.label)).toContain('Redis');
    expect((await failure('listDeckKeywords', { deckId: 999 })).code).toBe('not_found');
  });
});

describe('getDeckImpact and deleteDeck', () => {
  it('count the live questions and every past answer of the deck', async () => {
    const { deckId, ids } = await goDeck();
    expect(await call('getDeckImpact', { id: deckId })).toEqual({ questions: 2, attempts: 0, endsSession: false });
    await runSession(ids);
    await runSession([ids[0]!]);
    await runSession([idOf('what-is-django')]);
    expect(await call('getDeckImpact', { id: deckId })).toEqual({ questions: 2, attempts: 3, endsSession: false });
    // A deleted question leaves the count of questions; its answers still go with the deck.
    await call('deleteQuestion', { id: ids[0]! });
    expect(await call('getDeckImpact', { id: deckId })).toEqual({ questions: 1, attempts: 3, endsSession: false });
    expect(await call('getDeckImpact', { id: DJANGO })).toMatchObject({ questions: 35, attempts: 1 });
  });

  it('deletes the questions and their answers, and the stats no longer count them', async () => {
    const { deckId, ids } = await goDeck();
    await runSession(ids);
    await runSession([idOf('what-is-django'), idOf('caching-types')]);
    const levelsBefore = await call('getLevelStats', {});
    expect(levelsBefore.totals.attempts).toBe(4);
    const redisBefore = (await call('getKeywordStats', {})).keywords.find((k) => k.label === 'Redis')!;
    expect(redisBefore.asked).toBe(3);

    await call('deleteDeck', { id: deckId });
    expect((await call('listDecks')).map((d) => d.name)).toEqual(['Django']);
    expect(count('SELECT count(*) FROM questions WHERE deck_id = ?', deckId)).toBe(0);
    expect(count('SELECT count(*) FROM attempts WHERE deck_id = ?', deckId)).toBe(0);
    expect(count('SELECT count(*) FROM attempts')).toBe(2);

    const levels = await call('getLevelStats', {});
    expect(levels.totals.attempts).toBe(2);
    expect(levels.levels.map((l) => l.level).sort()).toEqual(['Advanced', 'Beginner']);
    const keywords = await call('getKeywordStats', {});
    expect(keywords.keywords.find((k) => k.label === 'goroutine')).toBeUndefined();
    expect(keywords.keywords.find((k) => k.label === 'Redis')!.asked).toBe(1);
    // Filtered by the deleted deck, nothing is left.
    expect((await call('getLevelStats', { deckIds: [deckId] })).totals.attempts).toBe(0);
    // The rollups hold nothing but zeros for the deck.
    expect(count('SELECT count(*) FROM stats_attempt_rollup WHERE deck_id = ? AND attempts != 0', deckId)).toBe(0);
    expect(count('SELECT count(*) FROM stats_keyword_rollup WHERE deck_id = ? AND asked != 0', deckId)).toBe(0);
    expect(count('SELECT count(*) FROM stats_question_rollup WHERE deck_id = ? AND attempts != 0', deckId)).toBe(0);
    expect((await failure('deleteDeck', { id: deckId })).code).toBe('not_found');
  });

  it('leaves an unfinished session on other decks running', async () => {
    const { deckId } = await goDeck();
    const open = await runSession([idOf('what-is-django'), idOf('caching-types')], { leaveLast: true });
    expect(open.status).toBe('active');
    expect(await call('getDeckImpact', { id: deckId })).toMatchObject({ endsSession: false });
    await call('deleteDeck', { id: deckId });
    expect(sessionStatus(open.id)).toBe('active');
    expect((await call('getActiveSession'))?.id).toBe(open.id);
  });

  it('ends an unfinished session that asks a question of the deck, and says so before', async () => {
    const { deckId, ids } = await goDeck();
    // One of the two is answered, the other still to come: either way the session asks the Go deck.
    const open = await runSession([idOf('what-is-django'), ids[1]!], { leaveLast: true });
    expect(await call('getDeckImpact', { id: deckId })).toMatchObject({ endsSession: true });
    expect(await call('getDeckImpact', { id: DJANGO })).toMatchObject({ endsSession: true });
    t += 5 * S;
    await call('deleteDeck', { id: deckId });
    expect(db.prepare('SELECT status, ended_at FROM sessions WHERE id = ?').get(open.id)).toEqual({
      status: 'ended',
      ended_at: t,
    });
    expect(await call('getActiveSession')).toBeNull();
  });
});

describe('deleteQuestion and restoreQuestion', () => {
  it('soft delete: the question leaves the bank, its history stays, and undo brings it back', async () => {
    const id = idOf('what-is-django');
    await runSession([id]);
    await call('deleteQuestion', { id });
    expect((await failure('getQuestion', { id })).code).toBe('not_found');
    expect((await call('listQuestions', {})).total).toBe(34);
    expect(count('SELECT count(*) FROM attempts WHERE question_id = ?', id)).toBe(1);
    expect((await call('getLevelStats', {})).totals.attempts).toBe(1);
    expect((await call('getDeckImpact', { id: DJANGO })).questions).toBe(34);
    expect((await failure('deleteQuestion', { id })).code).toBe('not_found');

    const restored = await call('restoreQuestion', { id });
    expect(restored).toMatchObject({ id, deckId: DJANGO, level: 'Beginner' });
    expect((await call('listQuestions', {})).total).toBe(35);
    expect(count('SELECT count(*) FROM attempts WHERE question_id = ?', id)).toBe(1);
  });

  it('refuses to restore a question whose prompt another one took meanwhile', async () => {
    const id = idOf('what-is-django');
    const gone = await call('getQuestion', { id });
    await call('deleteQuestion', { id });
    const again = await call('saveQuestion', {
      deckId: DJANGO,
      level: 'Beginner',
      prompt: gone.prompt.toUpperCase(),
      answer: 'Again.',
      keywords: [{ label: 'Django' }],
    });
    expect(await failure('restoreQuestion', { id })).toEqual({
      code: 'conflict',
      message:
        'This deck already has a question with that prompt (it was added after this one was deleted). ' +
        'Reword or delete that one, then restore this one again.',
    });
    expect(count('SELECT count(*) FROM questions WHERE id = ? AND deleted_at IS NULL', id)).toBe(0);
    // Once the newer one is reworded, the undo works.
    await call('saveQuestion', {
      id: again.id,
      deckId: DJANGO,
      level: 'Beginner',
      prompt: 'Why Django?',
      answer: again.answer,
      keywords: [{ label: 'Django' }],
    });
    expect((await call('restoreQuestion', { id })).prompt).toBe(gone.prompt);
  });
});

describe('listDeletedQuestions', () => {
  it('lists soft-deleted questions of live decks, newest deletion first, with their history, until restored', async () => {
    expect(await call('listDeletedQuestions', {})).toEqual([]);
    const go = await goDeck();
    const django = idOf('what-is-django');
    const { prompt } = await call('getQuestion', { id: django });
    await runSession([django]);
    await call('deleteQuestion', { id: django });
    const djangoDeletedAt = t;
    t += 60 * S;
    await call('deleteQuestion', { id: go.ids[0]! });
    t += 60 * S;
    await call('deleteQuestion', { id: go.ids[1]! });

    const all = await call('listDeletedQuestions', {});
    expect(all.map((q) => q.id)).toEqual([go.ids[1], go.ids[0], django]);
    expect(all[2]).toEqual({
      id: django,
      deckId: DJANGO,
      deckName: 'Django',
      level: 'Beginner',
      prompt,
      deletedAt: djangoDeletedAt,
      attempts: 1,
    });
    expect(all[0]).toMatchObject({ deckId: go.deckId, deckName: 'Go', level: 'Senior', deletedAt: t, attempts: 0 });

    await call('restoreQuestion', { id: django });

    // The restored one has left the list; the deck filter keeps to one deck.
    expect((await call('listDeletedQuestions', {})).map((q) => q.id)).toEqual([go.ids[1], go.ids[0]]);
    expect(await call('listDeletedQuestions', { deckId: DJANGO })).toEqual([]);
    expect((await call('listDeletedQuestions', { deckId: go.deckId })).map((q) => q.id)).toEqual(go.ids.toReversed());
    expect((await failure('listDeletedQuestions', { deckId: 999 })).code).toBe('not_found');

    // A deleted deck takes its deleted questions with it.
    await call('deleteDeck', { id: go.deckId });
    expect(await call('listDeletedQuestions', {})).toEqual([]);
  });
});

describe('getLibraryFacets', () => {
  it("gives one deck's levels and keywords with their counts, or every deck's", async () => {
    const go = await goDeck();
    const goFacets = await call('getLibraryFacets', { deckId: go.deckId });
    expect(goFacets.levels).toEqual([
      { level: 'Junior', count: 1 },
      { level: 'Senior', count: 1 },
    ]);
    expect(goFacets.keywords.map((k) => [k.label, k.questionCount])).toEqual([
      ['goroutine', 2],
      ['Redis', 2],
    ]);
    const django = await call('getLibraryFacets', { deckId: DJANGO });
    expect(django.levels.map((l) => l.level)).toEqual(['Beginner', 'Intermediate', 'Advanced', 'Scenario']);
    expect(django.keywords.find((k) => k.label === 'goroutine')).toBeUndefined();
    // Redis is in both decks: each deck counts its own questions, all decks count them all.
    const djangoRedis = django.keywords.find((k) => k.label === 'Redis')!.questionCount;
    const all = await call('getLibraryFacets', {});
    expect(all.keywords.find((k) => k.label === 'Redis')!.questionCount).toBe(djangoRedis + 2);
    expect(all).toEqual({
      levels: (await call('libraryOverview')).levels,
      keywords: (await call('libraryOverview')).keywords,
    });
  });
});

describe('listQuestions with a search', () => {
  it('says where each question matched: prompt, answer (with the words around it), keyword', async () => {
    const go = await goDeck();
    const page = await call('listQuestions', { deckIds: [go.deckId], search: 'GOROUTINE' });
    const [junior, senior] = page.items;
    // "What is a goroutine?": prompt, answer and keyword.
    expect(junior!.match).toEqual({
      fields: ['prompt', 'answer', 'keyword'],
      answerSnippet: 'A goroutine is a lightweight thread.',
      keywords: ['goroutine'],
    });
    // The scheduler question names it only in its answer and keywords.
    expect(senior!.match?.fields).toEqual(['answer', 'keyword']);
    // An alias counts as the keyword.
    const alias = await call('listQuestions', { deckIds: [go.deckId], search: 'green thread' });
    expect(alias.items[0]!.match).toEqual({ fields: ['keyword'], keywords: ['goroutine'] });
    // Without a search, no match is given.
    expect((await call('listQuestions', { deckIds: [go.deckId] })).items[0]!.match).toBeUndefined();
  });

  it('cuts a long answer to the words around the match', async () => {
    const page = await call('listQuestions', { search: 'select_for_update' });
    const hit = page.items.find((q) => q.match?.fields.includes('answer'))!;
    expect(hit.match!.answerSnippet!.toLowerCase()).toContain('select_for_update');
    expect(hit.match!.answerSnippet!.length).toBeLessThanOrEqual(160);
    expect(hit.match!.answerSnippet).not.toMatch(/\n/);
  });
});
