import type {
  AttemptOutcome,
  Grade,
  SessionConfig,
  SessionList,
  SessionStatus,
  SessionSummary,
  Verdict,
} from '../../shared/session-types';
import type { Db } from './db';
import { countOf, prepared } from './statements';
import { numberList, stringList } from './columns';
import type { QuestionClock } from '../core/timing';

export interface SessionRow {
  id: number;
  config: SessionConfig;
  plan: number[];
  status: SessionStatus;
  startedAt: number;
  endedAt: number | null;
  cursor: number;
  /** The running question's clock; null between questions (answer revealed) and once done. */
  clock: QuestionClock | null;
}

interface RawSession {
  id: number;
  config: string;
  plan: string;
  status: SessionStatus;
  started_at: number;
  ended_at: number | null;
  cursor: number;
  current_started_at: number | null;
  current_deadline: number | null;
  paused_at: number | null;
  current_paused_ms: number;
}

/** `sessions.config` is the SessionConfig the session was started with, as JSON; the schema checked it then. */
const sessionConfig = (json: string): SessionConfig => JSON.parse(json) as SessionConfig;

function toSessionRow(raw: RawSession): SessionRow {
  return {
    id: raw.id,
    config: sessionConfig(raw.config),
    plan: numberList(raw.plan),
    status: raw.status,
    startedAt: raw.started_at,
    endedAt: raw.ended_at,
    cursor: raw.cursor,
    clock:
      raw.current_started_at === null || raw.current_deadline === null
        ? null
        : {
            startedAt: raw.current_started_at,
            deadline: raw.current_deadline,
            pausedAt: raw.paused_at,
            pausedMs: raw.current_paused_ms,
          },
  };
}

export function insertSession(
  db: Db,
  config: SessionConfig,
  plan: number[],
  clock: QuestionClock,
  now: number,
): number {
  const result = prepared(
    db,
    `INSERT INTO sessions (config, plan, status, started_at, cursor, current_started_at, current_deadline, paused_at, current_paused_ms)
       VALUES (?, ?, 'active', ?, 0, ?, ?, NULL, 0)`,
  ).run(JSON.stringify(config), JSON.stringify(plan), now, clock.startedAt, clock.deadline);
  return Number(result.lastInsertRowid);
}

export function getSessionRow(db: Db, id: number): SessionRow | null {
  const raw = prepared<RawSession>(db, 'SELECT * FROM sessions WHERE id = ?').get(id);
  return raw ? toSessionRow(raw) : null;
}

/** The newest session that was never finished or ended: the app closed, crashed or was killed during it. */
export function activeSessionId(db: Db): number | null {
  const row = prepared<{ id: number }>(
    db,
    "SELECT id FROM sessions WHERE status = 'active' ORDER BY started_at DESC, id DESC LIMIT 1",
  ).get();
  return row?.id ?? null;
}

export function setCursorAndClock(db: Db, id: number, cursor: number, clock: QuestionClock | null): void {
  prepared(
    db,
    `UPDATE sessions SET cursor = ?, current_started_at = ?, current_deadline = ?, paused_at = ?, current_paused_ms = ?
      WHERE id = ?`,
  ).run(cursor, clock?.startedAt ?? null, clock?.deadline ?? null, clock?.pausedAt ?? null, clock?.pausedMs ?? 0, id);
}

export function closeSession(db: Db, id: number, status: 'finished' | 'ended', now: number): void {
  prepared(
    db,
    `UPDATE sessions SET status = ?, ended_at = ?, current_started_at = NULL, current_deadline = NULL, paused_at = NULL
      WHERE id = ? AND status = 'active'`,
  ).run(status, now, id);
}

/** Removes a session that has no answer (ended before any), so History never lists an empty one. */
export function deleteEmptySession(db: Db, id: number): boolean {
  return (
    prepared(db, 'DELETE FROM sessions WHERE id = ? AND NOT EXISTS (SELECT 1 FROM attempts WHERE session_id = ?)').run(
      id,
      id,
    ).changes > 0
  );
}

export interface NewAttempt {
  sessionId: number;
  questionId: number;
  deckId: number;
  level: string;
  position: number;
  startedAt: number;
  deadline: number;
  answeredAt: number;
  day: number;
  timeAllowedMs: number;
  timeUsedMs: number;
  pausedMs: number;
  overtimeMs: number;
  outcome: AttemptOutcome;
  mode: 'write' | 'speak';
  answer: string;
  keywordScore: number | null;
  /** The scorer version that gave keywordScore; null when no scorer ran (spoken, skipped). */
  scorerVersion: number | null;
  hits: AttemptKeyword[];
}

/** One keyword of an answer: fully named or not, and (when a verdict scorer decided it) why and for how much. */
export interface AttemptKeyword {
  keywordId: number;
  hit: boolean;
  verdict: Verdict | null;
  credit: number | null;
}

export function insertAttempt(db: Db, a: NewAttempt): number {
  const result = prepared(
    db,
    `INSERT INTO attempts (session_id, question_id, deck_id, level, position, started_at, deadline, answered_at, day,
                             time_allowed_ms, time_used_ms, paused_ms, overtime_ms, outcome, mode, answer, keyword_score, scorer_version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    a.sessionId,
    a.questionId,
    a.deckId,
    a.level,
    a.position,
    a.startedAt,
    a.deadline,
    a.answeredAt,
    a.day,
    a.timeAllowedMs,
    a.timeUsedMs,
    a.pausedMs,
    a.overtimeMs,
    a.outcome,
    a.mode,
    a.answer,
    a.keywordScore,
    a.scorerVersion,
  );
  const attemptId = Number(result.lastInsertRowid);
  insertAttemptKeywords(db, attemptId, a.hits);
  return attemptId;
}

function insertAttemptKeywords(db: Db, attemptId: number, hits: NewAttempt['hits']): void {
  const insert = prepared(
    db,
    'INSERT INTO attempt_keywords (attempt_id, keyword_id, hit, verdict, credit) VALUES (?, ?, ?, ?, ?)',
  );
  for (const h of hits) insert.run(attemptId, h.keywordId, h.hit ? 1 : 0, h.verdict, h.credit);
}

/** Speak mode: the keywords are ticked by the person after the reveal, once. */
export function setSpokenKeywords(db: Db, attemptId: number, hits: NewAttempt['hits'], keywordScore: number): void {
  if (countOf(db, 'SELECT count(*) AS n FROM attempt_keywords WHERE attempt_id = ?', attemptId) > 0) return;
  insertAttemptKeywords(db, attemptId, hits);
  prepared(db, 'UPDATE attempts SET keyword_score = ? WHERE id = ?').run(keywordScore, attemptId);
}

export function setGrade(db: Db, attemptId: number, grade: Grade, now: number): void {
  prepared(db, 'UPDATE attempts SET self_grade = ?, graded_at = ? WHERE id = ?').run(grade, now, attemptId);
}

export interface AttemptRow {
  id: number;
  sessionId: number;
  questionId: number;
  position: number;
  outcome: AttemptOutcome;
  mode: 'write' | 'speak';
  answer: string;
  keywordScore: number | null;
  scorerVersion: number | null;
  selfGrade: Grade | null;
  timeAllowedMs: number;
  timeUsedMs: number;
  overtimeMs: number;
  pausedMs: number;
  answeredAt: number;
  level: string;
  keywords: Map<number, AttemptKeyword>;
}

interface RawAttempt {
  id: number;
  session_id: number;
  question_id: number;
  position: number;
  outcome: AttemptOutcome;
  mode: 'write' | 'speak';
  answer: string;
  keyword_score: number | null;
  scorer_version: number | null;
  self_grade: Grade | null;
  time_allowed_ms: number;
  time_used_ms: number;
  overtime_ms: number;
  paused_ms: number;
  answered_at: number;
  level: string;
}

interface RawAttemptKeyword {
  attempt_id: number;
  keyword_id: number;
  hit: number;
  verdict: Verdict | null;
  credit: number | null;
}

export function attemptsOfSession(db: Db, sessionId: number): AttemptRow[] {
  const rows = prepared<RawAttempt>(
    db,
    `SELECT id, session_id, question_id, position, outcome, mode, answer, keyword_score, scorer_version, self_grade, time_allowed_ms,
              time_used_ms, overtime_ms, paused_ms, answered_at, level
         FROM attempts WHERE session_id = ? ORDER BY position`,
  ).all(sessionId);
  const hits = prepared<RawAttemptKeyword>(
    db,
    `SELECT ak.attempt_id, ak.keyword_id, ak.hit, ak.verdict, ak.credit FROM attempt_keywords ak
      JOIN attempts a ON a.id = ak.attempt_id WHERE a.session_id = ?`,
  ).all(sessionId);
  const byAttempt = new Map<number, Map<number, AttemptKeyword>>();
  for (const h of hits) {
    const map = byAttempt.get(h.attempt_id) ?? new Map<number, AttemptKeyword>();
    map.set(h.keyword_id, { keywordId: h.keyword_id, hit: h.hit === 1, verdict: h.verdict, credit: h.credit });
    byAttempt.set(h.attempt_id, map);
  }
  return rows.map((r) => ({
    id: r.id,
    sessionId: r.session_id,
    questionId: r.question_id,
    position: r.position,
    outcome: r.outcome,
    mode: r.mode,
    answer: r.answer,
    keywordScore: r.keyword_score,
    scorerVersion: r.scorer_version,
    selfGrade: r.self_grade,
    timeAllowedMs: r.time_allowed_ms,
    timeUsedMs: r.time_used_ms,
    overtimeMs: r.overtime_ms,
    pausedMs: r.paused_ms,
    answeredAt: r.answered_at,
    level: r.level,
    keywords: byAttempt.get(r.id) ?? new Map(),
  }));
}

/** Answering time spent in a session so far: the time used of every question answered. */
export function sessionTimeUsedMs(db: Db, sessionId: number): number {
  return countOf(db, 'SELECT coalesce(sum(time_used_ms), 0) AS n FROM attempts WHERE session_id = ?', sessionId);
}

/**
 * The latest strength of each of the given questions, from its most recent attempt: read from latest_attempts,
 * which triggers keep (migration 0008), instead of a seek into every question's run of attempts.
 */
export function lastAttemptOf(
  db: Db,
  questionIds: readonly number[],
): Map<number, { selfGrade: number | null; keywordScore: number | null; outcome: string }> {
  const rows = prepared<{
    question_id: number;
    self_grade: number | null;
    keyword_score: number | null;
    outcome: string;
  }>(
    db,
    `SELECT question_id, self_grade, keyword_score, outcome FROM latest_attempts
      WHERE question_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(questionIds));
  return new Map(
    rows.map((r) => [r.question_id, { selfGrade: r.self_grade, keywordScore: r.keyword_score, outcome: r.outcome }]),
  );
}

export function upsertReviewState(db: Db, questionId: number, card: string, due: number, now: number): void {
  prepared(
    db,
    `INSERT INTO review_state (question_id, card, due, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (question_id) DO UPDATE SET card = excluded.card, due = excluded.due, updated_at = excluded.updated_at`,
  ).run(questionId, card, due, now);
}

/** A question's spaced-repetition card as its last grade left it, and when; null before its first grade. */
export function reviewStateOf(db: Db, questionId: number): { card: string; updatedAt: number } | null {
  const row = prepared<{ card: string; updated_at: number }>(
    db,
    'SELECT card, updated_at FROM review_state WHERE question_id = ?',
  ).get(questionId);
  return row ? { card: row.card, updatedAt: row.updated_at } : null;
}

/** Every self-grade a question has, in the order given: its spaced-repetition card is replayed from them. */
export function gradesOfQuestion(db: Db, questionId: number): Array<{ grade: Grade; gradedAt: number }> {
  return prepared<{ grade: Grade; gradedAt: number }>(
    db,
    `SELECT self_grade AS grade, coalesce(graded_at, answered_at) AS gradedAt FROM attempts
        WHERE question_id = ? AND self_grade IS NOT NULL ORDER BY gradedAt, id`,
  ).all(questionId);
}

/** A session's summary as History and Home show it: its size, what was answered, its levels and scores. */
const SUMMARY_SQL = `SELECT s.id, s.status, s.started_at, s.ended_at, json_array_length(s.plan) AS total,
    (SELECT count(*) FROM attempts a WHERE a.session_id = s.id) AS answered,
    (SELECT json_group_array(DISTINCT a.level) FROM attempts a WHERE a.session_id = s.id) AS levels,
    (SELECT avg((a.self_grade - 1) / 3.0) FROM attempts a WHERE a.session_id = s.id AND a.self_grade IS NOT NULL) AS grade_score,
    (SELECT avg(a.keyword_score) FROM attempts a WHERE a.session_id = s.id AND a.keyword_score IS NOT NULL) AS keyword_score
  FROM sessions s`;

interface SummaryRow {
  id: number;
  status: SessionStatus;
  started_at: number;
  ended_at: number | null;
  total: number;
  answered: number;
  levels: string;
  grade_score: number | null;
  keyword_score: number | null;
}

const toSummary = (r: SummaryRow): SessionSummary => ({
  id: r.id,
  status: r.status,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  total: r.total,
  answered: r.answered,
  levels: stringList(r.levels),
  gradeScore: r.grade_score,
  keywordScore: r.keyword_score,
});

/** Sessions ended before any answer are removed now; older ones may still be in a store: History skips them. */
const LISTED = `s.status <> 'ended' OR EXISTS (SELECT 1 FROM attempts a WHERE a.session_id = s.id)`;

export function listSessionRows(db: Db, offset: number, limit: number): SessionList {
  const n = countOf(db, `SELECT count(*) AS n FROM sessions s WHERE ${LISTED}`);
  const rows = prepared<SummaryRow>(
    db,
    `${SUMMARY_SQL} WHERE ${LISTED} ORDER BY s.started_at DESC, s.id DESC LIMIT ? OFFSET ?`,
  ).all(limit, offset);
  return { total: n, items: rows.map(toSummary) };
}

export function sessionSummary(db: Db, id: number): SessionSummary | null {
  const row = prepared<SummaryRow>(db, `${SUMMARY_SQL} WHERE s.id = ?`).get(id);
  return row ? toSummary(row) : null;
}

/** The FSRS due date of each of the given questions that has been graded. */
export function dueDates(db: Db, questionIds: readonly number[]): Map<number, number> {
  const rows = prepared<{ question_id: number; due: number }>(
    db,
    'SELECT question_id, due FROM review_state WHERE question_id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(questionIds));
  return new Map(rows.map((r) => [r.question_id, r.due]));
}

/** Live questions due for review at `now`, most overdue first, and when the next one falls due. */
export function reviewQueue(
  db: Db,
  now: number,
  limit: number,
): { due: number; ids: number[]; nextDueAt: number | null } {
  const live = `FROM review_state r JOIN questions q ON q.id = r.question_id JOIN decks d ON d.id = q.deck_id
                WHERE q.deleted_at IS NULL`;
  const n = countOf(db, `SELECT count(*) AS n ${live} AND r.due <= ?`, now);
  const ids = prepared<{ id: number }>(db, `SELECT r.question_id AS id ${live} AND r.due <= ? ORDER BY r.due LIMIT ?`)
    .all(now, limit)
    .map((r) => r.id);
  const next = prepared<{ due: number | null }>(db, `SELECT min(r.due) AS due ${live} AND r.due > ?`).get(now);
  return { due: n, ids, nextDueAt: n > 0 ? null : (next?.due ?? null) };
}
