import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, type Db } from '../../src/main/store/database';
import { migrations } from '../../src/main/store/migrations';
import { historyPage, type HistoryKey } from '../../src/main/store/history-export';

const index = migrations.findIndex((m) => m.name === 'history-export-order');

function store(steps: number): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations.slice(0, steps));
  return db;
}

/** The query plan of the export's page after a given place. */
const plan = (db: Db): string[] =>
  (
    db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id, answered_at, session_id, position FROM attempts
          WHERE (answered_at, session_id, position) > (?, ?, ?) ORDER BY answered_at, session_id, position LIMIT ?`,
      )
      .all(0, 0, 0, 10) as Array<{ detail: string }>
  ).map((r) => r.detail);

/** The whole order, read as the export reads it: pages of two. */
function historyOrder(db: Db): number[] {
  const ids: number[] = [];
  let after: HistoryKey | null = null;
  for (;;) {
    const page = historyPage(db, after, 2);
    if (page.ids.length === 0) return ids;
    ids.push(...page.ids);
    after = page.last;
  }
}

describe('0010 history-export-order', () => {
  it('comes after the tables it indexes', () => {
    expect(index).toBeGreaterThan(migrations.findIndex((m) => m.name === 'grade-without-recount'));
  });

  it('lets the history export read its order from an index instead of sorting every answer', () => {
    const before = store(index);
    expect(plan(before).some((d) => d.includes('TEMP B-TREE'))).toBe(true);
    const after = store(index + 1);
    expect(after.pragma('user_version', { simple: true })).toBe(index + 1);
    expect(plan(after)).toEqual([
      'SEARCH attempts USING COVERING INDEX attempts_export_order ((answered_at,session_id,position)>(?,?,?))',
    ]);
  });

  it('keeps the answers, and the order reads the same as the sort did', () => {
    const db = store(index);
    db.exec(`
      INSERT INTO decks (id, name, created_at, updated_at) VALUES (1, 'Python', 0, 0);
      INSERT INTO questions (id, deck_id, level, prompt, answer, position, created_at, updated_at)
        VALUES (1, 1, 'Beginner', 'a', 'a', 0, 0, 0);
      INSERT INTO sessions (id, config, plan, status, started_at) VALUES (1, '{}', '[]', 'finished', 0),
        (2, '{}', '[]', 'finished', 0);
    `);
    const insert = db.prepare(
      `INSERT INTO attempts (id, session_id, question_id, deck_id, level, position, started_at, deadline, answered_at,
                             day, time_allowed_ms, time_used_ms, outcome, mode)
       VALUES (?, ?, 1, 1, 'Beginner', ?, 0, 0, ?, 0, 60000, 1000, 'answered', 'write')`,
    );
    // Ids out of time order, a tie on the time broken by session, then by position.
    for (const [id, session, position, at] of [
      [1, 2, 0, 50],
      [2, 1, 1, 50],
      [3, 1, 0, 50],
      [4, 1, 2, 10],
      [5, 2, 1, 90],
    ]) {
      insert.run(id, session, position, at);
    }
    const sorted = historyOrder(db);
    expect(sorted).toEqual([4, 3, 2, 1, 5]);
    migrate(db, migrations.slice(0, index + 1));
    expect(historyOrder(db)).toEqual(sorted);
  });
});
