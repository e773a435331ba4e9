import { ApiError } from '../../shared/api';
import type { SessionConfig, SessionResults } from '../../shared/session-types';
import {
  allowedMs,
  capDeadlineFrom,
  DEFAULT_SECONDS,
  DEFAULT_TIME_PER_LEVEL,
  preferencesOf,
  resolvePreferences,
  type Preferences,
} from '../core/session-rules';
import { summariseAttempts } from '../core/session-results';
import { pauseClock, remainingMs, resumeClock, startClock, unpauseClock } from '../core/timing';
import * as drafts from '../store/drafts';
import * as store from '../store/sessions';
import { getSetting, setSetting } from '../store/settings';
import type { ApiContext, Handlers } from './context';
import { recordAnswer, recordGrade } from './session-grading';
import { planFor, preview } from './session-planning';
import { header, sessionViews } from './session-view';

export { DEFAULT_TIME_PER_LEVEL };

const LAST_CONFIG = 'session.last';
const PREFERENCES = 'session.preferences';

/** What every session handler works with: the store, the clock, the views, and the sessions this run keeps. */
function sessionKit({ db, clock, writeGate }: ApiContext) {
  /**
   * Sessions whose clock this run of the app has kept. Any other active session was interrupted (the
   * app closed or crashed): resuming it must not count the time away, nor give back more than it had.
   * A restore makes every session one of those: they are the backup's, last kept when it was made.
   */
  const live = new Set<number>();
  writeGate?.whenReplaced(() => live.clear());
  const views = sessionViews({ db, clock });
  const { question, capLeft, view, requireSession } = views;

  function startQuestionAt(session: store.SessionRow, cursor: number, now: number): void {
    const q = question(session.plan[cursor]!);
    const clockAt = startClock(now, allowedMs(session.config, q.level), capDeadlineFrom(now, capLeft(session)));
    store.setCursorAndClock(db, session.id, cursor, clockAt);
  }

  /** Ends a session; one without any answer is removed instead, so History never lists an empty session. */
  function close(id: number, status: 'finished' | 'ended', now: number): boolean {
    drafts.deleteDrafts(db, id);
    if (store.deleteEmptySession(db, id)) return true;
    store.closeSession(db, id, status, now);
    return false;
  }

  /** Saves a new session with its plan, its first question's clock running; ends any left open. */
  function insertSession(config: SessionConfig, plan: number[], now: number): number {
    return db.transaction(() => {
      // One interview at a time: starting a new one ends any that was left open.
      const open = store.activeSessionId(db);
      if (open !== null) close(open, 'ended', now);
      const first = question(plan[0]!);
      const capMs = config.sessionCapMinutes === null ? null : config.sessionCapMinutes * 60_000;
      const clockAt = startClock(now, allowedMs(config, first.level), capDeadlineFrom(now, capMs));
      const sessionId = store.insertSession(db, config, plan, clockAt, now);
      const { remember, ...kept } = config;
      if (remember) {
        if (config.questionIds.length === 0) setSetting(db, LAST_CONFIG, kept);
        setSetting(db, PREFERENCES, preferencesOf(config));
      }
      return sessionId;
    })();
  }

  /** Keeps the session's clock in this run (an action on it shows it was not interrupted), and shows it. */
  const kept = (sessionId: number) => {
    live.add(sessionId);
    return view(requireSession(sessionId));
  };

  return { db, clock, live, ...views, startQuestionAt, close, insertSession, kept };
}

type SessionKit = ReturnType<typeof sessionKit>;

/** Reading sessions, and what a new one would be. */
function sessionReads({ db, clock, attemptView, view, requireSession }: SessionKit) {
  return {
    getSessionSetup: () => ({
      defaults: {
        deckIds: [],
        levels: [],
        keywordIds: [],
        questionIds: [],
        count: 10,
        order: 'escalating',
        sessionCapMinutes: null,
        ...resolvePreferences(getSetting<Partial<Preferences>>(db, PREFERENCES) ?? {}),
      },
      last: getSetting<SessionConfig>(db, LAST_CONFIG),
      presetTimes: DEFAULT_TIME_PER_LEVEL,
      presetDefaultSeconds: DEFAULT_SECONDS,
    }),

    previewSession: (config) => preview(db, config),

    getActiveSession: () => {
      const id = store.activeSessionId(db);
      return id === null ? null : view(requireSession(id));
    },

    getSession: ({ sessionId }) => view(requireSession(sessionId)),

    getSessionResults: ({ sessionId }): SessionResults => {
      const session = requireSession(sessionId);
      const attempts = store.attemptsOfSession(db, sessionId).map(attemptView);
      return { session: header(session), attempts, ...summariseAttempts(attempts) };
    },

    listSessions: ({ offset, limit }) => store.listSessionRows(db, offset, limit),

    getReviewSummary: () => {
      const queue = store.reviewQueue(db, clock.now(), 50);
      return { dueCount: queue.due, dueQuestionIds: queue.ids, nextDueAt: queue.nextDueAt };
    },
  } satisfies Partial<Handlers>;
}

/** A session's course: started, resumed, moved on, paused, ended. */
function sessionFlow(kit: SessionKit) {
  const { db, clock, live, view, requireSession, requireActive, startQuestionAt, close, insertSession, kept } = kit;
  return {
    startSession: (config) => {
      const now = clock.now();
      const plan = planFor(db, config, now);
      if (plan.length === 0) {
        throw new ApiError(
          'invalid_input',
          'No question matches these choices. Choose more decks, levels or keywords, or clear the keyword filter.',
        );
      }
      return kept(insertSession(config, plan, now));
    },

    resumeSession: ({ sessionId }) => {
      const session = requireActive(sessionId);
      const current = view(session);
      if (current.phase === 'asking' && session.clock && !live.has(sessionId)) {
        const { clock: c } = session;
        // Without a draft, the last saved moment is the question's start: its whole budget, no more.
        const left = drafts.getDraft(db, sessionId, session.cursor)?.leftMs ?? c.deadline - c.startedAt - c.pausedMs;
        store.setCursorAndClock(db, sessionId, session.cursor, resumeClock(c, left, clock.now()));
      }
      return kept(sessionId);
    },

    nextQuestion: ({ sessionId }) => {
      const now = clock.now();
      const session = requireActive(sessionId);
      const current = view(session);
      if (current.phase !== 'revealed') return current;
      const next = session.cursor + 1;
      db.transaction(() => {
        if (next >= session.plan.length || current.capReached) {
          store.setCursorAndClock(db, sessionId, next, null);
          close(sessionId, next >= session.plan.length ? 'finished' : 'ended', now);
        } else {
          startQuestionAt(session, next, now);
        }
      })();
      return kept(sessionId);
    },

    pauseSession: ({ sessionId }) => {
      const session = requireActive(sessionId);
      if (session.config.strict) throw new ApiError('conflict', 'This is a strict session: it cannot be paused.');
      if (session.clock) {
        const now = clock.now();
        const paused = pauseClock(session.clock, now);
        db.transaction(() => {
          store.setCursorAndClock(db, sessionId, session.cursor, paused);
          // A pause is a saved moment: resumed after a crash, the question has what it had here.
          drafts.saveDraftClock(db, sessionId, session.cursor, now, remainingMs(paused, now));
        })();
      }
      return kept(sessionId);
    },

    unpauseSession: ({ sessionId }) => {
      const session = requireActive(sessionId);
      if (session.clock)
        store.setCursorAndClock(db, sessionId, session.cursor, unpauseClock(session.clock, clock.now()));
      return kept(sessionId);
    },

    endSession: ({ sessionId }) => {
      const session = requireSession(sessionId);
      if (session.status === 'active') {
        const before = view(session);
        const answered = store.attemptsOfSession(db, sessionId).length;
        const status = answered >= session.plan.length ? 'finished' : 'ended';
        const discarded = db.transaction(() => close(sessionId, status, clock.now()))();
        live.delete(sessionId);
        if (discarded) {
          return { ...before, status, phase: 'done', current: null, revealed: null, discarded: true } as const;
        }
      }
      return view(requireSession(sessionId));
    },
  } satisfies Partial<Handlers>;
}

/** Answering: the draft as it is typed, the answer, its grade. */
function sessionAnswers({ db, clock, question, view, requireSession, requireActive }: SessionKit) {
  return {
    saveDraft: ({ sessionId, position, text }) => {
      const now = clock.now();
      const session = requireSession(sessionId);
      const asking =
        session.status === 'active' &&
        session.cursor === position &&
        session.clock !== null &&
        !store.attemptsOfSession(db, sessionId).some((a) => a.position === position);
      if (!asking) return { saved: false };
      drafts.saveDraft(db, sessionId, position, { text, savedAt: now, leftMs: remainingMs(session.clock!, now) });
      return { saved: true };
    },

    submitAnswer: ({ sessionId, position, answer, reason }) => {
      const now = clock.now();
      const session = requireActive(sessionId);
      const current = view(session);
      // A second submit of the same question (a click racing the timeout) returns what the first recorded.
      if (current.phase === 'revealed' && current.position === position) return current;
      if (current.phase !== 'asking' || session.cursor !== position || !session.clock) {
        throw new ApiError('conflict', 'That question is no longer on screen; the session has moved on.');
      }
      const q = question(session.plan[position]!);
      const { config, clock: running } = session;
      const allowed = allowedMs(config, q.level);
      recordAnswer(
        db,
        { sessionId, position, config, clock: running, question: q, allowedMs: allowed, answer, reason },
        now,
      );
      return view(requireSession(sessionId));
    },

    gradeAttempt: ({ sessionId, attemptId, grade, namedKeywordIds }) => {
      const now = clock.now();
      requireSession(sessionId);
      const attempt = store.attemptsOfSession(db, sessionId).find((a) => a.id === attemptId);
      if (!attempt) throw new ApiError('not_found', `Answer ${attemptId} is not part of session ${sessionId}.`);
      // Only a spoken answer's grade records keywords (the ones the person ticked).
      const keywords = attempt.mode === 'speak' ? question(attempt.questionId).keywords : [];
      recordGrade(db, attempt, grade, namedKeywordIds, keywords, now);
      return view(requireSession(sessionId));
    },
  } satisfies Partial<Handlers>;
}

export function sessionsApi(ctx: ApiContext) {
  const kit = sessionKit(ctx);
  return { ...sessionReads(kit), ...sessionFlow(kit), ...sessionAnswers(kit) } satisfies Partial<Handlers>;
}
