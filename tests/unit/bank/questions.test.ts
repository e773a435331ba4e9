/** The bank: saving a question, and one saved with no keywords. */
import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../../src/shared/api';
import { createApi } from '../../../src/main/api';
import { useFirstEditionStore, S, clock, db, call, failure, idOf, advance } from '../first-edition-store';
import { DJANGO, aliasesOf, count, goDeck } from './fixture';

useFirstEditionStore();

const question = (patch: Partial<InputOf<'saveQuestion'>> = {}): InputOf<'saveQuestion'> => ({
  deckId: DJANGO,
  level: 'Advanced',
  prompt: 'How would you rate-limit a Django API?',
  answer: 'Throttling.',
  keywords: [{ label: 'throttling' }],
  ...patch,
});

describe('saveQuestion', () => {
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
});

describe('saveQuestion: separators, and the unique prompt under a race', () => {
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
    advance(10 * S);
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
    advance(10 * S);
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
