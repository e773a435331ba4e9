import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, type Db } from '../../src/main/store/database';
import { migrations } from '../../src/main/store/migrations';
import { seededRandom } from '../../src/main/core/planning';
import { BANK_LEVELS_SQL, KEYWORDS_IN_USE_COUNT_SQL } from '../../src/main/store/library';
import { generateHistory } from '../bench/generate';

const index = migrations.findIndex((m) => m.name === 'stats-page-reads');

function store(steps: number): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations.slice(0, steps));
  return db;
}

/** The daily totals as kept, and as the daily rollup sums them: days with a count other than zero. */
function daily(db: Db): { kept: unknown[]; summed: unknown[] } {
  return {
    kept: db.prepare('SELECT day, attempts FROM stats_daily_attempts WHERE attempts <> 0 ORDER BY day').all(),
    summed: db
      .prepare(
        `SELECT start_day AS day, sum(attempts) AS attempts FROM stats_attempt_rollup WHERE span = 1
          GROUP BY start_day HAVING sum(attempts) <> 0 ORDER BY start_day`,
      )
      .all(),
  };
}

const plan = (db: Db, sql: string): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('\n');

describe('0011 stats-page-reads', () => {
  it('comes after the rollups it sums', () => {
    expect(index).toBeGreaterThan(migrations.findIndex((m) => m.name === 'history-export-order'));
  });

  it("fills each day's answers from the history already there", () => {
    const db = store(index);
    generateHistory(db, 2000, 7);
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(index + 1);
    const { kept, summed } = daily(db);
    expect(summed.length).toBeGreaterThan(100);
    expect(kept).toEqual(summed);
  });

  it('keeps the daily totals equal to the daily rollup through answers, grades, moves and deletions', () => {
    const db = store(index + 1);
    db.exec(`
      INSERT INTO decks (id, name, created_at, updated_at) VALUES (1, 'Python', 0, 0), (2, 'SQL', 0, 0);
      INSERT INTO questions (id, deck_id, level, prompt, answer, position, created_at, updated_at)
        VALUES (1, 1, 'Beginner', 'a', 'a', 0, 0, 0), (2, 1, 'Advanced', 'b', 'b', 1, 0, 0),
               (3, 2, 'Beginner', 'c', 'c', 0, 0, 0), (4, 2, 'Advanced', 'd', 'd', 1, 0, 0);
      INSERT INTO sessions (id, config, plan, status, started_at) VALUES (1, '{}', '[]', 'finished', 0),
        (2, '{}', '[]', 'finished', 0);
    `);
    const random = seededRandom(11);
    const pick = (n: number): number => Math.floor(random() * n);
    const ids = (): number[] => (db.prepare('SELECT id FROM attempts').all() as Array<{ id: number }>).map((r) => r.id);
    let position = 0;
    for (let step = 0; step < 300; step++) {
      const op = pick(10);
      const live = ids();
      const any = (): number => live[pick(live.length)]!;
      if (op < 4 || live.length === 0) {
        const q = 1 + pick(4);
        const day = 20_000 + pick(30);
        db.prepare(
          `INSERT INTO attempts (session_id, question_id, deck_id, level, position, started_at, deadline, answered_at, day,
                                 time_allowed_ms, time_used_ms, outcome, mode, answer, keyword_score, self_grade)
           VALUES (?, ?, ?, ?, ?, 0, 1, ?, ?, 60000, 1000, 'answered', 'write', '', 0.5, NULL)`,
        ).run(1 + pick(2), q, q <= 2 ? 1 : 2, q % 2 ? 'Beginner' : 'Advanced', position++, day * 86_400_000, day);
      } else if (op < 6) {
        db.prepare('UPDATE attempts SET self_grade = ? WHERE id = ?').run(pick(5) || null, any());
      } else if (op < 7) {
        const day = 20_000 + pick(30);
        db.prepare('UPDATE attempts SET day = ?, answered_at = ? WHERE id = ?').run(day, day * 86_400_000, any());
      } else if (op < 8) {
        db.prepare('UPDATE attempts SET deck_id = 3 - deck_id WHERE id = ?').run(any());
      } else if (op < 9) {
        db.prepare('DELETE FROM attempts WHERE id = ?').run(any());
      } else {
        // A rollup row moved or removed by hand: the totals follow the rollup whoever writes it.
        const row = db.prepare('SELECT span, start_day FROM stats_attempt_rollup ORDER BY random() LIMIT 1').get() as
          { span: number; start_day: number } | undefined;
        if (!row) continue;
        if (pick(2) === 0) {
          db.prepare(
            `UPDATE OR IGNORE stats_attempt_rollup SET span = ?, start_day = start_day + 1000
              WHERE span = ? AND start_day = ?`,
          ).run(row.span === 1 ? 7 : 1, row.span, row.start_day);
        } else {
          db.prepare('DELETE FROM stats_attempt_rollup WHERE span = ? AND start_day = ?').run(row.span, row.start_day);
        }
      }
      const { kept, summed } = daily(db);
      expect(kept, `step ${step}`).toEqual(summed);
    }
    expect(ids().length).toBeGreaterThan(30);
  });

  it("counts the bank's live questions and keywords from indexes, without reading the questions' rows", () => {
    const db = store(index + 1);
    expect(plan(db, BANK_LEVELS_SQL)).toMatch(/SCAN questions USING COVERING INDEX questions_live_level\n/);
    const keywords = plan(db, KEYWORDS_IN_USE_COUNT_SQL);
    expect(keywords).toMatch(/SCAN qk USING COVERING INDEX question_keywords_keyword/);
    expect(keywords).toMatch(/SEARCH questions USING COVERING INDEX questions_deleted \(deleted_at>\?\)/);
    const before = store(index);
    expect(plan(before, BANK_LEVELS_SQL)).not.toMatch(/COVERING/);
  });
});
