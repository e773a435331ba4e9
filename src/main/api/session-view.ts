/**
 * What a session looks like to the page: its header, the question on screen with its clock and draft, or the
 * answer just revealed with its keywords, matched words and evidence.
 */
import { ApiError } from '../../shared/api';
import type { AttemptView, SessionResults, SessionView, Verdict } from '../../shared/session-types';
import type { QuestionDetail } from '../../shared/types';
import { findKeywordSpans, SCORER_VERSION, scoreAnswer, type ScoringKeyword } from '../core/scoring';
import { allowedMs, capLeftMs } from '../core/session-rules';
import { remainingMs } from '../core/timing';
import * as drafts from '../store/drafts';
import { getQuestion } from '../store/questions';
import * as store from '../store/sessions';
import type { ApiContext } from './context';
import { MAX_MODEL_SPANS, ModelHighlights } from './highlights';

export const toScoring = (q: QuestionDetail): ScoringKeyword[] =>
  q.keywords.map((k) => ({ id: k.id, label: k.label, aliases: k.aliases, weight: k.weight }));

/** What the live view and the results both say about a session itself. */
export function header(session: store.SessionRow): SessionResults['session'] {
  const { id, status, config, startedAt, endedAt } = session;
  return { id, status, config, startedAt, endedAt, total: session.plan.length };
}

/** One stored keyword of an answer as the reveal shows it, with today's scorer's evidence where it agrees. */
function keywordView(
  k: QuestionDetail['keywords'][number],
  stored: store.AttemptKeyword | undefined,
  live: ReturnType<typeof scoreAnswer> | null,
): AttemptView['keywords'][number] {
  const hit = stored?.hit ?? false;
  const verdict: Verdict = stored?.verdict ?? (hit ? 'named' : 'missed');
  const found = live?.hits.find((h) => h.keywordId === k.id);
  const agrees = found !== undefined && (stored?.verdict ? found.verdict === verdict : found.hit === hit);
  return {
    keywordId: k.id,
    label: k.label,
    aliases: k.aliases,
    weight: k.weight,
    hit,
    verdict,
    credit: stored?.credit ?? (hit ? 1 : 0),
    matchedBy: agrees ? found.matchedBy : hit ? k.label : null,
    evidence: agrees ? found.evidence : null,
  };
}

export function sessionViews({ db, clock }: Pick<ApiContext, 'db' | 'clock'>) {
  const highlights = new ModelHighlights();

  const question = (id: number): QuestionDetail => {
    const found = getQuestion(db, id, { includeDeleted: true });
    if (!found) throw new ApiError('not_found', `Question ${id} no longer exists.`);
    return found;
  };

  const capLeft = (session: store.SessionRow): number | null =>
    session.config.sessionCapMinutes === null
      ? null
      : capLeftMs(session.config, store.sessionTimeUsedMs(db, session.id));

  function attemptView(row: store.AttemptRow): AttemptView {
    const q = question(row.questionId);
    const keywords = toScoring(q);
    const typed = row.mode === 'write' && row.outcome !== 'skipped';
    // Matched words and evidence are found again in the answer (they are not stored); they are shown
    // only where today's scorer reaches the verdict that was stored, so the evidence never contradicts it.
    const live = typed ? scoreAnswer(row.answer, keywords, { prompt: q.prompt }) : null;
    return {
      id: row.id,
      position: row.position,
      question: { id: q.id, prompt: q.prompt, level: row.level, deckName: q.deckName },
      outcome: row.outcome,
      mode: row.mode,
      answer: row.answer,
      answerSpans: typed ? findKeywordSpans(row.answer, keywords, { maxSpans: MAX_MODEL_SPANS }) : [],
      modelAnswer: q.answer,
      modelMentions: highlights.mentions(q.id, q.answer, keywords),
      keywords: q.keywords.map((k) => keywordView(k, row.keywords.get(k.id), live)),
      keywordScore: row.keywordScore,
      scorerVersion: row.scorerVersion,
      scoredByOlderScorer: row.scorerVersion !== null && row.scorerVersion < SCORER_VERSION,
      selfGrade: row.selfGrade,
      timeAllowedMs: row.timeAllowedMs,
      timeUsedMs: row.timeUsedMs,
      overtimeMs: row.overtimeMs,
      pausedMs: row.pausedMs,
      answeredAt: row.answeredAt,
    };
  }

  function view(session: store.SessionRow): SessionView {
    const now = clock.now();
    const attempts = store.attemptsOfSession(db, session.id);
    const atCursor = attempts.find((a) => a.position === session.cursor);
    const left = capLeft(session);
    const base = {
      ...header(session),
      position: session.cursor,
      answeredCount: attempts.length,
      capReached: left !== null && left <= 0,
    };
    if (session.status !== 'active' || session.cursor >= session.plan.length) {
      return { ...base, phase: 'done', current: null, revealed: null };
    }
    if (atCursor) {
      return { ...base, phase: 'revealed', current: null, revealed: attemptView(atCursor) };
    }
    if (!session.clock) return { ...base, phase: 'done', current: null, revealed: null };
    const q = question(session.plan[session.cursor]!);
    return {
      ...base,
      phase: 'asking',
      revealed: null,
      current: {
        question: { id: q.id, prompt: q.prompt, level: q.level, deckName: q.deckName },
        timeAllowedMs: allowedMs(session.config, q.level),
        remainingMs: remainingMs(session.clock, now),
        paused: session.clock.pausedAt !== null,
        draft: drafts.getDraft(db, session.id, session.cursor)?.text ?? '',
      },
    };
  }

  const requireSession = (id: number): store.SessionRow => {
    const session = store.getSessionRow(db, id);
    if (!session) throw new ApiError('not_found', `Session ${id} does not exist.`);
    return session;
  };

  const requireActive = (id: number): store.SessionRow => {
    const session = requireSession(id);
    if (session.status !== 'active') throw new ApiError('conflict', 'This session has already ended.');
    return session;
  };

  return { question, capLeft, attemptView, view, requireSession, requireActive };
}

export type SessionViews = ReturnType<typeof sessionViews>;
