/**
 * What the bank tests share, on top of first-edition-store.ts: readers of the decks, questions and keywords the store
 * holds, a second deck, and a session run through. The tests edit the bank through the api: decks (rename, levels,
 * delete and what goes with it), questions (levels, keyword aliases, separators, the unique prompt) and soft delete
 * with undo.
 */
import type { SessionView } from '../../../src/shared/session-types';
import { advance, call, db, S } from '../first-edition-store';

export const DJANGO = 1;
export const levelsOf = (deckId: number): string[] =>
  JSON.parse(db.prepare('SELECT levels FROM decks WHERE id = ?').pluck().get(deckId) as string) as string[];
export const levelCounts = (deckId: number): Record<string, number> =>
  Object.fromEntries(
    (
      db.prepare('SELECT level, count(*) AS n FROM questions WHERE deck_id = ? GROUP BY level').all(deckId) as Array<{
        level: string;
        n: number;
      }>
    ).map((r) => [r.level, r.n]),
  );
export const aliasesOf = (label: string): string[] =>
  JSON.parse(db.prepare('SELECT aliases FROM keywords WHERE label = ?').pluck().get(label) as string) as string[];
export const count = (sql: string, ...params: unknown[]): number =>
  db
    .prepare(sql)
    .pluck()
    .get(...params) as number;
export const sessionStatus = (id: number): string =>
  db.prepare('SELECT status FROM sessions WHERE id = ?').pluck().get(id) as string;

/** A second deck with two questions sharing the keyword `goroutine`. */
export async function goDeck(): Promise<{ deckId: number; ids: number[] }> {
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
export async function runSession(questionIds: number[], { leaveLast = false } = {}): Promise<SessionView> {
  let view = await call('startSession', { questionIds, count: questionIds.length, order: 'random' });
  for (let i = 0; i < questionIds.length; i++) {
    if (leaveLast && i === questionIds.length - 1) break;
    advance(10 * S);
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
