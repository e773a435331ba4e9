import type { Verdict } from '../../shared/session-types';
import type { Db } from './db';
import { stringList } from './columns';
import { countOf, prepared } from './statements';

/** How many written answers an older scorer than `version` scored (spoken and skipped ones have no scorer). */
export function olderScoredCount(db: Db, version: number): number {
  return countOf(db, 'SELECT count(*) AS n FROM attempts WHERE scorer_version < ?', version);
}

export interface RescoreCandidate {
  id: number;
  questionId: number;
  answer: string;
  keywordScore: number | null;
  /** The keywords recorded for this answer, with whether each was hit. */
  hits: Map<number, boolean>;
}

/**
 * The next `limit` answers after `afterId` that an older scorer scored, oldest first. Read in batches:
 * a long history does not have to fit in memory, and the caller writes between batches (better-sqlite3
 * cannot write while a read is still being stepped).
 */
export function rescoreBatch(db: Db, version: number, afterId: number, limit: number): RescoreCandidate[] {
  const rows = prepared<{ id: number; question_id: number; answer: string; keyword_score: number | null }>(
    db,
    // Walks the primary key from afterId (the unary + keeps the planner off the scorer_version index, which
    // would read every waiting answer again for each batch).
    `SELECT id, question_id, answer, keyword_score FROM attempts
        WHERE id > ? AND +scorer_version < ? AND mode = 'write' AND outcome IN ('answered', 'timed_out')
        ORDER BY id LIMIT ?`,
  ).all(afterId, version, limit);
  if (rows.length === 0) return [];
  const hits = prepared<{ attempt_id: number; keyword_id: number; hit: number }>(
    db,
    `SELECT attempt_id, keyword_id, hit FROM attempt_keywords
      WHERE attempt_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(rows.map((r) => r.id)));
  const byAttempt = new Map<number, Map<number, boolean>>();
  for (const h of hits) {
    const map = byAttempt.get(h.attempt_id) ?? new Map<number, boolean>();
    map.set(h.keyword_id, h.hit === 1);
    byAttempt.set(h.attempt_id, map);
  }
  return rows.map((r) => ({
    id: r.id,
    questionId: r.question_id,
    answer: r.answer,
    keywordScore: r.keyword_score,
    hits: byAttempt.get(r.id) ?? new Map(),
  }));
}

/** What a question offers the scorer: its prompt and, per keyword id, the keyword and its weight here. */
export interface ScoringQuestion {
  prompt: string;
  keywords: Map<number, { label: string; aliases: string[]; weight: number }>;
}

/** Every question that has answers to re-score (deleted ones too: their history stays), in one read. */
export function scoringQuestions(db: Db, version: number): Map<number, ScoringQuestion> {
  const questions = prepared<{ id: number; prompt: string }>(
    db,
    `SELECT id, prompt FROM questions
      WHERE id IN (SELECT DISTINCT question_id FROM attempts WHERE scorer_version < ?)`,
  ).all(version);
  const out = new Map<number, ScoringQuestion>(questions.map((q) => [q.id, { prompt: q.prompt, keywords: new Map() }]));
  const links = prepared<{ question_id: number; id: number; label: string; aliases: string; weight: number }>(
    db,
    `SELECT qk.question_id, k.id, k.label, k.aliases, qk.weight
       FROM question_keywords qk JOIN keywords k ON k.id = qk.keyword_id ORDER BY qk.question_id, qk.position`,
  ).all();
  for (const l of links) {
    out.get(l.question_id)?.keywords.set(l.id, {
      label: l.label,
      aliases: stringList(l.aliases),
      weight: l.weight,
    });
  }
  return out;
}

/** Keywords an answer recorded that its question no longer lists (edited since): scored with weight 1. */
export function keywordsById(db: Db, ids: readonly number[]): Map<number, { label: string; aliases: string[] }> {
  if (ids.length === 0) return new Map();
  const rows = prepared<{ id: number; label: string; aliases: string }>(
    db,
    'SELECT id, label, aliases FROM keywords WHERE id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(ids));
  return new Map(rows.map((r) => [r.id, { label: r.label, aliases: stringList(r.aliases) }]));
}

export interface Rescored {
  attemptId: number;
  keywordScore: number;
  /** Set only when it differs from the stored score. */
  scoreChanged: boolean;
  scorerVersion: number;
  keywords: Array<{ keywordId: number; hit: boolean; hitChanged: boolean; verdict: Verdict; credit: number }>;
}

/**
 * Writes a re-scored answer. The rollup triggers move the stats with it: an unchanged keyword score or hit
 * is not written, so the triggers (which fire on the columns named in an UPDATE, changed or not) only run
 * for what did change.
 */
export function writeRescored(db: Db): (r: Rescored) => void {
  const version = db.prepare('UPDATE attempts SET scorer_version = ? WHERE id = ?');
  const score = db.prepare('UPDATE attempts SET keyword_score = ?, scorer_version = ? WHERE id = ?');
  const verdict = db.prepare(
    'UPDATE attempt_keywords SET verdict = ?, credit = ? WHERE attempt_id = ? AND keyword_id = ?',
  );
  const hit = db.prepare(
    'UPDATE attempt_keywords SET hit = ?, verdict = ?, credit = ? WHERE attempt_id = ? AND keyword_id = ?',
  );
  return (r) => {
    for (const k of r.keywords) {
      if (k.hitChanged) hit.run(k.hit ? 1 : 0, k.verdict, k.credit, r.attemptId, k.keywordId);
      else verdict.run(k.verdict, k.credit, r.attemptId, k.keywordId);
    }
    if (r.scoreChanged) score.run(r.keywordScore, r.scorerVersion, r.attemptId);
    else version.run(r.scorerVersion, r.attemptId);
  };
}
