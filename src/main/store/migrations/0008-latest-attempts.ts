import type { Migration } from './migration';

/*
 * Planning a "weakest first" session reads each candidate question's latest answer: with one seek per question
 * into attempts_question and a jump to the answer's row, that was 26 ms over 7,000 questions at a million answers.
 * latest_attempts keeps, per question, its latest answer (by answered_at, then id) and the three fields its
 * strength is made of, so the planner reads one small table. Triggers keep it true: an insert that is newer
 * replaces the row; a grade, a (re)score or a changed outcome of that answer is copied; an answer deleted or
 * moved to another question or time makes its question(s) look again. Literal SQL: never edited.
 */
const migration: Migration = {
  name: 'latest-attempts',
  up(db) {
    db.exec(`
      CREATE TABLE latest_attempts (
        question_id INTEGER PRIMARY KEY,
        attempt_id INTEGER NOT NULL,
        answered_at INTEGER NOT NULL,
        self_grade INTEGER,
        keyword_score REAL,
        outcome TEXT NOT NULL
      );

      INSERT INTO latest_attempts (question_id, attempt_id, answered_at, self_grade, keyword_score, outcome)
        SELECT a.question_id, a.id, a.answered_at, a.self_grade, a.keyword_score, a.outcome
          FROM (SELECT DISTINCT question_id FROM attempts) q
          JOIN attempts a ON a.id = (SELECT id FROM attempts WHERE question_id = q.question_id
                                      ORDER BY answered_at DESC, id DESC LIMIT 1);

      CREATE TRIGGER latest_attempt_insert AFTER INSERT ON attempts BEGIN
        INSERT INTO latest_attempts (question_id, attempt_id, answered_at, self_grade, keyword_score, outcome)
          VALUES (NEW.question_id, NEW.id, NEW.answered_at, NEW.self_grade, NEW.keyword_score, NEW.outcome)
          ON CONFLICT (question_id) DO UPDATE SET
            attempt_id = excluded.attempt_id, answered_at = excluded.answered_at, self_grade = excluded.self_grade,
            keyword_score = excluded.keyword_score, outcome = excluded.outcome
          WHERE excluded.answered_at > latest_attempts.answered_at
             OR (excluded.answered_at = latest_attempts.answered_at AND excluded.attempt_id > latest_attempts.attempt_id);
      END;

      CREATE TRIGGER latest_attempt_strength AFTER UPDATE OF self_grade, keyword_score, outcome ON attempts BEGIN
        UPDATE latest_attempts SET self_grade = NEW.self_grade, keyword_score = NEW.keyword_score, outcome = NEW.outcome
         WHERE question_id = NEW.question_id AND attempt_id = NEW.id;
      END;

      CREATE TRIGGER latest_attempt_move AFTER UPDATE OF question_id, answered_at ON attempts BEGIN
        DELETE FROM latest_attempts WHERE question_id IN (OLD.question_id, NEW.question_id);
        INSERT INTO latest_attempts (question_id, attempt_id, answered_at, self_grade, keyword_score, outcome)
          SELECT a.question_id, a.id, a.answered_at, a.self_grade, a.keyword_score, a.outcome
            FROM (SELECT DISTINCT value AS question_id FROM json_each(json_array(OLD.question_id, NEW.question_id))) q
            JOIN attempts a ON a.id = (SELECT id FROM attempts WHERE question_id = q.question_id
                                        ORDER BY answered_at DESC, id DESC LIMIT 1);
      END;

      CREATE TRIGGER latest_attempt_delete AFTER DELETE ON attempts
        WHEN OLD.id = (SELECT attempt_id FROM latest_attempts WHERE question_id = OLD.question_id) BEGIN
        DELETE FROM latest_attempts WHERE question_id = OLD.question_id;
        INSERT INTO latest_attempts (question_id, attempt_id, answered_at, self_grade, keyword_score, outcome)
          SELECT question_id, id, answered_at, self_grade, keyword_score, outcome FROM attempts
           WHERE question_id = OLD.question_id ORDER BY answered_at DESC, id DESC LIMIT 1;
      END;
    `);
  },
};

export default migration;
