/**
 * An import is written in one transaction: when a write fails part-way through, nothing of it stays. The failure is
 * made by a TEMP trigger (it lives in the connection's temp schema, not in the data file) that aborts the third
 * INSERT into questions, after the deck, two questions and their keywords were written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../src/shared/transfer';
import type { Handlers } from '../../src/main/api';
import { dispatch } from '../../src/main/api/dispatch';
import type { AppCore } from '../../src/main/app';
import type { Db } from '../../src/main/store/database';
import { diskApp, storeFileHash } from './harness';

const NOW = Date.UTC(2026, 2, 10, 9, 30);
const clock = { now: () => NOW };

let dir: string;
let api: Handlers;
let db: Db;
let dispose: () => void;

beforeEach(async () => {
  let core: AppCore;
  ({ dir, core, dispose } = await diskApp(clock, 'prepdeck-import-tx-'));
  ({ api, db } = core);
});
afterEach(() => dispose());

const storeHash = (): string => storeFileHash(db, dir);

const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;

/** Every INSERT into questions after the first two fails, until the triggers are dropped. */
function failThirdQuestionInsert(): void {
  db.exec(`
    CREATE TEMP TABLE inserted_questions (n INTEGER NOT NULL);
    INSERT INTO inserted_questions VALUES (0);
    CREATE TEMP TRIGGER count_question_inserts AFTER INSERT ON main.questions
      BEGIN UPDATE inserted_questions SET n = n + 1; END;
    CREATE TEMP TRIGGER fail_third_question_insert BEFORE INSERT ON main.questions
      WHEN (SELECT n FROM inserted_questions) >= 2
      BEGIN SELECT RAISE(ABORT, 'injected failure: the third question cannot be written'); END;
  `);
}

function stopFailing(): void {
  db.exec(`
    DROP TRIGGER temp.fail_third_question_insert;
    DROP TRIGGER temp.count_question_inserts;
    DROP TABLE temp.inserted_questions;
  `);
}

const question = (prompt: string, keyword: string, answer = `About ${keyword}.`): string =>
  `### ${prompt}\n\nKeywords: ${keyword} *2; transaction\nTags: tx\n\n${answer}\n`;

/** Five new questions at a level of their own, and one that is already in the Django deck (an update). */
const DECK = [
  '# Transactions',
  '',
  'Levels: Beginner, Intermediate, Advanced, Scenario, Expert',
  '',
  '## Beginner',
  '',
  question("What are Django's key features?", 'ORM', 'An updated answer.'),
  '## Expert',
  '',
  question('What is a savepoint?', 'savepoint'),
  question('What is write-ahead logging?', 'WAL'),
  question('What is two-phase commit?', 'coordinator'),
  question('What is MVCC?', 'snapshot'),
  question('What is a deadlock?', 'lock order'),
].join('\n');

function commit(target: unknown): ReturnType<typeof dispatch> {
  return dispatch(api, 'commitImport', {
    source: { kind: 'text', text: DECK, fileName: 'transactions.md' },
    target,
    duplicates: 'update',
  });
}

describe('an import that fails part-way through', () => {
  it.each([
    ['into a new deck', { newDeckName: 'Transactions' }],
    ['into an existing deck, after extending its levels and updating a question', { deckId: 1 }],
  ])('%s leaves the store byte for byte as it was, and says so', async (_what, target) => {
    failThirdQuestionInsert();
    const before = storeHash();
    const questions = count('SELECT count(*) AS n FROM questions');
    const keywords = count('SELECT count(*) AS n FROM question_keywords');

    const result = await commit(target);

    expect(result).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: 'That would break a rule of the question bank (a duplicate or a missing link). Nothing was changed.',
      },
    });
    expect(storeHash()).toBe(before);
    expect(count('SELECT count(*) AS n FROM questions')).toBe(questions);
    expect(count('SELECT count(*) AS n FROM question_keywords')).toBe(keywords);
    expect(count("SELECT count(*) AS n FROM decks WHERE name = 'Transactions'")).toBe(0);
    expect(count('SELECT count(*) AS n FROM decks WHERE levels LIKE \'%"Expert"%\'')).toBe(0);
    expect(db.inTransaction).toBe(false);

    // The same import goes through once writes work again: the failure left no open transaction behind.
    stopFailing();
    const done = await commit(target);
    expect(done.ok).toBe(true);
    const value = (done as { value: ImportResult }).value;
    expect([value.created, value.updated]).toEqual(
      'deckId' in target ? [5, 1] : [6, 0], // a new deck has no Django question to update
    );
    expect(storeHash()).not.toBe(before);
  });
});
