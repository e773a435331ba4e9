/**
 * Stats as it opens (all time, every deck and level) reads its own shortcuts: the all-time keyword totals picked
 * before the trend is summed, the daily totals of migration 0011, the live questions' indexes. Each must give the
 * numbers of the general path it stands in for, on a generated history: the same call with every deck named (which
 * reads the per-deck rollups), or the query the shortcut replaced.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Handlers } from '../../../src/main/api';
import { statsWindow } from '../../../src/main/core/stats-windows';
import { openMemoryDb, type Db } from '../../../src/main/store/database';
import { bankSummary } from '../../../src/main/store/library';
import * as stats from '../../../src/main/store/stats';
import { segmentsParam } from '../../../src/main/store/stats/scope';
import { MIN_KEYWORD_ATTEMPTS, type StatsRange } from '../../../src/shared/stats-types';
import { generateHistory, type GeneratedHistory } from '../../bench/generate';
import { callApi } from '../harness';
import { DAY } from './fixture';

const RANGES: StatsRange[] = ['all', '90d', '30d', '7d'];

let db: Db;
let history: GeneratedHistory;
let now = 0;
let api: Handlers;
let everyDeck: number[];

beforeAll(() => {
  db = openMemoryDb();
  history = generateHistory(db, 4000, 5);
  // Keywords at the edges of the ranking: asked once, and twice (under the weakest list's minimum).
  db.exec(`
    INSERT INTO keywords (id, label) VALUES (900001, 'asked once'), (900002, 'asked twice');
    INSERT INTO attempt_keywords (attempt_id, keyword_id, hit) VALUES (1, 900001, 0), (1, 900002, 1), (2, 900002, 0);
  `);
  api = createApi(db, { now: () => now });
  everyDeck = (db.prepare('SELECT id FROM decks').all() as Array<{ id: number }>).map((d) => d.id);
});

/** "Today" at the history's end, inside its last month, and long after it (no answer in the trend's recent part). */
const todays = (): number[] => [history.today, history.today - 20, history.today + 400];

describe('Stats opened on all time, every deck', () => {
  it('ranks keywords as the general query does: the same rows, figures and trends', () => {
    const byKeyword = (rows: unknown[]): unknown[] =>
      [...(rows as Array<{ keyword_id: number }>)].sort((a, b) => a.keyword_id - b.keyword_id);
    for (const today of todays()) {
      const segments = segmentsParam(statsWindow('all', today).trendBuckets);
      for (const [listLimit, weakLimit] of [
        [200, 10],
        [5, 10],
        [0, 3],
        [1000, 1000],
      ]) {
        const params = { segments, min: MIN_KEYWORD_ATTEMPTS, listLimit, weakLimit };
        const general = db.prepare(stats.KEYWORD_STATS_SQL('')).all(params);
        const allTime = db.prepare(stats.KEYWORD_STATS_ALL_TIME_SQL).all(params);
        expect(general.length, `today ${today}, limits ${listLimit}/${weakLimit}`).toBeGreaterThan(0);
        expect(byKeyword(allTime), `today ${today}, limits ${listLimit}/${weakLimit}`).toEqual(byKeyword(general));
      }
    }
  });

  it('answers the page with the numbers of the same page filtered to every deck', async () => {
    for (const today of todays()) {
      now = today * DAY + 20 * 3_600_000;
      for (const range of RANGES) {
        const label = `today ${today}, ${range}`;
        const keywords = await callApi(api, 'getKeywordStats', { range });
        expect(keywords, label).toEqual(await callApi(api, 'getKeywordStats', { range, deckIds: everyDeck }));
        const activity = await callApi(api, 'getActivityStats', { range });
        expect(activity, label).toEqual(await callApi(api, 'getActivityStats', { range, deckIds: everyDeck }));
        if (range === 'all') expect(keywords.keywords.length, label).toBeGreaterThan(100);
      }
      const activity = await callApi(api, 'getActivityStats', { range: 'all' });
      if (today === history.today) {
        expect(activity.calendar.days.length).toBeGreaterThan(100);
        expect(activity.streak).toBeGreaterThan(0);
      }
    }
  });

  it('counts the live bank as a plain reading of the questions does, with questions deleted', () => {
    const plain = (): { questions: number; levels: unknown[]; keywords: number } => ({
      questions: (db.prepare('SELECT count(*) AS n FROM questions WHERE deleted_at IS NULL').get() as { n: number }).n,
      levels: db
        .prepare(
          'SELECT level, count(*) AS count FROM questions WHERE deleted_at IS NULL GROUP BY level ORDER BY level',
        )
        .all(),
      keywords: (
        db
          .prepare(
            `SELECT count(*) AS n FROM keywords k WHERE EXISTS (SELECT 1 FROM question_keywords qk
               JOIN questions q ON q.id = qk.question_id WHERE qk.keyword_id = k.id AND q.deleted_at IS NULL)`,
          )
          .get() as { n: number }
      ).n,
    });
    const summary = (): { questions: number; levels: unknown[]; keywords: number } => {
      const bank = bankSummary(db);
      return {
        questions: bank.questionCount,
        levels: [...bank.levels].sort((a, b) => a.level.localeCompare(b.level)),
        keywords: bank.keywordCount,
      };
    };
    expect(summary()).toEqual(plain());
    const before = plain();
    // A deck's own keywords go with its questions: delete every question of one deck, and some of another's.
    db.prepare('UPDATE questions SET deleted_at = 1 WHERE deck_id = ?').run(everyDeck[0]);
    db.prepare('UPDATE questions SET deleted_at = 1 WHERE deck_id = ? AND id % 3 = 0').run(everyDeck[1]);
    const after = plain();
    expect(after.keywords).toBeLessThan(before.keywords);
    expect(after.questions).toBeLessThan(before.questions);
    expect(summary()).toEqual(after);
    db.prepare('UPDATE questions SET deleted_at = NULL').run();
    expect(summary()).toEqual(before);
  });
});
