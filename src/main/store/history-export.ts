import type { HistoryRow } from '../core/history-csv';
import type { Db } from './db';

/** How many rows the history export will write. */
export function attemptCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM attempts').get() as { n: number }).n;
}

interface AttemptRow {
  id: number;
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
}

/**
 * Every attempt, oldest first, one at a time: the same rows as historyRows, never all of them in memory. It reads
 * an attempt's keywords while the attempts are being stepped through, which better-sqlite3 allows only in unsafe
 * mode: give it a connection of its own (the export worker's read-only one), inside a read transaction so that the
 * rows are one snapshot.
 */
export function* iterateHistoryRows(db: Db): Generator<HistoryRow> {
  const attempts = db.prepare(
    `SELECT a.id, a.answered_at, a.session_id, coalesce(d.name, '') AS deck_name, q.prompt, a.level, a.outcome,
            a.mode, a.time_allowed_ms, a.time_used_ms, a.self_grade, a.keyword_score, a.answer
       FROM attempts a JOIN questions q ON q.id = a.question_id LEFT JOIN decks d ON d.id = a.deck_id
      ORDER BY a.answered_at, a.session_id, a.position`,
  );
  const hits = db.prepare(
    `SELECT k.label, ak.hit
       FROM attempt_keywords ak
       JOIN attempts a ON a.id = ak.attempt_id
       JOIN keywords k ON k.id = ak.keyword_id
       LEFT JOIN question_keywords qk ON qk.question_id = a.question_id AND qk.keyword_id = ak.keyword_id
      WHERE ak.attempt_id = ?
      ORDER BY coalesce(qk.position, 1000), k.label COLLATE NOCASE`,
  );
  for (const a of attempts.iterate() as IterableIterator<AttemptRow>) {
    const named: string[] = [];
    const missed: string[] = [];
    for (const h of hits.all(a.id) as Array<{ label: string; hit: number }>) (h.hit ? named : missed).push(h.label);
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
      named,
      missed,
      answer: a.answer,
    };
  }
}
