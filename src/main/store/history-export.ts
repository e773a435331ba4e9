import type { HistoryRow } from '../core/export/history-csv';
import type { Db } from './db';
import { countOf, prepared } from './statements';

/** How many rows the history export will write. */
export function attemptCount(db: Db): number {
  return countOf(db, 'SELECT count(*) AS n FROM attempts');
}

/** Where a page of the history's order ends: the last attempt's place in it. */
export interface HistoryKey {
  answeredAt: number;
  sessionId: number;
  position: number;
}

/**
 * The ids of the next `limit` attempts, oldest first, after `after` (from the start when null), and where they end.
 * Read from the index on that order alone (0010), a page at a time: the whole order is never held, nor sorted.
 */
export function historyPage(
  db: Db,
  after: HistoryKey | null,
  limit: number,
): { ids: number[]; last: HistoryKey | null } {
  const columns = 'SELECT id, answered_at, session_id, position FROM attempts';
  const order = 'ORDER BY answered_at, session_id, position LIMIT ?';
  const rows = after
    ? prepared<{ id: number; answered_at: number; session_id: number; position: number }>(
        db,
        `${columns} WHERE (answered_at, session_id, position) > (?, ?, ?) ${order}`,
      ).all(after.answeredAt, after.sessionId, after.position, limit)
    : prepared<{ id: number; answered_at: number; session_id: number; position: number }>(
        db,
        `${columns} ${order}`,
      ).all(limit);
  const end = rows.at(-1);
  return {
    ids: rows.map((r) => r.id),
    last: end ? { answeredAt: end.answered_at, sessionId: end.session_id, position: end.position } : null,
  };
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
function historyRowsFor(db: Db, ids: readonly number[]): HistoryRow[] {
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
  let after: HistoryKey | null = null;
  for (;;) {
    const page = historyPage(db, after, chunkRows);
    if (page.ids.length === 0) return;
    yield* historyRowsFor(db, page.ids);
    after = page.last;
  }
}
