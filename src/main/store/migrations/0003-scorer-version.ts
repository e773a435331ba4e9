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
 * ruler. The rollup triggers of 0002 keep the stats in step with those writes. The keyword update trigger
 * is narrowed here to the columns the rollups read, so storing a verdict or credit does not move every
 * keyword bucket twice for nothing.
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
    `);
  },
};

export default migration;
