import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, type Db } from '../../src/main/store/database';
import { migrations } from '../../src/main/store/migrations';
import { seededRandom } from '../../src/main/core/planning';

/** Where latest-attempts is in the list (the merge may move it; its name stays). */
const index = migrations.findIndex((m) => m.name === 'latest-attempts');

/** Three questions; question 3 is never answered. */
function bank(db: Db): void {
  db.exec(`
    INSERT INTO decks (id, name, created_at, updated_at) VALUES (1, 'Python', 0, 0);
    INSERT INTO questions (id, deck_id, level, prompt, answer, position, created_at, updated_at)
      VALUES (1, 1, 'Beginner', 'What is a list?', 'A sequence.', 0, 0, 0),
             (2, 1, 'Advanced', 'What is the GIL?', 'A lock.', 1, 0, 0),
             (3, 1, 'Advanced', 'What is a generator?', 'A lazy iterator.', 2, 0, 0);
    INSERT INTO sessions (id, config, plan, status, started_at) VALUES (1, '{}', '[]', 'finished', 0);
  `);
}

let position = 0;
function answer(db: Db, questionId: number, answeredAt: number, grade: number | null, outcome = 'answered'): number {
  const result = db
    .prepare(
      `INSERT INTO attempts (session_id, question_id, deck_id, level, position, started_at, deadline, answered_at, day,
                             time_allowed_ms, time_used_ms, outcome, mode, answer, keyword_score, self_grade)
       VALUES (1, ?, 1, 'Beginner', ?, 0, 1, ?, 20000, 60000, 1000, ?, 'write', '', 0.5, ?)`,
    )
    .run(questionId, position++, answeredAt, outcome, grade);
  return Number(result.lastInsertRowid);
}

const latest = (db: Db): unknown[] =>
  db
    .prepare(
      'SELECT question_id, attempt_id, self_grade, keyword_score, outcome FROM latest_attempts ORDER BY question_id',
    )
    .all();

/** What latest_attempts must hold: each answered question's latest answer, found the slow way. */
const expected = (db: Db): unknown[] =>
  db
    .prepare(
      `SELECT a.question_id, a.id AS attempt_id, a.self_grade, a.keyword_score, a.outcome
         FROM (SELECT DISTINCT question_id FROM attempts) q
         JOIN attempts a ON a.id = (SELECT id FROM attempts WHERE question_id = q.question_id
                                     ORDER BY answered_at DESC, id DESC LIMIT 1)
        ORDER BY a.question_id`,
    )
    .all();

describe('0008 latest-attempts', () => {
  it("fills the table with each question's latest answer, the later id winning a tie", () => {
    const db = new Database(':memory:');
    expect(index).toBeGreaterThanOrEqual(0);
    migrate(db, migrations.slice(0, index));
    bank(db);
    answer(db, 1, 1000, 4);
    const tieFirst = answer(db, 1, 3000, 2);
    const tieSecond = answer(db, 1, 3000, 1, 'timed_out');
    answer(db, 2, 5000, null);
    answer(db, 2, 2000, 3);
    migrate(db, migrations.slice(0, index + 1));
    expect(db.pragma('user_version', { simple: true })).toBe(index + 1);
    expect(tieSecond).toBeGreaterThan(tieFirst);
    expect(latest(db)).toEqual([
      { question_id: 1, attempt_id: tieSecond, self_grade: 1, keyword_score: 0.5, outcome: 'timed_out' },
      { question_id: 2, attempt_id: 4, self_grade: null, keyword_score: 0.5, outcome: 'answered' },
    ]);
  });

  it('follows new answers, grades, scores and deletions', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    bank(db);
    const first = answer(db, 1, 1000, null);
    expect(latest(db)).toEqual([
      { question_id: 1, attempt_id: first, self_grade: null, keyword_score: 0.5, outcome: 'answered' },
    ]);
    // An answer recorded with an older time (a restored history) does not replace a newer one.
    answer(db, 1, 500, 4);
    expect(latest(db)).toMatchObject([{ attempt_id: first }]);
    db.prepare('UPDATE attempts SET self_grade = 3, keyword_score = 0.9 WHERE id = ?').run(first);
    expect(latest(db)).toMatchObject([{ attempt_id: first, self_grade: 3, keyword_score: 0.9 }]);
    db.prepare('DELETE FROM attempts WHERE id = ?').run(first);
    expect(latest(db)).toEqual(expected(db));
    expect(latest(db)).toMatchObject([{ question_id: 1, self_grade: 4 }]);
    // A deleted question takes its answers, and its row, with it.
    db.prepare('DELETE FROM questions WHERE id = 1').run();
    expect(latest(db)).toEqual([]);
  });

  it('stays equal to a recount through a long run of random changes', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    bank(db);
    const random = seededRandom(42);
    const pick = (n: number): number => Math.floor(random() * n);
    const ids: number[] = [];
    for (let step = 0; step < 400; step++) {
      const op = pick(10);
      if (op < 5 || ids.length === 0) {
        ids.push(answer(db, 1 + pick(3), pick(50) * 100, random() < 0.3 ? null : 1 + pick(4)));
      } else if (op < 7) {
        db.prepare('UPDATE attempts SET self_grade = ? WHERE id = ?').run(1 + pick(4), ids[pick(ids.length)]);
      } else if (op < 8) {
        db.prepare('UPDATE attempts SET answered_at = ?, question_id = ? WHERE id = ?').run(
          pick(50) * 100,
          1 + pick(3),
          ids[pick(ids.length)],
        );
      } else {
        db.prepare('DELETE FROM attempts WHERE id = ?').run(ids.splice(pick(ids.length), 1)[0]);
      }
      expect(latest(db), `step ${step}`).toEqual(expected(db));
    }
    expect(ids.length).toBeGreaterThan(50);
  });
});
