/** The bank: editing a deck's name and levels, its keywords, and deleting it. */
import { describe, expect, it } from 'vitest';
import { useFirstEditionStore, S, t, db, call, failure, idOf, advance } from '../first-edition-store';
import { DJANGO, levelsOf, levelCounts, count, sessionStatus, goDeck, runSession } from './fixture';

useFirstEditionStore();

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
    advance(5 * S);
    await call('deleteDeck', { id: deckId });
    expect(db.prepare('SELECT status, ended_at FROM sessions WHERE id = ?').get(open.id)).toEqual({
      status: 'ended',
      ended_at: t,
    });
    expect(await call('getActiveSession')).toBeNull();
  });
});
