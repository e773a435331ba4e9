import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_FILE, migrate, openDb, SCHEMA_VERSION, StoreOpenError, type Db } from '../../src/main/store/database';
import { migrations, type Migration } from '../../src/main/store/migrations';

/** The schema just before the named migration (the merge may move it; its name stays). */
function schemaBefore(db: Db, name: string): number {
  const index = migrations.findIndex((m) => m.name === name);
  expect(index, name).toBeGreaterThanOrEqual(0);
  migrate(db, migrations.slice(0, index));
  return index;
}

/** Two questions answered four times over three days, with grades and keywords, in the 0001 tables. */
function practise(db: Db): void {
  db.exec(`
    INSERT INTO decks (id, name, created_at, updated_at) VALUES (1, 'Python', 0, 0);
    INSERT INTO questions (id, deck_id, level, prompt, answer, position, created_at, updated_at)
      VALUES (1, 1, 'Beginner', 'What is a list?', 'A sequence.', 0, 0, 0),
             (2, 1, 'Advanced', 'What is the GIL?', 'A lock.', 1, 0, 0);
    INSERT INTO keywords (id, label) VALUES (1, 'sequence'), (2, 'lock');
    INSERT INTO question_keywords (question_id, keyword_id, position) VALUES (1, 1, 0), (2, 2, 0);
    INSERT INTO sessions (id, config, plan, status, started_at) VALUES (1, '{}', '[]', 'finished', 0);
    INSERT INTO attempts (id, session_id, question_id, deck_id, level, position, started_at, deadline, answered_at, day,
                          time_allowed_ms, time_used_ms, outcome, mode, answer, keyword_score, self_grade)
      VALUES (1, 1, 1, 1, 'Beginner', 0, 0, 1, 1000, 20000, 60000, 30000, 'answered', 'write', 'a sequence', 1, 4),
             (2, 1, 2, 1, 'Advanced', 1, 0, 1, 2000, 20000, 60000, 40000, 'answered', 'write', 'no idea', 0, 1),
             (3, 1, 1, 1, 'Beginner', 2, 0, 1, 3000, 20001, 60000, 20000, 'timed_out', 'write', '', 0, 2),
             (4, 1, 2, 1, 'Advanced', 3, 0, 1, 4000, 20002, 60000, 50000, 'answered', 'write', 'a lock', 1, 3);
    INSERT INTO attempt_keywords (attempt_id, keyword_id, hit) VALUES (1, 1, 1), (2, 2, 0), (3, 1, 0), (4, 2, 1);
  `);
}

const rows = (db: Db, sql: string): unknown[] => db.prepare(sql).all();

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-migrations-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('0001 initial', () => {
  it('builds the tables from nothing, with their rules', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 1));
    practise(db);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(() => db.prepare('UPDATE attempts SET self_grade = 5 WHERE id = 1').run()).toThrow(/CHECK/);
    expect(rows(db, 'SELECT count(*) AS n FROM attempts')).toEqual([{ n: 4 }]);
  });
});

describe('0002 stats-indexes', () => {
  it('fills the rollups from the answers already there', () => {
    const db = new Database(':memory:');
    const index = schemaBefore(db, 'stats-indexes');
    practise(db);
    migrate(db, migrations.slice(0, index + 1));
    expect(
      rows(db, 'SELECT level, attempts, timed_out, grade_sum FROM stats_attempt_rollup WHERE span = 0 ORDER BY level'),
    ).toEqual([
      { level: 'Advanced', attempts: 2, timed_out: 0, grade_sum: 4 },
      { level: 'Beginner', attempts: 2, timed_out: 1, grade_sum: 6 },
    ]);
    expect(
      rows(db, 'SELECT keyword_id, asked, hits FROM stats_keyword_totals WHERE span = 0 ORDER BY keyword_id'),
    ).toEqual([
      { keyword_id: 1, asked: 2, hits: 1 },
      { keyword_id: 2, asked: 2, hits: 1 },
    ]);
  });
});

describe('0006 deck-delete-is-final', () => {
  it('drops decks.deleted_at, keeps decks, questions and answers, and deck names unique ignoring case', () => {
    const db = new Database(':memory:');
    const index = schemaBefore(db, 'deck-delete-is-final');
    practise(db);
    const before = {
      decks: rows(db, 'SELECT id, name FROM decks ORDER BY id'),
      attempts: rows(db, 'SELECT * FROM attempts ORDER BY id'),
      rollup: rows(db, 'SELECT * FROM stats_question_rollup ORDER BY 1, 2, 3, 4, 5'),
    };
    migrate(db, migrations.slice(0, index + 1));
    expect(db.pragma('user_version', { simple: true })).toBe(index + 1);
    expect(rows(db, "SELECT name FROM pragma_table_info('decks') WHERE name = 'deleted_at'")).toEqual([]);
    expect(rows(db, 'SELECT id, name FROM decks ORDER BY id')).toEqual(before.decks);
    expect(rows(db, 'SELECT * FROM attempts ORDER BY id')).toEqual(before.attempts);
    expect(rows(db, 'SELECT * FROM stats_question_rollup ORDER BY 1, 2, 3, 4, 5')).toEqual(before.rollup);
    expect(() => db.exec("INSERT INTO decks (name, created_at, updated_at) VALUES ('PYTHON', 0, 0)")).toThrow(/UNIQUE/);
    // A removed bundled deck is remembered once, by slug.
    db.exec("INSERT INTO bundled_removed (slug, removed_at) VALUES ('django', 5)");
    expect(() => db.exec("INSERT INTO bundled_removed (slug, removed_at) VALUES ('django', 6)")).toThrow(/UNIQUE/);
  });
});

describe('0007 no-keywords-no-score', () => {
  it('unscores answers recorded against no keywords, and the rollups follow; scored answers stay', () => {
    const db = new Database(':memory:');
    const index = schemaBefore(db, 'no-keywords-no-score');
    practise(db);
    // Answer 2 as a question with no keywords recorded it: a score of 0, no keyword rows.
    db.exec('DELETE FROM attempt_keywords WHERE attempt_id = 2');
    const scored = (): unknown[] =>
      rows(db, "SELECT scored, score_sum FROM stats_attempt_rollup WHERE span = 0 AND level = 'Advanced'");
    expect(scored()).toEqual([{ scored: 2, score_sum: 1 }]);
    const others = rows(db, 'SELECT id, keyword_score, scorer_version FROM attempts WHERE id <> 2 ORDER BY id');
    migrate(db, migrations.slice(0, index + 1));
    expect(db.pragma('user_version', { simple: true })).toBe(index + 1);
    expect(rows(db, 'SELECT keyword_score, scorer_version FROM attempts WHERE id = 2')).toEqual([
      { keyword_score: null, scorer_version: null },
    ]);
    expect(rows(db, 'SELECT id, keyword_score, scorer_version FROM attempts WHERE id <> 2 ORDER BY id')).toEqual(
      others,
    );
    expect(scored()).toEqual([{ scored: 1, score_sum: 1 }]);
  });
});

describe('0005 rollup-triggers-without-alias', () => {
  const RENAME_AND_DROP = [
    'ALTER TABLE settings ADD COLUMN note TEXT',
    'ALTER TABLE settings RENAME COLUMN note TO remark',
    'ALTER TABLE settings DROP COLUMN remark',
    'ALTER TABLE review_state RENAME TO review_state_renamed',
    'ALTER TABLE review_state_renamed RENAME TO review_state',
  ];

  it('before it, a migrated store refuses every rename and dropped column (the bug it fixes)', () => {
    const db = new Database(':memory:');
    schemaBefore(db, 'rollup-triggers-without-alias');
    expect(() => db.exec(RENAME_AND_DROP.slice(0, 2).join(';'))).toThrow(/no such column: r\.question_id/);
  });

  it('keeps every answer and rollup, and the triggers still recompute a lowered grade', () => {
    const db = new Database(':memory:');
    const index = schemaBefore(db, 'rollup-triggers-without-alias');
    practise(db);
    const before = {
      attempts: rows(db, 'SELECT * FROM attempts ORDER BY id'),
      rollup: rows(db, 'SELECT * FROM stats_question_rollup ORDER BY 1, 2, 3, 4, 5'),
    };
    migrate(db, migrations.slice(0, index + 1));
    expect(db.pragma('user_version', { simple: true })).toBe(index + 1);
    expect(rows(db, 'SELECT * FROM attempts ORDER BY id')).toEqual(before.attempts);
    expect(rows(db, 'SELECT * FROM stats_question_rollup ORDER BY 1, 2, 3, 4, 5')).toEqual(before.rollup);
    expect(rows(db, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '% AS r %'")).toEqual([]);

    // Question 1's best grade was 4 (attempt 1); lowered to 1, the best is now attempt 3's 2.
    db.prepare('UPDATE attempts SET self_grade = 1 WHERE id = 1').run();
    expect(rows(db, 'SELECT best_grade FROM stats_question_rollup WHERE span = 0 AND question_id = 1')).toEqual([
      { best_grade: 2 },
    ]);
    // An answer deleted: the question's last answer goes back to the one before.
    db.prepare('DELETE FROM attempts WHERE id = 4').run();
    expect(rows(db, 'SELECT last_at, attempts FROM stats_question_rollup WHERE span = 0 AND question_id = 2')).toEqual([
      { last_at: 2000, attempts: 1 },
    ]);
  });

  it("still recomputes through the question's index, not a scan of the deck", () => {
    const db = new Database(':memory:');
    migrate(db);
    const body = (
      db.prepare("SELECT sql FROM sqlite_master WHERE name = 'stats_attempt_deleted'").pluck().get() as string
    ).replace(/^[\s\S]*?BEGIN|END\s*$/g, '');
    const old: Record<string, string> = { question_id: '2', deck_id: '1', level: "'Advanced'", day: '20000' };
    const sql = body.replace(/OLD\.(\w+)/g, (_, column: string) => old[column]!).replace(/;\s*$/, '');
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>)
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/SEARCH a USING INDEX attempts_question \(question_id=\?\)/);
    expect(plan).toMatch(/SEARCH stats_question_rollup USING PRIMARY KEY/);
    expect(plan).not.toMatch(/attempts_deck_level|SCAN a\b/);
  });

  it('after the whole chain, columns and tables can be renamed and dropped', () => {
    const db = new Database(':memory:');
    migrate(db);
    practise(db);
    for (const sql of RENAME_AND_DROP) db.exec(sql);
    db.exec('ALTER TABLE attempts RENAME COLUMN answer TO answer_text');
    db.exec('ALTER TABLE attempts RENAME COLUMN answer_text TO answer');
    expect(rows(db, 'SELECT count(*) AS n FROM attempts')).toEqual([{ n: 4 }]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('a migration that fails', () => {
  it('leaves the file at the version before it, with its data, and the app opens it', async () => {
    const first = await openDb(dir);
    practise(first);
    first.close();
    const broken: Migration = {
      name: 'broken',
      up(db) {
        db.exec('CREATE TABLE half_done (x)');
        db.exec('INSERT INTO no_such_table VALUES (1)');
      },
    };
    const db = new Database(path.join(dir, DB_FILE));
    let error: unknown;
    try {
      migrate(db, [...migrations, broken]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `could not update its data to format ${SCHEMA_VERSION + 1} \\(broken: no such table: no_such_table\\).*left as it was, in format ${SCHEMA_VERSION}`,
      ),
    );
    db.close();
    const again = await openDb(dir);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(rows(again, "SELECT name FROM sqlite_master WHERE name = 'half_done'")).toEqual([]);
    expect(rows(again, 'SELECT count(*) AS n FROM attempts')).toEqual([{ n: 4 }]);
    again.close();
  });
});
