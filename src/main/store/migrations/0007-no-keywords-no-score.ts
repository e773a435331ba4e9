import type { Migration } from './migration';

/*
 * An answer to a question with no keywords was recorded with a keyword score of 0 (written: the scorer's answer for
 * nothing to look for; spoken: none of none ticked), and that fake 0% pulled results and charts down. Such an answer
 * has no attempt_keywords rows; from now on it is stored unscored (null, no scorer version), and this takes the ones
 * already recorded there too. stats_attempt_score moves the rollups with the change. Literal SQL: never edited.
 */
const migration: Migration = {
  name: 'no-keywords-no-score',
  up(db) {
    db.exec(`
      UPDATE attempts SET keyword_score = NULL, scorer_version = NULL
       WHERE keyword_score IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM attempt_keywords ak WHERE ak.attempt_id = attempts.id);
    `);
  },
};

export default migration;
