/** Migration 0003: a store at version 2 with answers already scored keeps them, marked as scored by version 1. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, SCHEMA_VERSION, type Db } from '../../src/main/store/database';
import { migrations } from '../../src/main/store/migrations';
import { STATS_BACKFILL } from '../../src/main/store/migrations/0002-stats-indexes';

const DAY = 20_600;

/** Schema 2 (what the previous release wrote) with a deck, one question, two keywords and four answers. */
function versionTwo(): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  db.transaction(() => {
    migrations[0]!.up(db);
    migrations[1]!.up(db);
    db.pragma('user_version = 2');
  })();
  db.exec(`
    INSERT INTO decks (id, name, created_at, updated_at) VALUES (1, 'Django', 0, 0);
    INSERT INTO questions (id, deck_id, level, prompt, answer, position, created_at, updated_at)
      VALUES (1, 1, 'Advanced', 'How do transactions work?', 'atomic', 0, 0, 0);
    INSERT INTO keywords (id, label) VALUES (1, 'transaction.atomic'), (2, 'savepoint');
    INSERT INTO question_keywords (question_id, keyword_id, weight, position) VALUES (1, 1, 1, 0), (1, 2, 1, 1);
    INSERT INTO sessions (id, config, plan, status, started_at, cursor) VALUES (1, '{}', '[1,1,1,1]', 'finished', 0, 4);
  `);
  const attempt = db.prepare(
    `INSERT INTO attempts (id, session_id, question_id, deck_id, level, position, started_at, deadline, answered_at, day,
                           time_allowed_ms, time_used_ms, outcome, mode, answer, keyword_score, self_grade)
     VALUES (?, 1, 1, 1, 'Advanced', ?, 0, 1, 1, ${DAY}, 120000, 60000, ?, ?, ?, ?, 3)`,
  );
  const hit = db.prepare('INSERT INTO attempt_keywords (attempt_id, keyword_id, hit) VALUES (?, ?, ?)');
  attempt.run(1, 0, 'answered', 'write', 'Wrap it in transaction.atomic', 0.5);
  attempt.run(2, 1, 'timed_out', 'write', 'Savepoints and', 0.5);
  attempt.run(3, 2, 'answered', 'speak', '', 1);
  attempt.run(4, 3, 'skipped', 'write', '', null);
  for (const [a, k, h] of [
    [1, 1, 1],
    [1, 2, 0],
    [2, 1, 0],
    [2, 2, 1],
    [3, 1, 1],
    [3, 2, 1],
    [4, 1, 0],
    [4, 2, 0],
  ] as const)
    hit.run(a, k, h);
  return db;
}

const rollups = (db: Db) => ({
  attempts: db.prepare('SELECT * FROM stats_attempt_rollup ORDER BY 1, 2, 3, 4').all(),
  keywords: db.prepare('SELECT * FROM stats_keyword_rollup WHERE asked <> 0 ORDER BY 1, 2, 3, 4, 5').all(),
  totals: db.prepare('SELECT * FROM stats_keyword_totals WHERE asked <> 0 ORDER BY 1, 2, 3').all(),
});

describe('migration 0003 (scorer version, verdicts and credits)', () => {
  it('marks the answers a scorer scored as version 1 and keeps every answer, hit and rollup as it was', () => {
    const db = versionTwo();
    const answers = db.prepare('SELECT id, answer, keyword_score, self_grade FROM attempts ORDER BY id').all();
    const hitsBefore = db.prepare('SELECT attempt_id, keyword_id, hit FROM attempt_keywords ORDER BY 1, 2').all();
    const before = rollups(db);

    migrate(db);

    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT id, answer, keyword_score, self_grade FROM attempts ORDER BY id').all()).toEqual(answers);
    // Written answers (answered, timed out) were scored by version 1; spoken and skipped ones by no scorer.
    expect(db.prepare('SELECT id, scorer_version FROM attempts ORDER BY id').all()).toEqual([
      { id: 1, scorer_version: 1 },
      { id: 2, scorer_version: 1 },
      { id: 3, scorer_version: null },
      { id: 4, scorer_version: null },
    ]);
    expect(db.prepare('SELECT attempt_id, keyword_id, hit FROM attempt_keywords ORDER BY 1, 2').all()).toEqual(
      hitsBefore,
    );
    expect(
      db.prepare('SELECT count(*) AS n FROM attempt_keywords WHERE verdict IS NOT NULL OR credit IS NOT NULL').get(),
    ).toEqual({
      n: 0,
    });
    expect(rollups(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM attempts WHERE scorer_version < 2').get()).toEqual({ n: 2 });
  });

  it('stores verdicts and credits without moving the keyword rollups; a changed hit still moves them', () => {
    const db = versionTwo();
    migrate(db);
    const before = rollups(db);
    db.prepare(
      "UPDATE attempt_keywords SET verdict = 'listed', credit = 0.5 WHERE attempt_id = 2 AND keyword_id = 1",
    ).run();
    expect(rollups(db)).toEqual(before);

    db.prepare(
      "UPDATE attempt_keywords SET hit = 1, verdict = 'named', credit = 1 WHERE attempt_id = 2 AND keyword_id = 1",
    ).run();
    const allTime = db.prepare('SELECT asked, hits FROM stats_keyword_totals WHERE span = 0 AND keyword_id = 1');
    // transaction.atomic: asked in all 4 answers, named in a1, a3 and now a2.
    expect(allTime.get()).toEqual({ asked: 4, hits: 3 });
  });

  it('keeps the rollups equal to a rebuild from the log when a score, a grade, or both change', () => {
    const db = versionTwo();
    migrate(db);
    const all = (sql: string) => db.prepare(sql).all();
    const snapshot = () => ({
      attempts: all('SELECT * FROM stats_attempt_rollup WHERE attempts <> 0 ORDER BY 1, 2, 3, 4'),
      questions: all('SELECT * FROM stats_question_rollup WHERE attempts <> 0 ORDER BY 1, 2, 3, 4, 5'),
      keywords: rollups(db).keywords,
      totals: rollups(db).totals,
    });
    db.prepare('UPDATE attempts SET keyword_score = 0.25 WHERE id = 1').run();
    db.prepare('UPDATE attempts SET keyword_score = 1, self_grade = 4 WHERE id = 2').run();
    db.prepare('UPDATE attempts SET self_grade = 1 WHERE id = 1').run();
    db.prepare('UPDATE attempts SET keyword_score = keyword_score, self_grade = self_grade').run();
    const kept = snapshot();
    // a1 0.25 + a2 1 + a3 (spoken, ticked) 1; a4 skipped has none. Every scored answer is graded.
    expect(
      db
        .prepare('SELECT sum(score_sum) AS sum, sum(both_score_sum) AS both FROM stats_attempt_rollup WHERE span = 0')
        .get(),
    ).toEqual({ sum: 2.25, both: 2.25 });
    db.exec(`DELETE FROM stats_attempt_rollup; DELETE FROM stats_question_rollup;
             DELETE FROM stats_keyword_rollup; DELETE FROM stats_keyword_totals;`);
    db.exec(STATS_BACKFILL);
    const fresh = snapshot();
    const withoutMinId = (rows: unknown[]) => rows.map((r) => ({ ...(r as object), min_id: null }));
    expect({ ...kept, attempts: withoutMinId(kept.attempts) }).toEqual({
      ...fresh,
      attempts: withoutMinId(fresh.attempts),
    });
  });

  it('refuses a verdict it does not know and a credit outside 0..1', () => {
    const db = versionTwo();
    migrate(db);
    expect(() => db.prepare("UPDATE attempt_keywords SET verdict = 'guessed' WHERE attempt_id = 1").run()).toThrow(
      /CHECK/,
    );
    expect(() => db.prepare('UPDATE attempt_keywords SET credit = 1.5 WHERE attempt_id = 1').run()).toThrow(/CHECK/);
  });
});
