/**
 * What the session tests share, on top of first-edition-store.ts: readers of the rows a session writes, and a
 * three-question session to start from.
 */
import type { InputOf } from '../../../src/shared/api';
import type { SessionView } from '../../../src/shared/session-types';
import type { Db } from '../../../src/main/store/database';
import { call, db, idOf } from '../first-edition-store';

export const levelOf = (id: number): string =>
  db.prepare('SELECT level FROM questions WHERE id = ?').pluck().get(id) as string;

export const planOf = (sessionId: number, on: Db = db): number[] =>
  JSON.parse(on.prepare('SELECT plan FROM sessions WHERE id = ?').pluck().get(sessionId) as string) as number[];

export interface AttemptDbRow {
  id: number;
  question_id: number;
  position: number;
  outcome: string;
  answer: string;
  started_at: number;
  deadline: number;
  answered_at: number;
  time_allowed_ms: number;
  time_used_ms: number;
  paused_ms: number;
  overtime_ms: number;
  keyword_score: number | null;
  self_grade: number | null;
  graded_at: number | null;
  mode: string;
}
export const attemptRows = (sessionId: number, on: Db = db): AttemptDbRow[] =>
  on.prepare('SELECT * FROM attempts WHERE session_id = ? ORDER BY position').all(sessionId) as AttemptDbRow[];

/** Keyword label → hit (1/0) recorded for an attempt. */
export const hitsOf = (attemptId: number): Record<string, number> =>
  Object.fromEntries(
    (
      db
        .prepare(
          `SELECT k.label, ak.hit FROM attempt_keywords ak JOIN keywords k ON k.id = ak.keyword_id WHERE ak.attempt_id = ?`,
        )
        .all(attemptId) as Array<{ label: string; hit: number }>
    ).map((r) => [r.label, r.hit]),
  );

export const sessionRow = (id: number) =>
  db.prepare('SELECT status, ended_at FROM sessions WHERE id = ?').get(id) as {
    status: string;
    ended_at: number | null;
  };

export const levelIds = async (level: string): Promise<number[]> =>
  (await call('listQuestions', { levels: [level], limit: 500 })).items.map((q) => q.id).sort((a, b) => a - b);

/** Three known questions, one per level, asked Beginner → Intermediate → Advanced. */
export async function startThree(extra: Partial<InputOf<'startSession'>> = {}): Promise<SessionView> {
  return call('startSession', {
    questionIds: [idOf('transactions'), idOf('what-is-django'), idOf('migrations')],
    count: 3,
    order: 'escalating',
    timePerLevel: { Beginner: 60, Intermediate: 90, Advanced: 120 },
    ...extra,
  });
}

export async function submit(
  view: SessionView,
  answer: string,
  reason: 'answer' | 'timeout' | 'skip' = 'answer',
): Promise<SessionView> {
  return call('submitAnswer', { sessionId: view.id, position: view.position, answer, reason });
}
