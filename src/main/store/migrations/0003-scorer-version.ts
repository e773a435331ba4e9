import type { Migration } from './migration';

/*
 * Scores that say why. Each scored answer records which version of the keyword scorer scored it, and
 * each of its keywords the scorer's verdict (named, alias, listed, echoed, negated, missed) and the
 * credit it earned (0..1). `hit` keeps its meaning, "fully named" (credit 1): the weak-keyword stats
 * and their rollups read it.
 *
 * scorer_version is set where a scorer ran: a written answer, answered or timed out. Speak-mode answers
 * (keywords ticked by the person) and skipped questions have none. Answers already recorded were scored
 * by version 1, which gave no verdicts: their verdict and credit stay NULL, read as named/missed from hit.
 *
 * Attempts are append-only history with one exception: re-scoring (api rescoreHistory) rewrites the
 * keyword score, keyword rows and scorer_version of answers an older scorer scored, so the charts use one
 * ruler. The rollup triggers of 0002 keep the stats in step with those writes; two of them are narrowed
 * here to the changes the rollups read, so a re-score costs what it changes: storing a verdict or
 * credit does not move every keyword bucket twice for nothing, and a new keyword score does not
 * recompute every per-question maximum from the log.
 */
const migration: Migration = {
  name: 'scorer-version',
  up(db) {
    db.exec(`
      ALTER TABLE attempts ADD COLUMN scorer_version INTEGER;
      UPDATE attempts SET scorer_version = 1 WHERE mode = 'write' AND outcome IN ('answered', 'timed_out');
      -- "How many answers did an older scorer score": a count over this index.
      CREATE INDEX attempts_scorer_version ON attempts (scorer_version);

      ALTER TABLE attempt_keywords ADD COLUMN verdict TEXT
        CHECK (verdict IN ('named', 'alias', 'listed', 'echoed', 'negated', 'missed'));
      ALTER TABLE attempt_keywords ADD COLUMN credit REAL CHECK (credit BETWEEN 0 AND 1);

      DROP TRIGGER stats_keyword_update;
      CREATE TRIGGER stats_keyword_update AFTER UPDATE OF attempt_id, keyword_id, hit ON attempt_keywords BEGIN
        INSERT INTO stats_keyword_rollup (span, start_day, keyword_id, level, deck_id, asked, hits)
        SELECT s.span, CASE WHEN s.span = 0 THEN 0 ELSE a.day - ((a.day + 3) % s.span) END, OLD.keyword_id, a.level, a.deck_id, -1, -1 * OLD.hit
          FROM attempts a CROSS JOIN stats_spans s WHERE a.id = OLD.attempt_id
        ON CONFLICT DO UPDATE SET asked = asked + excluded.asked, hits = hits + excluded.hits;
        INSERT INTO stats_keyword_totals (span, start_day, keyword_id, asked, hits)
        SELECT s.span, CASE WHEN s.span = 0 THEN 0 ELSE a.day - ((a.day + 3) % s.span) END, OLD.keyword_id, -1, -1 * OLD.hit
          FROM attempts a CROSS JOIN stats_spans s WHERE a.id = OLD.attempt_id
        ON CONFLICT DO UPDATE SET asked = asked + excluded.asked, hits = hits + excluded.hits;
        INSERT INTO stats_keyword_rollup (span, start_day, keyword_id, level, deck_id, asked, hits)
        SELECT s.span, CASE WHEN s.span = 0 THEN 0 ELSE a.day - ((a.day + 3) % s.span) END, NEW.keyword_id, a.level, a.deck_id, 1, 1 * NEW.hit
          FROM attempts a CROSS JOIN stats_spans s WHERE a.id = NEW.attempt_id
        ON CONFLICT DO UPDATE SET asked = asked + excluded.asked, hits = hits + excluded.hits;
        INSERT INTO stats_keyword_totals (span, start_day, keyword_id, asked, hits)
        SELECT s.span, CASE WHEN s.span = 0 THEN 0 ELSE a.day - ((a.day + 3) % s.span) END, NEW.keyword_id, 1, 1 * NEW.hit
          FROM attempts a CROSS JOIN stats_spans s WHERE a.id = NEW.attempt_id
        ON CONFLICT DO UPDATE SET asked = asked + excluded.asked, hits = hits + excluded.hits;
      END;

      -- The attempt trigger of 0002 fired whenever keyword_score was written, and then also recomputed the
      -- per-question maxima from the log, which never read the score. It now fires when a column the
      -- rollups read really changes; a change of keyword score alone moves only the attempt rollup.
      -- Exactly one of the two fires for a changed row, so no delta is counted twice.
      DROP TRIGGER stats_attempt_update;
      CREATE TRIGGER stats_attempt_update AFTER UPDATE ON attempts
      WHEN OLD.self_grade IS NOT NEW.self_grade OR OLD.outcome IS NOT NEW.outcome OR OLD.day IS NOT NEW.day
        OR OLD.deck_id IS NOT NEW.deck_id OR OLD.level IS NOT NEW.level OR OLD.question_id IS NOT NEW.question_id
        OR OLD.answered_at IS NOT NEW.answered_at OR OLD.time_used_ms IS NOT NEW.time_used_ms
        OR OLD.time_allowed_ms IS NOT NEW.time_allowed_ms
      BEGIN
    INSERT INTO stats_attempt_rollup (span, start_day, deck_id, level, attempts, timed_out, skipped, graded, grade_sum, good, scored, score_sum, both, both_grade_sum, both_score_sum, used_ms, allowed_ms, min_id)
    SELECT s.span, CASE WHEN s.span = 0 THEN 0 ELSE OLD.day - ((OLD.day + 3) % s.span) END, OLD.deck_id, OLD.level, -1 * 1, -1 * (OLD.outcome = 'timed_out'), -1 * (OLD.outcome = 'skipped'), -1 * (OLD.self_grade IS NOT NULL), -1 * coalesce(OLD.self_grade, 0), -1 * coalesce(OLD.self_grade >= 3, 0), -1 * (OLD.keyword_score IS NOT NULL), -1 * coalesce(OLD.keyword_score, 0), -1 * (OLD.self_grade IS NOT NULL AND OLD.keyword_score IS NOT NULL), -1 * coalesce(OLD.self_grade + 0 * OLD.keyword_score, 0), -1 * coalesce(OLD.keyword_score + 0 * OLD.self_grade, 0), -1 * OLD.time_used_ms, -1 * OLD.time_allowed_ms, NULL
      FROM stats_spans s WHERE true
    ON CONFLICT DO UPDATE SET attempts = attempts + excluded.attempts, timed_out = timed_out + excluded.timed_out, skipped = skipped + excluded.skipped, graded = graded + excluded.graded, grade_sum = grade_sum + excluded.grade_sum, good = good + excluded.good, scored = scored + excluded.scored, score_sum = score_sum + excluded.score_sum, both = both + excluded.both, both_grade_sum = both_grade_sum + excluded.both_grade_sum, both_score_sum = both_score_sum + excluded.both_score_sum, used_ms = used_ms + excluded.used_ms, allowed_ms = allowed_ms + excluded.allowed_ms, min_id = coalesce(min(min_id, excluded.min_id), min_id);
    INSERT INTO stats_attempt_rollup (span, start_day, deck_id, level, attempts, timed_out, skipped, graded, grade_sum, good, scored, score_sum, both, both_grade_sum, both_score_sum, used_ms, allowed_ms, min_id)
    SELECT s.span, CASE WHEN s.span = 0 THEN 0 ELSE NEW.day - ((NEW.day + 3) % s.span) END, NEW.deck_id, NEW.level, 1 * 1, 1 * (NEW.outcome = 'timed_out'), 1 * (NEW.outcome = 'skipped'), 1 * (NEW.self_grade IS NOT NULL), 1 * coalesce(NEW.self_grade, 0), 1 * coalesce(NEW.self_grade >= 3, 0), 1 * (NEW.keyword_score IS NOT NULL), 1 * coalesce(NEW.keyword_score, 0), 1 * (NEW.self_grade IS NOT NULL AND NEW.keyword_score IS NOT NULL), 1 * coalesce(NEW.self_grade + 0 * NEW.keyword_score, 0), 1 * coalesce(NEW.keyword_score + 0 * NEW.self_grade, 0), 1 * NEW.time_used_ms, 1 * NEW.time_allowed_ms, NEW.id
      FROM stats_spans s WHERE true
    ON CONFLICT DO UPDATE SET attempts = attempts + excluded.attempts, timed_out = timed_out + excluded.timed_out, skipped = skipped + excluded.skipped, graded = graded + excluded.graded, grade_sum = grade_sum + excluded.grade_sum, good = good + excluded.good, scored = scored + excluded.scored, score_sum = score_sum + excluded.score_sum, both = both + excluded.both, both_grade_sum = both_grade_sum + excluded.both_grade_sum, both_score_sum = both_score_sum + excluded.both_score_sum, used_ms = used_ms + excluded.used_ms, allowed_ms = allowed_ms + excluded.allowed_ms, min_id = coalesce(min(min_id, excluded.min_id), min_id);
    INSERT INTO stats_question_rollup (span, start_day, deck_id, level, question_id, attempts, graded, grade_sum, used_ms, best_grade, last_at, last_graded)
    SELECT s.span, CASE WHEN s.span = 0 THEN 0 ELSE OLD.day - ((OLD.day + 3) % s.span) END, OLD.deck_id, OLD.level, OLD.question_id, -1, -1 * (OLD.self_grade IS NOT NULL),
           -1 * coalesce(OLD.self_grade, 0), -1 * OLD.time_used_ms,
           NULL, NULL,
           NULL
      FROM stats_spans s WHERE true
    ON CONFLICT DO UPDATE SET attempts = attempts + excluded.attempts, graded = graded + excluded.graded,
      grade_sum = grade_sum + excluded.grade_sum, used_ms = used_ms + excluded.used_ms,
      best_grade = nullif(max(coalesce(best_grade, 0), coalesce(excluded.best_grade, 0)), 0),
      last_at = nullif(max(coalesce(last_at, 0), coalesce(excluded.last_at, 0)), 0),
      last_graded = nullif(max(coalesce(last_graded, 0), coalesce(excluded.last_graded, 0)), 0);
    INSERT INTO stats_question_rollup (span, start_day, deck_id, level, question_id, attempts, graded, grade_sum, used_ms, best_grade, last_at, last_graded)
    SELECT s.span, CASE WHEN s.span = 0 THEN 0 ELSE NEW.day - ((NEW.day + 3) % s.span) END, NEW.deck_id, NEW.level, NEW.question_id, 1, 1 * (NEW.self_grade IS NOT NULL),
           1 * coalesce(NEW.self_grade, 0), 1 * NEW.time_used_ms,
           NEW.self_grade, NEW.answered_at,
           NEW.answered_at * 8 + NEW.self_grade
      FROM stats_spans s WHERE true
    ON CONFLICT DO UPDATE SET attempts = attempts + excluded.attempts, graded = graded + excluded.graded,
      grade_sum = grade_sum + excluded.grade_sum, used_ms = used_ms + excluded.used_ms,
      best_grade = nullif(max(coalesce(best_grade, 0), coalesce(excluded.best_grade, 0)), 0),
      last_at = nullif(max(coalesce(last_at, 0), coalesce(excluded.last_at, 0)), 0),
      last_graded = nullif(max(coalesce(last_graded, 0), coalesce(excluded.last_graded, 0)), 0);
    UPDATE stats_question_rollup AS r SET
      best_grade = (SELECT max(a.self_grade) FROM attempts a INDEXED BY attempts_question WHERE a.question_id = r.question_id AND a.deck_id = r.deck_id AND a.level = r.level
        AND (r.span = 0 OR a.day BETWEEN r.start_day AND r.start_day + r.span - 1)),
      last_at = (SELECT max(a.answered_at) FROM attempts a INDEXED BY attempts_question WHERE a.question_id = r.question_id AND a.deck_id = r.deck_id AND a.level = r.level
        AND (r.span = 0 OR a.day BETWEEN r.start_day AND r.start_day + r.span - 1)),
      last_graded = (SELECT max(a.answered_at * 8 + a.self_grade) FROM attempts a INDEXED BY attempts_question WHERE a.question_id = r.question_id AND a.deck_id = r.deck_id AND a.level = r.level
        AND (r.span = 0 OR a.day BETWEEN r.start_day AND r.start_day + r.span - 1))
    WHERE r.question_id = OLD.question_id AND r.deck_id = OLD.deck_id AND r.level = OLD.level
      AND (r.span, r.start_day) IN (SELECT s.span, CASE WHEN s.span = 0 THEN 0 ELSE OLD.day - ((OLD.day + 3) % s.span) END FROM stats_spans s);
  END;

      CREATE TRIGGER stats_attempt_score AFTER UPDATE OF keyword_score ON attempts
      WHEN OLD.keyword_score IS NOT NEW.keyword_score AND NOT (OLD.self_grade IS NOT NEW.self_grade OR OLD.outcome IS NOT NEW.outcome OR OLD.day IS NOT NEW.day
        OR OLD.deck_id IS NOT NEW.deck_id OR OLD.level IS NOT NEW.level OR OLD.question_id IS NOT NEW.question_id
        OR OLD.answered_at IS NOT NEW.answered_at OR OLD.time_used_ms IS NOT NEW.time_used_ms
        OR OLD.time_allowed_ms IS NOT NEW.time_allowed_ms)
      BEGIN
    INSERT INTO stats_attempt_rollup (span, start_day, deck_id, level, attempts, timed_out, skipped, graded, grade_sum, good, scored, score_sum, both, both_grade_sum, both_score_sum, used_ms, allowed_ms, min_id)
    SELECT s.span, CASE WHEN s.span = 0 THEN 0 ELSE OLD.day - ((OLD.day + 3) % s.span) END, OLD.deck_id, OLD.level, -1 * 1, -1 * (OLD.outcome = 'timed_out'), -1 * (OLD.outcome = 'skipped'), -1 * (OLD.self_grade IS NOT NULL), -1 * coalesce(OLD.self_grade, 0), -1 * coalesce(OLD.self_grade >= 3, 0), -1 * (OLD.keyword_score IS NOT NULL), -1 * coalesce(OLD.keyword_score, 0), -1 * (OLD.self_grade IS NOT NULL AND OLD.keyword_score IS NOT NULL), -1 * coalesce(OLD.self_grade + 0 * OLD.keyword_score, 0), -1 * coalesce(OLD.keyword_score + 0 * OLD.self_grade, 0), -1 * OLD.time_used_ms, -1 * OLD.time_allowed_ms, NULL
      FROM stats_spans s WHERE true
    ON CONFLICT DO UPDATE SET attempts = attempts + excluded.attempts, timed_out = timed_out + excluded.timed_out, skipped = skipped + excluded.skipped, graded = graded + excluded.graded, grade_sum = grade_sum + excluded.grade_sum, good = good + excluded.good, scored = scored + excluded.scored, score_sum = score_sum + excluded.score_sum, both = both + excluded.both, both_grade_sum = both_grade_sum + excluded.both_grade_sum, both_score_sum = both_score_sum + excluded.both_score_sum, used_ms = used_ms + excluded.used_ms, allowed_ms = allowed_ms + excluded.allowed_ms, min_id = coalesce(min(min_id, excluded.min_id), min_id);    INSERT INTO stats_attempt_rollup (span, start_day, deck_id, level, attempts, timed_out, skipped, graded, grade_sum, good, scored, score_sum, both, both_grade_sum, both_score_sum, used_ms, allowed_ms, min_id)
    SELECT s.span, CASE WHEN s.span = 0 THEN 0 ELSE NEW.day - ((NEW.day + 3) % s.span) END, NEW.deck_id, NEW.level, 1 * 1, 1 * (NEW.outcome = 'timed_out'), 1 * (NEW.outcome = 'skipped'), 1 * (NEW.self_grade IS NOT NULL), 1 * coalesce(NEW.self_grade, 0), 1 * coalesce(NEW.self_grade >= 3, 0), 1 * (NEW.keyword_score IS NOT NULL), 1 * coalesce(NEW.keyword_score, 0), 1 * (NEW.self_grade IS NOT NULL AND NEW.keyword_score IS NOT NULL), 1 * coalesce(NEW.self_grade + 0 * NEW.keyword_score, 0), 1 * coalesce(NEW.keyword_score + 0 * NEW.self_grade, 0), 1 * NEW.time_used_ms, 1 * NEW.time_allowed_ms, NEW.id
      FROM stats_spans s WHERE true
    ON CONFLICT DO UPDATE SET attempts = attempts + excluded.attempts, timed_out = timed_out + excluded.timed_out, skipped = skipped + excluded.skipped, graded = graded + excluded.graded, grade_sum = grade_sum + excluded.grade_sum, good = good + excluded.good, scored = scored + excluded.scored, score_sum = score_sum + excluded.score_sum, both = both + excluded.both, both_grade_sum = both_grade_sum + excluded.both_grade_sum, both_score_sum = both_score_sum + excluded.both_score_sum, used_ms = used_ms + excluded.used_ms, allowed_ms = allowed_ms + excluded.allowed_ms, min_id = coalesce(min(min_id, excluded.min_id), min_id);
      END;
    `);
  },
};

export default migration;
