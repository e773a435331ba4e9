/** Saving an answer and its grade: each one transaction, with its keywords, its review card and its draft gone. */
import type { Grade, SessionConfig } from '../../shared/session-types';
import type { QuestionDetail } from '../../shared/types';
import { localDay } from '../core/days';
import { reviewCard } from '../core/scheduling';
import { SCORER_VERSION } from '../core/scoring';
import { answerKeywords, spokenKeywords } from '../core/session-results';
import { settle, type QuestionClock, type SettleReason } from '../core/timing';
import * as drafts from '../store/drafts';
import type { Db } from '../store/db';
import * as store from '../store/sessions';
import { toScoring } from './session-view';

export interface Submission {
  sessionId: number;
  position: number;
  config: SessionConfig;
  clock: QuestionClock;
  question: QuestionDetail;
  allowedMs: number;
  answer: string;
  reason: SettleReason;
}

/** Records the answer on screen, settled against its clock and scored, and moves the session to its reveal. */
export function recordAnswer(db: Db, s: Submission, now: number): void {
  const q = s.question;
  const settled = settle(s.clock, now, s.reason, s.allowedMs, s.config.onTimeout);
  const speak = s.config.mode === 'speak';
  const text = speak ? '' : s.answer;
  const scored = answerKeywords(text, toScoring(q), q.prompt, { speak, skipped: settled.outcome === 'skipped' });
  db.transaction(() => {
    store.insertAttempt(db, {
      sessionId: s.sessionId,
      questionId: q.id,
      deckId: q.deckId,
      level: q.level,
      position: s.position,
      startedAt: s.clock.startedAt,
      deadline: s.clock.deadline,
      answeredAt: now,
      day: localDay(now),
      timeAllowedMs: s.allowedMs,
      timeUsedMs: settled.timeUsedMs,
      pausedMs: settled.pausedMs,
      overtimeMs: settled.overtimeMs,
      outcome: settled.outcome,
      mode: s.config.mode,
      answer: text,
      keywordScore: scored.score,
      scorerVersion: scored.score === null ? null : SCORER_VERSION,
      hits: scored.hits,
    });
    drafts.deleteDrafts(db, s.sessionId, s.position);
    store.setCursorAndClock(db, s.sessionId, s.position, null);
  })();
}

/**
 * The question's spaced-repetition card after this grade. A first grade, later than the stored card's last
 * review, moves the stored card on by one review (a replay of every grade would cost more with each). A
 * changed grade is replayed from the question's grades, so it replaces its review instead of adding a second one.
 */
function nextReview(db: Db, attempt: store.AttemptRow, grade: Grade, now: number) {
  const stored = attempt.selfGrade === null ? store.reviewStateOf(db, attempt.questionId) : undefined;
  if (stored !== undefined && (stored === null || stored.updatedAt < now))
    return reviewCard(stored?.card ?? null, grade, now);
  let review = { card: null as string | null, due: now };
  for (const g of store.gradesOfQuestion(db, attempt.questionId)) review = reviewCard(review.card, g.grade, g.gradedAt);
  return review;
}

/** Records a self-grade, its review, and for a spoken answer the keywords the person ticked (once). */
export function recordGrade(
  db: Db,
  attempt: store.AttemptRow,
  grade: Grade,
  namedKeywordIds: readonly number[] | undefined,
  keywords: QuestionDetail['keywords'],
  now: number,
): void {
  db.transaction(() => {
    store.setGrade(db, attempt.id, grade, now);
    const review = nextReview(db, attempt, grade, now);
    store.upsertReviewState(db, attempt.questionId, review.card!, review.due, now);
    const spoken = attempt.mode === 'speak' && namedKeywordIds ? spokenKeywords(keywords, namedKeywordIds) : null;
    if (spoken) store.setSpokenKeywords(db, attempt.id, spoken.hits, spoken.score);
  })();
}
