/** The bank: deleting and restoring questions, and the list of deleted ones. */
import { describe, expect, it } from 'vitest';
import { useFirstEditionStore, S, t, call, failure, idOf, advance } from '../first-edition-store';
import { DJANGO, count, goDeck, runSession } from './fixture';

useFirstEditionStore();

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
    advance(60 * S);
    await call('deleteQuestion', { id: go.ids[0]! });
    advance(60 * S);
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
