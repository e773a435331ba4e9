/** Stats: the rollup tables agree with the answers, and the hot queries use their indexes. */
import { describe, expect, it } from 'vitest';
import { questionRecompute, STATS_BACKFILL } from '../../../src/main/store/migrations/0002-stats-indexes';
import * as stats from '../../../src/main/store/stats';
import { useKnownHistory, T, D1, Q2, db } from './fixture';

useKnownHistory();

describe('the rollups', () => {
  const TABLES = {
    stats_attempt_rollup: 'attempts',
    stats_keyword_rollup: 'asked',
    stats_keyword_totals: 'asked',
    stats_question_rollup: 'attempts',
  } as const;

  /** Every row with something counted; min_id apart (after a delete it is a lower bound, not the minimum). */
  function snapshot(): Record<string, unknown[]> {
    return Object.fromEntries(
      Object.entries(TABLES).map(([table, count]) => [
        table,
        (
          db.prepare(`SELECT * FROM ${table} WHERE ${count} <> 0 ORDER BY 1, 2, 3, 4, 5`).all() as Array<
            Record<string, unknown>
          >
        ).map(({ min_id: _, ...row }) => row),
      ]),
    );
  }

  /** The rollups as the triggers kept them, and as migration 0002 builds them from the log (left in place). */
  function rebuilt(): { kept: Record<string, unknown[]>; fresh: Record<string, unknown[]> } {
    const kept = snapshot();
    db.exec(
      Object.keys(TABLES)
        .map((t) => `DELETE FROM ${t};`)
        .join('\n'),
    );
    db.exec(STATS_BACKFILL);
    return { kept, fresh: snapshot() };
  }

  it('kept by triggers equal the rollups rebuilt from the log: after inserts, grades, regrades and deletes', () => {
    let { kept, fresh } = rebuilt();
    expect(kept).toEqual(fresh);
    db.prepare('UPDATE attempt_keywords SET hit = 1 WHERE attempt_id = 2 AND keyword_id = 3').run();
    db.prepare('UPDATE attempts SET self_grade = 1 WHERE id = 5').run();
    db.prepare('DELETE FROM sessions WHERE id = 2').run(); // cascades to a3, a4 and their keyword rows
    const lowest = db.prepare(
      'SELECT span, start_day, deck_id, level, min_id FROM stats_attempt_rollup WHERE attempts > 0',
    );
    const before = lowest.all() as Array<{ min_id: number }>;
    ({ kept, fresh } = rebuilt());
    expect(kept).toEqual(fresh);
    const after = lowest.all() as Array<{ min_id: number }>;
    before.forEach((row, i) => expect(row.min_id).toBeLessThanOrEqual(after[i]!.min_id));
    expect(db.prepare('SELECT sum(attempts) AS n FROM stats_attempt_rollup WHERE span = 0').get()).toEqual({ n: 4 });
  });
});

describe('query plans', () => {
  function plan(sql: string, params: Record<string, unknown>): string {
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>;
    return rows.map((r) => r.detail).join('\n');
  }
  const segments = JSON.stringify([[28, 0, 1, 0, 0]]);
  const filters = ` AND r.deck_id IN (SELECT value FROM json_each(:deckIds)) AND r.level IN (SELECT value FROM json_each(:levels))`;
  const filterParams = { deckIds: '[1]', levels: '["Beginner"]' };
  const ROLLUP_SEEK = /SEARCH r USING PRIMARY KEY \(span=\? AND start_day=\?/;

  it('read every aggregate bucket by bucket from the rollups, never by scanning a table', () => {
    const cases: Array<[string, string, Record<string, unknown>]> = [
      ['by level', stats.LEVEL_STATS_SQL(filters), { segments, ...filterParams }],
      ['by keyword, unfiltered', stats.KEYWORD_STATS_SQL(''), { segments, min: 3, listLimit: 10, weakLimit: 3 }],
      [
        'by keyword, filtered',
        stats.KEYWORD_STATS_SQL(filters),
        { segments, min: 3, listLimit: 10, weakLimit: 3, ...filterParams },
      ],
      ['heatmap', stats.HEATMAP_SQL(filters), { segments, keywordIds: '[1,2]', ...filterParams }],
      [
        'per question',
        stats.QUESTION_STATS_SQL(filters, 'lastGrade', 'desc'),
        { segments, limit: 50, offset: 0, ...filterParams },
      ],
    ];
    for (const [name, sql, params] of cases) {
      const p = plan(sql, params);
      expect(p, name).toMatch(ROLLUP_SEEK);
      expect(p, name).not.toMatch(/SCAN (r|a|attempts|attempt_keywords|stats_\w+)\b/);
    }
    expect(plan(stats.KEYWORD_STATS_SQL(''), { segments, min: 3, listLimit: 1, weakLimit: 1 })).toMatch(
      /SEARCH r USING PRIMARY KEY \(span=\? AND start_day=\?\)[\s\S]*SEARCH k USING INTEGER PRIMARY KEY/,
    );
    expect(plan(stats.KEYWORD_STATS_SQL(''), { segments, min: 3, listLimit: 1, weakLimit: 1 })).not.toMatch(
      /stats_keyword_rollup/,
    );
    expect(plan(stats.HEATMAP_SQL(''), { segments, keywordIds: '[1]' })).toMatch(
      /SEARCH r USING PRIMARY KEY \(span=\? AND start_day=\? AND keyword_id=\?\)/,
    );
  });

  it('read the calendar, the series and the streak as ranges of the daily and weekly rollup', () => {
    for (const sql of [stats.CALENDAR_SQL(filters), stats.BUCKET_SERIES_SQL(filters)]) {
      expect(plan(sql, { span: 1, from: 0, to: 10, preceding: 6, ...filterParams })).toMatch(
        /SEARCH r USING PRIMARY KEY \(span=\? AND start_day>\? AND start_day<\?\)/,
      );
    }
    const streakPlan = plan(stats.STREAK_SQL(filters), { start: T, ...filterParams });
    expect(streakPlan).toMatch(/SEARCH r EXISTS USING PRIMARY KEY \(span=\? AND start_day=\?/);
    expect(streakPlan).not.toMatch(/SCAN r\b/);
    expect(plan(stats.SESSION_SERIES_SQL(''), { fromMs: 0, preceding: 4 })).toMatch(
      /SEARCH s USING COVERING INDEX sessions_status \(status=\? AND started_at>\?\)[\s\S]*SEARCH a USING INDEX sqlite_autoindex_attempts_1 \(session_id=\?\)/,
    );
  });

  it("recompute a question's best and last grade from that question's answers only, when one is removed", () => {
    // The trigger's statement, with the deleted row's values in place of OLD.
    const old = { question_id: Q2, deck_id: D1, level: 'Advanced', day: T - 3 };
    const sql = questionRecompute('OLD').replace(/OLD\.(\w+)/g, (_, column: keyof typeof old) =>
      typeof old[column] === 'string' ? `'${old[column]}'` : String(old[column]),
    );
    const p = plan(sql, {});
    expect(p).toMatch(/SEARCH a USING INDEX attempts_question \(question_id=\?\)/);
    expect(p).not.toMatch(/attempts_deck_level|SCAN a\b/);
  });

  it('walk drill-downs down an index from the newest answer, with no sort', () => {
    const keyword = plan(stats.KEYWORD_ATTEMPTS_SQL(''), { keywordId: 1, minId: 1, from: 0, to: T, limit: 100 });
    expect(keyword).toMatch(
      /SEARCH ak USING COVERING INDEX attempt_keywords_keyword \(keyword_id=\? AND attempt_id>\?\)/,
    );
    expect(keyword).toMatch(/SEARCH a USING INTEGER PRIMARY KEY/);
    expect(keyword).not.toMatch(/TEMP B-TREE/);
    const level = plan(stats.LEVEL_ATTEMPTS_SQL(' AND a.level = :level'), {
      minId: 1,
      from: 0,
      to: T,
      limit: 100,
      level: 'Beginner',
    });
    expect(level).toMatch(/SEARCH a USING INDEX attempts_level \(level=\? AND rowid>\?\)/);
    expect(level).not.toMatch(/TEMP B-TREE/);
  });
});
