import type { Migration } from './migration';

/*
 * Stats on a long history. Every stats call reads rollups, never the whole attempt log: counts per
 * deck and level (and per keyword, per question) summed into buckets of all time (span 0), one day
 * (1), one Monday-based week (7) and four weeks (28). A window of days is read as a few aligned
 * buckets (src/main/core/stats-windows.ts). Triggers keep the rollups in step with attempts and
 * attempt_keywords, whoever writes them; the migration fills them from the history already there.
 *
 * Sums are kept as deltas (insert adds, update subtracts the old row and adds the new, delete
 * subtracts), so a bucket can hold a row whose counts have gone back to zero; readers ignore those.
 */

/** SQL for the first day of the bucket of span `s` holding `day` (see bucketStart in core). */
const start = (day: string, s = 's.span') => `CASE WHEN ${s} = 0 THEN 0 ELSE ${day} - ((${day} + 3) % ${s}) END`;

const ATTEMPT_SUMS = [
  ['attempts', () => '1'],
  ['timed_out', (r: string) => `(${r}.outcome = 'timed_out')`],
  ['skipped', (r: string) => `(${r}.outcome = 'skipped')`],
  ['graded', (r: string) => `(${r}.self_grade IS NOT NULL)`],
  ['grade_sum', (r: string) => `coalesce(${r}.self_grade, 0)`],
  ['good', (r: string) => `coalesce(${r}.self_grade >= 3, 0)`],
  ['scored', (r: string) => `(${r}.keyword_score IS NOT NULL)`],
  ['score_sum', (r: string) => `coalesce(${r}.keyword_score, 0)`],
  ['both', (r: string) => `(${r}.self_grade IS NOT NULL AND ${r}.keyword_score IS NOT NULL)`],
  ['both_grade_sum', (r: string) => `coalesce(${r}.self_grade + 0 * ${r}.keyword_score, 0)`],
  ['both_score_sum', (r: string) => `coalesce(${r}.keyword_score + 0 * ${r}.self_grade, 0)`],
  ['used_ms', (r: string) => `${r}.time_used_ms`],
  ['allowed_ms', (r: string) => `${r}.time_allowed_ms`],
] as const;

const attemptCols = ATTEMPT_SUMS.map(([c]) => c).join(', ');
const attemptUpsert = ATTEMPT_SUMS.map(([c]) => `${c} = ${c} + excluded.${c}`).join(', ');

/** Adds (sign 1) or removes (sign −1) one attempt row's contribution to the attempt rollup. */
function attemptDelta(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const values = ATTEMPT_SUMS.map(([, f]) => `${sign} * ${f(row)}`).join(', ');
  return `INSERT INTO stats_attempt_rollup (span, start_day, deck_id, level, ${attemptCols}, min_id)
    SELECT s.span, ${start(`${row}.day`)}, ${row}.deck_id, ${row}.level, ${values}, ${sign === 1 ? `${row}.id` : 'NULL'}
      FROM stats_spans s WHERE true
    ON CONFLICT DO UPDATE SET ${attemptUpsert}, min_id = coalesce(min(min_id, excluded.min_id), min_id);`;
}

/** Adds or removes one attempt's contribution to the per-question rollup (max-type columns only grow here). */
function questionDelta(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const grow = sign === 1;
  return `INSERT INTO stats_question_rollup (span, start_day, deck_id, level, question_id, attempts, graded, grade_sum, used_ms, best_grade, last_at, last_graded)
    SELECT s.span, ${start(`${row}.day`)}, ${row}.deck_id, ${row}.level, ${row}.question_id, ${sign}, ${sign} * (${row}.self_grade IS NOT NULL),
           ${sign} * coalesce(${row}.self_grade, 0), ${sign} * ${row}.time_used_ms,
           ${grow ? `${row}.self_grade` : 'NULL'}, ${grow ? `${row}.answered_at` : 'NULL'},
           ${grow ? `${row}.answered_at * 8 + ${row}.self_grade` : 'NULL'}
      FROM stats_spans s WHERE true
    ON CONFLICT DO UPDATE SET attempts = attempts + excluded.attempts, graded = graded + excluded.graded,
      grade_sum = grade_sum + excluded.grade_sum, used_ms = used_ms + excluded.used_ms,
      best_grade = nullif(max(coalesce(best_grade, 0), coalesce(excluded.best_grade, 0)), 0),
      last_at = nullif(max(coalesce(last_at, 0), coalesce(excluded.last_at, 0)), 0),
      last_graded = nullif(max(coalesce(last_graded, 0), coalesce(excluded.last_graded, 0)), 0);`;
}

/**
 * Recomputes the max-type columns of a question's buckets from the log, after a grade was lowered or
 * an attempt removed (a running max cannot be undone). Reads only that question's attempts: the
 * planner would otherwise pick the (deck, level) index and scan a whole deck for every row deleted.
 */
export function questionRecompute(row: 'NEW' | 'OLD'): string {
  const inBucket = `a.question_id = r.question_id AND a.deck_id = r.deck_id AND a.level = r.level
        AND (r.span = 0 OR a.day BETWEEN r.start_day AND r.start_day + r.span - 1)`;
  return `UPDATE stats_question_rollup AS r SET
      best_grade = (SELECT max(a.self_grade) FROM attempts a INDEXED BY attempts_question WHERE ${inBucket}),
      last_at = (SELECT max(a.answered_at) FROM attempts a INDEXED BY attempts_question WHERE ${inBucket}),
      last_graded = (SELECT max(a.answered_at * 8 + a.self_grade) FROM attempts a INDEXED BY attempts_question WHERE ${inBucket})
    WHERE r.question_id = ${row}.question_id AND r.deck_id = ${row}.deck_id AND r.level = ${row}.level
      AND (r.span, r.start_day) IN (SELECT s.span, ${start(`${row}.day`)} FROM stats_spans s);`;
}

/** Adds or removes one attempt_keywords row's contribution, looking its attempt up for day, deck and level. */
function keywordDelta(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  return `INSERT INTO stats_keyword_rollup (span, start_day, keyword_id, level, deck_id, asked, hits)
    SELECT s.span, ${start('a.day')}, ${row}.keyword_id, a.level, a.deck_id, ${sign}, ${sign} * ${row}.hit
      FROM attempts a CROSS JOIN stats_spans s WHERE a.id = ${row}.attempt_id
    ON CONFLICT DO UPDATE SET asked = asked + excluded.asked, hits = hits + excluded.hits;
    INSERT INTO stats_keyword_totals (span, start_day, keyword_id, asked, hits)
    SELECT s.span, ${start('a.day')}, ${row}.keyword_id, ${sign}, ${sign} * ${row}.hit
      FROM attempts a CROSS JOIN stats_spans s WHERE a.id = ${row}.attempt_id
    ON CONFLICT DO UPDATE SET asked = asked + excluded.asked, hits = hits + excluded.hits;`;
}

/** Moves an attempt's keyword rows between buckets when its day, deck or level changes (never, in practice). */
function keywordMove(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  return `INSERT INTO stats_keyword_rollup (span, start_day, keyword_id, level, deck_id, asked, hits)
    SELECT s.span, ${start(`${row}.day`)}, ak.keyword_id, ${row}.level, ${row}.deck_id, ${sign}, ${sign} * ak.hit
      FROM attempt_keywords ak CROSS JOIN stats_spans s WHERE ak.attempt_id = ${row}.id
    ON CONFLICT DO UPDATE SET asked = asked + excluded.asked, hits = hits + excluded.hits;
    INSERT INTO stats_keyword_totals (span, start_day, keyword_id, asked, hits)
    SELECT s.span, ${start(`${row}.day`)}, ak.keyword_id, ${sign}, ${sign} * ak.hit
      FROM attempt_keywords ak CROSS JOIN stats_spans s WHERE ak.attempt_id = ${row}.id
    ON CONFLICT DO UPDATE SET asked = asked + excluded.asked, hits = hits + excluded.hits;`;
}

function backfill(table: 'attempt' | 'question' | 'keyword'): string {
  const bucket = start('a.day', 's.span');
  if (table === 'attempt') {
    const sums = ATTEMPT_SUMS.map(([, f]) => `sum(${f('a')})`).join(', ');
    return `INSERT INTO stats_attempt_rollup (span, start_day, deck_id, level, ${attemptCols}, min_id)
      SELECT s.span, ${bucket} AS b, a.deck_id, a.level, ${sums}, min(a.id)
        FROM stats_spans s CROSS JOIN attempts a GROUP BY s.span, b, a.deck_id, a.level;`;
  }
  if (table === 'question') {
    return `INSERT INTO stats_question_rollup (span, start_day, deck_id, level, question_id, attempts, graded, grade_sum, used_ms, best_grade, last_at, last_graded)
      SELECT s.span, ${bucket} AS b, a.deck_id, a.level, a.question_id, count(*), count(a.self_grade), coalesce(sum(a.self_grade), 0),
             sum(a.time_used_ms), max(a.self_grade), max(a.answered_at), max(a.answered_at * 8 + a.self_grade)
        FROM stats_spans s CROSS JOIN attempts a GROUP BY s.span, b, a.deck_id, a.level, a.question_id;`;
  }
  return `INSERT INTO stats_keyword_rollup (span, start_day, keyword_id, level, deck_id, asked, hits)
    SELECT s.span, ${bucket} AS b, ak.keyword_id, a.level, a.deck_id, count(*), sum(ak.hit)
      FROM stats_spans s CROSS JOIN attempt_keywords ak JOIN attempts a ON a.id = ak.attempt_id
     GROUP BY s.span, b, ak.keyword_id, a.level, a.deck_id;
    INSERT INTO stats_keyword_totals (span, start_day, keyword_id, asked, hits)
    SELECT span, start_day, keyword_id, sum(asked), sum(hits) FROM stats_keyword_rollup
     GROUP BY span, start_day, keyword_id;`;
}

export const STATS_SCHEMA = `
  CREATE TABLE stats_spans (span INTEGER PRIMARY KEY);
  INSERT INTO stats_spans (span) VALUES (0), (1), (7), (28);

  CREATE TABLE stats_attempt_rollup (
    span INTEGER NOT NULL,
    start_day INTEGER NOT NULL,
    deck_id INTEGER NOT NULL,
    level TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    timed_out INTEGER NOT NULL,
    skipped INTEGER NOT NULL,
    graded INTEGER NOT NULL,
    grade_sum INTEGER NOT NULL,
    -- Graded Good or Nailed.
    good INTEGER NOT NULL,
    scored INTEGER NOT NULL,
    score_sum REAL NOT NULL,
    -- Calibration: answers with both a self-grade and a keyword score, and their sums.
    both INTEGER NOT NULL,
    both_grade_sum INTEGER NOT NULL,
    both_score_sum REAL NOT NULL,
    used_ms INTEGER NOT NULL,
    allowed_ms INTEGER NOT NULL,
    -- The lowest attempt id in the bucket (a lower bound once rows are deleted): drill-downs walk
    -- attempts by id from the newest and stop here instead of at the start of history.
    min_id INTEGER,
    PRIMARY KEY (span, start_day, deck_id, level)
  ) WITHOUT ROWID;

  -- Keyword first after the bucket: the heatmap and the drill-down seek a few keywords in each bucket.
  CREATE TABLE stats_keyword_rollup (
    span INTEGER NOT NULL,
    start_day INTEGER NOT NULL,
    keyword_id INTEGER NOT NULL,
    level TEXT NOT NULL,
    deck_id INTEGER NOT NULL,
    asked INTEGER NOT NULL,
    hits INTEGER NOT NULL,
    PRIMARY KEY (span, start_day, keyword_id, level, deck_id)
  ) WITHOUT ROWID;

  -- The same counts over every deck and level: what an unfiltered keyword ranking reads (about half the rows).
  CREATE TABLE stats_keyword_totals (
    span INTEGER NOT NULL,
    start_day INTEGER NOT NULL,
    keyword_id INTEGER NOT NULL,
    asked INTEGER NOT NULL,
    hits INTEGER NOT NULL,
    PRIMARY KEY (span, start_day, keyword_id)
  ) WITHOUT ROWID;

  CREATE TABLE stats_question_rollup (
    span INTEGER NOT NULL,
    start_day INTEGER NOT NULL,
    deck_id INTEGER NOT NULL,
    level TEXT NOT NULL,
    question_id INTEGER NOT NULL,
    attempts INTEGER NOT NULL,
    graded INTEGER NOT NULL,
    grade_sum INTEGER NOT NULL,
    used_ms INTEGER NOT NULL,
    best_grade INTEGER,
    last_at INTEGER,
    -- answered_at * 8 + self_grade of the latest graded answer: one max() finds both.
    last_graded INTEGER,
    PRIMARY KEY (span, start_day, deck_id, level, question_id)
  ) WITHOUT ROWID;

  -- Drill-downs: the latest answers naming a keyword, of a level, of a deck.
  CREATE INDEX attempt_keywords_keyword ON attempt_keywords (keyword_id, attempt_id, hit);
  CREATE INDEX attempts_level ON attempts (level);
  CREATE INDEX attempts_deck_level ON attempts (deck_id, level);

  CREATE TRIGGER stats_attempt_insert AFTER INSERT ON attempts BEGIN
    ${attemptDelta('NEW', 1)}
    ${questionDelta('NEW', 1)}
  END;

  CREATE TRIGGER stats_attempt_update
  AFTER UPDATE OF self_grade, keyword_score, outcome, day, deck_id, level, question_id, answered_at, time_used_ms, time_allowed_ms
  ON attempts BEGIN
    ${attemptDelta('OLD', -1)}
    ${attemptDelta('NEW', 1)}
    ${questionDelta('OLD', -1)}
    ${questionDelta('NEW', 1)}
    ${questionRecompute('OLD')}
  END;

  CREATE TRIGGER stats_attempt_move AFTER UPDATE OF day, deck_id, level ON attempts
  WHEN OLD.day IS NOT NEW.day OR OLD.deck_id IS NOT NEW.deck_id OR OLD.level IS NOT NEW.level BEGIN
    ${keywordMove('OLD', -1)}
    ${keywordMove('NEW', 1)}
  END;

  -- Before the row goes: its keyword rows are removed first, while their triggers can still look the attempt up
  -- (a cascade would delete them after the attempt is gone).
  CREATE TRIGGER stats_attempt_delete BEFORE DELETE ON attempts BEGIN
    DELETE FROM attempt_keywords WHERE attempt_id = OLD.id;
    ${attemptDelta('OLD', -1)}
    ${questionDelta('OLD', -1)}
  END;

  -- When the question itself is going (a deck deleted), its rollup rows drop to zero answers and are never read:
  -- recomputing their maxima for every answer deleted would only cost time.
  CREATE TRIGGER stats_attempt_deleted AFTER DELETE ON attempts
  WHEN EXISTS (SELECT 1 FROM questions WHERE id = OLD.question_id) BEGIN
    ${questionRecompute('OLD')}
  END;

  CREATE TRIGGER stats_keyword_insert AFTER INSERT ON attempt_keywords BEGIN
    ${keywordDelta('NEW', 1)}
  END;

  CREATE TRIGGER stats_keyword_update AFTER UPDATE ON attempt_keywords BEGIN
    ${keywordDelta('OLD', -1)}
    ${keywordDelta('NEW', 1)}
  END;

  CREATE TRIGGER stats_keyword_delete AFTER DELETE ON attempt_keywords BEGIN
    ${keywordDelta('OLD', -1)}
  END;
`;

/** Fills the rollups from the attempts already recorded. */
export const STATS_BACKFILL = [backfill('attempt'), backfill('question'), backfill('keyword')].join('\n');

const migration: Migration = {
  name: 'stats-indexes',
  up(db) {
    db.exec(STATS_SCHEMA);
    db.exec(STATS_BACKFILL);
  },
};

export default migration;
