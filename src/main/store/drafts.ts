import type { Db } from './db';
import { prepared } from './statements';

/** The answer being typed at one question of a session, and the time the question had when it was saved. */
export interface Draft {
  text: string;
  savedAt: number;
  leftMs: number;
}

export function getDraft(db: Db, sessionId: number, position: number): Draft | null {
  const row = prepared<{ text: string; saved_at: number; left_ms: number }>(
    db,
    'SELECT text, saved_at, left_ms FROM drafts WHERE session_id = ? AND position = ?',
  ).get(sessionId, position);
  return row ? { text: row.text, savedAt: row.saved_at, leftMs: row.left_ms } : null;
}

export function saveDraft(db: Db, sessionId: number, position: number, draft: Draft): void {
  db.prepare(
    `INSERT INTO drafts (session_id, position, text, saved_at, left_ms) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (session_id, position) DO UPDATE SET text = excluded.text, saved_at = excluded.saved_at, left_ms = excluded.left_ms`,
  ).run(sessionId, position, draft.text, draft.savedAt, draft.leftMs);
}

/** Records the question's time left (a pause, say) and keeps whatever text was saved. */
export function saveDraftClock(db: Db, sessionId: number, position: number, savedAt: number, leftMs: number): void {
  db.prepare(
    `INSERT INTO drafts (session_id, position, text, saved_at, left_ms) VALUES (?, ?, '', ?, ?)
     ON CONFLICT (session_id, position) DO UPDATE SET saved_at = excluded.saved_at, left_ms = excluded.left_ms`,
  ).run(sessionId, position, savedAt, leftMs);
}

/** Every draft of a session, or only the one at `position`. */
export function deleteDrafts(db: Db, sessionId: number, position?: number): void {
  if (position === undefined) db.prepare('DELETE FROM drafts WHERE session_id = ?').run(sessionId);
  else db.prepare('DELETE FROM drafts WHERE session_id = ? AND position = ?').run(sessionId, position);
}
