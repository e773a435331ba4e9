import type { HistoryRow } from '../core/export/history-csv';
import type { Db } from './db';
import { stringList } from './columns';
import { countOf } from './statements';

/** How many rows the history export will write. */
export function attemptCount(db: Db): number {
  return countOf(db, 'SELECT count(*) AS n FROM attempts');
}

interface AttemptRow {
  answered_at: number;
  session_id: number;
  deck_name: string;
  prompt: string;
  level: string;
  outcome: string;
  mode: string;
  time_allowed_ms: number;
  time_used_ms: number;
  self_grade: number | null;
  keyword_score: number | null;
  answer: string;
  named: string;
  missed: string;
}

/**
 * Every attempt, oldest first, one at a time: the same rows as historyRows, never all of them in memory. Give it a
 * connection of its own (the export worker's read-only one), inside a read transaction so that the rows are one
 * snapshot.
 */
export function* iterateHistoryRows(db: Db): Generator<HistoryRow> {
  // Each answer's keywords named and missed, in the question's keyword order, as JSON arrays: one query, no
  // round trip per answer.
  const keywords = (hit: 0 | 1) =>
    `(SELECT json_group_array(k.label ORDER BY coalesce(qk.position, 1000), k.label COLLATE NOCASE)
        FROM attempt_keywords ak
        JOIN keywords k ON k.id = ak.keyword_id
        LEFT JOIN question_keywords qk ON qk.question_id = a.question_id AND qk.keyword_id = ak.keyword_id
       WHERE ak.attempt_id = a.id AND ak.hit = ${hit})`;
  // Not from the statement cache: iterate() holds the statement open for as long as the export runs.
  const attempts = db.prepare<[], AttemptRow>(
    `SELECT a.answered_at, a.session_id, coalesce(d.name, '') AS deck_name, q.prompt, a.level, a.outcome,
            a.mode, a.time_allowed_ms, a.time_used_ms, a.self_grade, a.keyword_score, a.answer,
            ${keywords(1)} AS named, ${keywords(0)} AS missed
       FROM attempts a JOIN questions q ON q.id = a.question_id LEFT JOIN decks d ON d.id = a.deck_id
      ORDER BY a.answered_at, a.session_id, a.position`,
  );
  for (const a of attempts.iterate()) {
    yield {
      answeredAt: a.answered_at,
      sessionId: a.session_id,
      deckName: a.deck_name,
      prompt: a.prompt,
      level: a.level,
      outcome: a.outcome,
      mode: a.mode,
      timeAllowedMs: a.time_allowed_ms,
      timeUsedMs: a.time_used_ms,
      selfGrade: a.self_grade,
      keywordScore: a.keyword_score,
      named: stringList(a.named),
      missed: stringList(a.missed),
      answer: a.answer,
    };
  }
}
