import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, type Db } from '../../src/main/store/database';
import { migrations } from '../../src/main/store/migrations';
import { seededRandom } from '../../src/main/core/planning';

const index = migrations.findIndex((m) => m.name === 'grade-without-recount');

/** A store at `steps` migrations with two decks, four questions and one session. */
function store(steps: number): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations.slice(0, steps));
  db.exec(`
    INSERT INTO decks (id, name, created_at, updated_at) VALUES (1, 'Python', 0, 0), (2, 'SQL', 0, 0);
    INSERT INTO questions (id, deck_id, level, prompt, answer, position, created_at, updated_at)
      VALUES (1, 1, 'Beginner', 'a', 'a', 0, 0, 0), (2, 1, 'Advanced', 'b', 'b', 1, 0, 0),
             (3, 2, 'Beginner', 'c', 'c', 0, 0, 0), (4, 2, 'Advanced', 'd', 'd', 1, 0, 0);
    INSERT INTO sessions (id, config, plan, status, started_at) VALUES (1, '{}', '[]', 'finished', 0);
  `);
  return db;
}

const rollups = (db: Db): unknown[] => [
  db.prepare('SELECT * FROM stats_question_rollup ORDER BY span, start_day, deck_id, level, question_id').all(),
  db.prepare('SELECT * FROM stats_attempt_rollup ORDER BY span, start_day, deck_id, level').all(),
];

describe('0009 grade-without-recount', () => {
  it('comes after the rollup triggers it replaces', () => {
    expect(index).toBeGreaterThan(migrations.findIndex((m) => m.name === 'rollup-triggers-without-alias'));
  });

  it('keeps every rollup equal to the full recount through first, raised, lowered and removed grades and moves', () => {
    const before = store(index);
    const after = store(index + 1);
    expect(after.pragma('user_version', { simple: true })).toBe(index + 1);
    const random = seededRandom(9);
    const pick = (n: number): number => Math.floor(random() * n);
    const both = (sql: string, ...args: unknown[]): void => {
      before.prepare(sql).run(...args);
      after.prepare(sql).run(...args);
    };
    let attempts = 0;
    for (let step = 0; step < 400; step++) {
      const op = pick(10);
      if (op < 3 || attempts === 0) {
        const q = 1 + pick(4);
        const day = 20_000 + pick(40);
        both(
          `INSERT INTO attempts (session_id, question_id, deck_id, level, position, started_at, deadline, answered_at, day,
                                 time_allowed_ms, time_used_ms, outcome, mode, answer, keyword_score, self_grade)
           VALUES (1, ?, ?, ?, ?, 0, 1, ?, ?, 60000, 1000, 'answered', 'write', '', 0.5, NULL)`,
          q,
          q <= 2 ? 1 : 2,
          q % 2 ? 'Beginner' : 'Advanced',
          attempts++,
          day * 86_400_000 + pick(1000),
          day,
        );
      } else if (op < 8) {
        // Grades: mostly first or raised (the fast path), sometimes lowered or taken back.
        both('UPDATE attempts SET self_grade = ? WHERE id = ?', pick(5) || null, 1 + pick(attempts));
      } else if (op < 9) {
        const day = 20_000 + pick(40);
        both('UPDATE attempts SET day = ?, answered_at = ? WHERE id = ?', day, day * 86_400_000, 1 + pick(attempts));
      } else {
        both('UPDATE attempts SET time_used_ms = ? WHERE id = ?', pick(60_000), 1 + pick(attempts));
      }
      expect(rollups(after), `step ${step}`).toEqual(rollups(before));
    }
    const graded = after.prepare('SELECT count(*) AS n FROM attempts WHERE self_grade IS NOT NULL').get() as {
      n: number;
    };
    expect(graded.n).toBeGreaterThan(50);
  });
});
