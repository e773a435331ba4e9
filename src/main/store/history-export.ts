import type { HistoryRow } from '../core/export/history-csv';
import type { Db } from './db';
import { countOf, prepared } from './statements';

/** How many rows the history export will write. */
export function attemptCount(db: Db): number {
  return countOf(db, 'SELECT count(*) AS n FROM attempts');
}

/** Every attempt's id, oldest first: read from the index on that order alone (0010), never sorted here. */
export function historyOrder(db: Db): number[] {
  return prepared<{ id: number }>(db, 'SELECT id FROM attempts ORDER BY answered_at, session_id, position')
    .all()
    .map((r) => r.id);
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
 * The history rows of these attempts, in the order of `ids`: two queries per chunk, whatever its length. Each
 * answer's keywords, named and missed, come in its question's keyword order (then by label); one sort for the
 * chunk, not one per answer.
 */
export function historyRowsFor(db: Db, ids: readonly number[]): HistoryRow[] {
  const list = JSON.stringify(ids);
  const attempts = prepared<AttemptRow>(
    db,
    `SELECT a.id, a.answered_at, a.session_id, coalesce(d.name, '') AS deck_name, q.prompt, a.level, a.outcome,
            a.mode, a.time_allowed_ms, a.time_used_ms, a.self_grade, a.keyword_score, a.answer
       FROM attempts a JOIN questions q ON q.id = a.question_id LEFT JOIN decks d ON d.id = a.deck_id
      WHERE a.id IN (SELECT value FROM json_each(?))`,
  ).all(list);
  const keywords = prepared<{ attempt_id: number; hit: number; label: string }>(
    db,
    `SELECT ak.attempt_id, ak.hit, k.label
       FROM attempt_keywords ak
       JOIN attempts a ON a.id = ak.attempt_id
       JOIN keywords k ON k.id = ak.keyword_id
       LEFT JOIN question_keywords qk ON qk.question_id = a.question_id AND qk.keyword_id = ak.keyword_id
      WHERE ak.attempt_id IN (SELECT value FROM json_each(?))
      ORDER BY ak.attempt_id, coalesce(qk.position, 1000), k.label COLLATE NOCASE, ak.keyword_id`,
  ).all(list);
  const named = new Map<number, string[]>();
  const missed = new Map<number, string[]>();
  for (const k of keywords) {
    const into = k.hit === 1 ? named : missed;
    const labels = into.get(k.attempt_id);
    if (labels) labels.push(k.label);
    else into.set(k.attempt_id, [k.label]);
  }
  const byId = new Map(attempts.map((a) => [a.id, a]));
  const rows: HistoryRow[] = [];
  for (const id of ids) {
    const a = byId.get(id);
    if (!a) continue;
    rows.push({
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
      named: named.get(id) ?? [],
      missed: missed.get(id) ?? [],
      answer: a.answer,
    });
  }
  return rows;
}

/**
 * Every attempt, oldest first, a chunk at a time: never all of them in memory, and no statement left open between
 * chunks, so the calls answered in between may use the same connection. Inside a read transaction (the export
 * worker's), the rows are one snapshot.
 */
export function* iterateHistoryRows(db: Db, chunkRows: number): Generator<HistoryRow> {
  const ids = historyOrder(db);
  for (let at = 0; at < ids.length; at += chunkRows) yield* historyRowsFor(db, ids.slice(at, at + chunkRows));
}
