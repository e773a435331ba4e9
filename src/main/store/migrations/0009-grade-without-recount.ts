import type { Migration } from './migration';

/*
 * Grading an answer ran stats_attempt_update (0005), whose last statement recomputes the question's best grade,
 * last answer and last grade from every answer of the question in each of its rollup rows: a few hundred rows
 * read per grade at a million answers, the largest part of a grade's work. It is needed only when one of those
 * can go down (a grade lowered or removed, an answer moved to another question, deck, level, day or time). A
 * first grade, or a raised one, of an answer that stays where it is can only raise them, and the statements
 * before it already take the larger value. The same trigger, with that case left out of the recompute.
 * Literal SQL: nothing here may change once shipped.
 */
const migration: Migration = {
  name: 'grade-without-recount',
  up(db) {
    db.exec(`
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
    UPDATE stats_question_rollup SET
      best_grade = (SELECT max(a.self_grade) FROM attempts a INDEXED BY attempts_question WHERE a.question_id = stats_question_rollup.question_id AND a.deck_id = stats_question_rollup.deck_id AND a.level = stats_question_rollup.level
        AND (stats_question_rollup.span = 0 OR a.day BETWEEN stats_question_rollup.start_day AND stats_question_rollup.start_day + stats_question_rollup.span - 1)),
      last_at = (SELECT max(a.answered_at) FROM attempts a INDEXED BY attempts_question WHERE a.question_id = stats_question_rollup.question_id AND a.deck_id = stats_question_rollup.deck_id AND a.level = stats_question_rollup.level
        AND (stats_question_rollup.span = 0 OR a.day BETWEEN stats_question_rollup.start_day AND stats_question_rollup.start_day + stats_question_rollup.span - 1)),
      last_graded = (SELECT max(a.answered_at * 8 + a.self_grade) FROM attempts a INDEXED BY attempts_question WHERE a.question_id = stats_question_rollup.question_id AND a.deck_id = stats_question_rollup.deck_id AND a.level = stats_question_rollup.level
        AND (stats_question_rollup.span = 0 OR a.day BETWEEN stats_question_rollup.start_day AND stats_question_rollup.start_day + stats_question_rollup.span - 1))
    WHERE stats_question_rollup.question_id = OLD.question_id AND stats_question_rollup.deck_id = OLD.deck_id AND stats_question_rollup.level = OLD.level
      AND (stats_question_rollup.span, stats_question_rollup.start_day) IN (SELECT s.span, CASE WHEN s.span = 0 THEN 0 ELSE OLD.day - ((OLD.day + 3) % s.span) END FROM stats_spans s)
      AND NOT (OLD.question_id = NEW.question_id AND OLD.deck_id = NEW.deck_id AND OLD.level = NEW.level AND OLD.day = NEW.day
        AND OLD.answered_at = NEW.answered_at AND NEW.self_grade IS NOT NULL AND NEW.self_grade >= coalesce(OLD.self_grade, 0));
  END;
    `);
  },
};

export default migration;
