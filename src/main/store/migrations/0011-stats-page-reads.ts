import type { Migration } from './migration';

/*
 * Opening Stats at a million answers read more than it drew. Its calendar summed every deck and level of 371 days
 * of the daily rollup (54,000 rows, 4 ms) to draw one number per day, and the streak looked day by day into the
 * same rows; the bank summary grouped the questions table (its rows hold the answers' text) and looked up each
 * keyword's questions one row at a time to learn whether any was still live.
 *
 * stats_daily_attempts keeps the answers of each day over every deck and level: the daily rollup (span 1) summed.
 * Triggers on the rollup itself keep it, so whatever keeps the rollup (the answer triggers of 0002, 0005, 0009)
 * keeps it too, and a rollup row's count going up, down or to another day moves the day's total with it. A day whose
 * answers were all removed keeps a row of zero, as the rollups do; readers ignore those.
 * questions_live_level lists the live questions by deck and level (the bank summary and each deck's count read it
 * instead of the questions' rows; deleted_at is in it so that it covers its own condition); questions_deleted lists
 * the deleted ones, few or none, so "is this question live" is a look-up in a small set. Literal SQL: nothing here
 * may change once shipped.
 */
const migration: Migration = {
  name: 'stats-page-reads',
  up(db) {
    db.exec(`
      CREATE TABLE stats_daily_attempts (
        day INTEGER PRIMARY KEY,
        attempts INTEGER NOT NULL
      ) WITHOUT ROWID;

      INSERT INTO stats_daily_attempts (day, attempts)
        SELECT start_day, sum(attempts) FROM stats_attempt_rollup WHERE span = 1 GROUP BY start_day;

      CREATE TRIGGER stats_daily_attempts_insert AFTER INSERT ON stats_attempt_rollup WHEN NEW.span = 1 BEGIN
        INSERT INTO stats_daily_attempts (day, attempts) VALUES (NEW.start_day, NEW.attempts)
          ON CONFLICT DO UPDATE SET attempts = attempts + excluded.attempts;
      END;

      CREATE TRIGGER stats_daily_attempts_update AFTER UPDATE OF attempts ON stats_attempt_rollup
        WHEN NEW.span = 1 AND OLD.span = 1 AND NEW.start_day = OLD.start_day AND NEW.attempts <> OLD.attempts BEGIN
        INSERT INTO stats_daily_attempts (day, attempts) VALUES (NEW.start_day, NEW.attempts - OLD.attempts)
          ON CONFLICT DO UPDATE SET attempts = attempts + excluded.attempts;
      END;

      -- Never done by the app (a rollup row keeps its bucket), but a count must follow its row wherever it goes.
      CREATE TRIGGER stats_daily_attempts_move AFTER UPDATE OF span, start_day ON stats_attempt_rollup
        WHEN (NEW.span = 1 OR OLD.span = 1) AND (NEW.span <> OLD.span OR NEW.start_day <> OLD.start_day) BEGIN
        UPDATE stats_daily_attempts SET attempts = attempts - OLD.attempts WHERE OLD.span = 1 AND day = OLD.start_day;
        INSERT INTO stats_daily_attempts (day, attempts) SELECT NEW.start_day, NEW.attempts WHERE NEW.span = 1
          ON CONFLICT DO UPDATE SET attempts = attempts + excluded.attempts;
      END;

      CREATE TRIGGER stats_daily_attempts_delete AFTER DELETE ON stats_attempt_rollup WHEN OLD.span = 1 BEGIN
        UPDATE stats_daily_attempts SET attempts = attempts - OLD.attempts WHERE day = OLD.start_day;
      END;

      CREATE INDEX questions_live_level ON questions (deck_id, level, deleted_at) WHERE deleted_at IS NULL;
      CREATE INDEX questions_deleted ON questions (deleted_at) WHERE deleted_at IS NOT NULL;
    `);
  },
};

export default migration;
