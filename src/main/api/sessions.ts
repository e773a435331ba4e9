import { ApiError } from '../../shared/api';
import type {
  AttemptView,
  LevelResult,
  MissedKeyword,
  SessionConfig,
  SessionResults,
  SessionView,
  Verdict,
} from '../../shared/session-types';
import type { QuestionDetail } from '../../shared/types';
import { localDay } from '../core/days';
import { attemptStrength, planSession, seededRandom } from '../core/planning';
import { reviewCard } from '../core/scheduling';
import { findKeywordSpans, SCORER_VERSION, scoreAnswer, type ScoringKeyword } from '../core/scoring';
import { pauseClock, remainingMs, resumeClock, settle, startClock, unpauseClock } from '../core/timing';
import * as drafts from '../store/drafts';
import { candidateQuestions, getQuestion } from '../store/questions';
import * as store from '../store/sessions';
import { getSetting, setSetting } from '../store/settings';
import type { ApiContext, Handlers } from './context';
import { MAX_MODEL_SPANS, ModelHighlights } from './highlights';

export const DEFAULT_TIME_PER_LEVEL: Record<string, number> = {
  Beginner: 60,
  Intermediate: 90,
  Advanced: 120,
  Scenario: 180,
};

const LAST_CONFIG = 'session.last';
const PREFERENCES = 'session.preferences';

type Preferences = Pick<SessionConfig, 'timePerLevel' | 'defaultSeconds' | 'mode' | 'onTimeout' | 'strict'>;

export const toScoring = (q: QuestionDetail): ScoringKeyword[] =>
  q.keywords.map((k) => ({ id: k.id, label: k.label, aliases: k.aliases, weight: k.weight }));

/** What the live view and the results both say about a session itself. */
function header(session: store.SessionRow): SessionResults['session'] {
  const { id, status, config, startedAt, endedAt } = session;
  return { id, status, config, startedAt, endedAt, total: session.plan.length };
}

/** Below this share of keywords named, an answer is worth practising again whatever its grade. */
export const LOW_KEYWORD_SCORE = 0.5;

/** Worth practising again: graded Missed or Partial, not graded at all, or naming few of its keywords. */
const isWeak = (a: AttemptView): boolean =>
  a.selfGrade === null || a.selfGrade <= 2 || (a.keywordScore !== null && a.keywordScore < LOW_KEYWORD_SCORE);

export function sessionsApi({ db, clock }: ApiContext) {
  /**
   * Sessions whose clock this run of the app has kept. Any other active session was interrupted (the
   * app closed or crashed): resuming it must not count the time away, nor give back more than it had.
   */
  const live = new Set<number>();

  const question = (id: number): QuestionDetail => {
    const found = getQuestion(db, id, { includeDeleted: true });
    if (!found) throw new ApiError('not_found', `Question ${id} no longer exists.`);
    return found;
  };

  const allowedMs = (config: SessionConfig, level: string): number =>
    (config.timePerLevel[level] ?? config.defaultSeconds) * 1000;

  /**
   * The cap counts answering time (the time used of each question), not the clock on the wall, so
   * reading model answers, pauses, and an app that was closed mid-session do not eat into it.
   */
  const capLeftMs = (session: store.SessionRow): number | null =>
    session.config.sessionCapMinutes === null
      ? null
      : session.config.sessionCapMinutes * 60_000 - store.sessionTimeUsedMs(db, session.id);

  const capDeadlineFrom = (start: number, left: number | null): number | null =>
    left === null ? null : start + Math.max(0, left);

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

  const highlights = new ModelHighlights();

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
      keywords: q.keywords.map((k) => {
        const stored = row.keywords.get(k.id);
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
      }),
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
    const capLeft = capLeftMs(session);
    const base = {
      ...header(session),
      position: session.cursor,
      answeredCount: attempts.length,
      capReached: capLeft !== null && capLeft <= 0,
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

  function startQuestionAt(session: store.SessionRow, cursor: number, now: number): void {
    const q = question(session.plan[cursor]!);
    store.setCursorAndClock(
      db,
      session.id,
      cursor,
      startClock(now, allowedMs(session.config, q.level), capDeadlineFrom(now, capLeftMs(session))),
    );
  }

  /** Ends a session; one without any answer is removed instead, so History never lists an empty session. */
  function close(id: number, status: 'finished' | 'ended', now: number): boolean {
    drafts.deleteDrafts(db, id);
    if (store.deleteEmptySession(db, id)) return true;
    store.closeSession(db, id, status, now);
    return false;
  }

  function candidates(config: SessionConfig) {
    return candidateQuestions(
      db,
      config.questionIds.length > 0
        ? { questionIds: config.questionIds }
        : { deckIds: config.deckIds, levels: config.levels, keywordIds: config.keywordIds },
    );
  }

  function preferences(): Preferences {
    const saved = getSetting<Partial<Preferences>>(db, PREFERENCES) ?? {};
    return {
      timePerLevel: { ...DEFAULT_TIME_PER_LEVEL, ...saved.timePerLevel },
      defaultSeconds: saved.defaultSeconds ?? 120,
      mode: saved.mode ?? 'write',
      onTimeout: saved.onTimeout ?? 'lock',
      strict: saved.strict ?? false,
    };
  }

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
        ...preferences(),
      },
      last: getSetting<SessionConfig>(db, LAST_CONFIG),
      presetTimes: DEFAULT_TIME_PER_LEVEL,
      presetDefaultSeconds: 120,
    }),

    previewSession: (config) => {
      const found = candidates(config);
      const byLevel = new Map<string, { level: string; count: number; rank: number }>();
      for (const c of found) {
        const entry = byLevel.get(c.level) ?? { level: c.level, count: 0, rank: c.levelRank };
        entry.count++;
        byLevel.set(c.level, entry);
      }
      return {
        matching: found.length,
        planned: Math.min(found.length, config.count),
        byLevel: [...byLevel.values()].sort((a, b) => a.rank - b.rank).map(({ level, count }) => ({ level, count })),
      };
    },

    startSession: (config) => {
      const now = clock.now();
      const found = candidates(config);
      if (found.length === 0) {
        throw new ApiError(
          'invalid_input',
          'No question matches these choices. Choose more decks, levels or keywords, or clear the keyword filter.',
        );
      }
      const ids = found.map((c) => c.id);
      const last = store.lastAttemptOf(db, ids);
      const due = store.dueDates(db, ids);
      const plan = planSession(
        found.map((c) => {
          const a = last.get(c.id);
          return {
            ...c,
            strength: a ? attemptStrength(a.selfGrade, a.keywordScore, a.outcome) : null,
            due: due.get(c.id) ?? null,
          };
        }),
        config.order,
        config.count,
        seededRandom(now ^ Math.floor(Math.random() * 0x7fffffff)),
        now,
      );
      const id = db.transaction(() => {
        // One interview at a time: starting a new one ends any that was left open.
        const open = store.activeSessionId(db);
        if (open !== null) close(open, 'ended', now);
        const first = question(plan[0]!);
        const capAt = capDeadlineFrom(
          now,
          config.sessionCapMinutes === null ? null : config.sessionCapMinutes * 60_000,
        );
        const sessionId = store.insertSession(
          db,
          config,
          plan,
          startClock(now, allowedMs(config, first.level), capAt),
          now,
        );
        const { remember, ...kept } = config;
        if (remember) {
          if (config.questionIds.length === 0) setSetting(db, LAST_CONFIG, kept);
          const { timePerLevel, defaultSeconds, mode, onTimeout, strict } = config;
          setSetting(db, PREFERENCES, { timePerLevel, defaultSeconds, mode, onTimeout, strict });
        }
        return sessionId;
      })();
      live.add(id);
      return view(requireSession(id));
    },

    getActiveSession: () => {
      const id = store.activeSessionId(db);
      return id === null ? null : view(requireSession(id));
    },

    getSession: ({ sessionId }) => view(requireSession(sessionId)),

    resumeSession: ({ sessionId }) => {
      const session = requireActive(sessionId);
      const current = view(session);
      if (current.phase === 'asking' && session.clock && !live.has(sessionId)) {
        const { clock: c } = session;
        // Without a draft, the last saved moment is the question's start: its whole budget, no more.
        const left = drafts.getDraft(db, sessionId, session.cursor)?.leftMs ?? c.deadline - c.startedAt - c.pausedMs;
        store.setCursorAndClock(db, sessionId, session.cursor, resumeClock(c, left, clock.now()));
      }
      live.add(sessionId);
      return view(requireSession(sessionId));
    },

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
      const allowed = allowedMs(session.config, q.level);
      const settled = settle(session.clock, now, reason, allowed, session.config.onTimeout);
      const speak = session.config.mode === 'speak';
      const text = speak ? '' : answer;
      const skipped = settled.outcome === 'skipped';
      // A question with no keywords has nothing to score against: its answer's keyword score is null (not scored),
      // not a 0% that would pull the charts down.
      const scorable = q.keywords.length > 0;
      const scored = !speak && !skipped && scorable ? scoreAnswer(text, toScoring(q), { prompt: q.prompt }) : null;
      // A skip names nothing: each keyword counts as asked and missed, so skipping cannot hide a weak one.
      const hits: store.AttemptKeyword[] = scored
        ? scored.hits.map(({ keywordId, hit, verdict, credit }) => ({ keywordId, hit, verdict, credit }))
        : skipped
          ? q.keywords.map((k) => ({ keywordId: k.id, hit: false, verdict: 'missed', credit: 0 }))
          : [];
      db.transaction(() => {
        store.insertAttempt(db, {
          sessionId,
          questionId: q.id,
          deckId: q.deckId,
          level: q.level,
          position,
          startedAt: session.clock!.startedAt,
          deadline: session.clock!.deadline,
          answeredAt: now,
          day: localDay(now),
          timeAllowedMs: allowed,
          timeUsedMs: settled.timeUsedMs,
          pausedMs: settled.pausedMs,
          overtimeMs: settled.overtimeMs,
          outcome: settled.outcome,
          mode: session.config.mode,
          answer: text,
          keywordScore: scored?.score ?? null,
          scorerVersion: scored ? SCORER_VERSION : null,
          hits,
        });
        drafts.deleteDrafts(db, sessionId, position);
        store.setCursorAndClock(db, sessionId, position, null);
      })();
      return view(requireSession(sessionId));
    },

    gradeAttempt: ({ sessionId, attemptId, grade, namedKeywordIds }) => {
      const now = clock.now();
      requireSession(sessionId);
      const attempt = store.attemptsOfSession(db, sessionId).find((a) => a.id === attemptId);
      if (!attempt) throw new ApiError('not_found', `Answer ${attemptId} is not part of session ${sessionId}.`);
      db.transaction(() => {
        store.setGrade(db, attemptId, grade, now);
        // A first grade, later than the stored card's last review, moves the stored card on by one review (a
        // replay of every grade would cost more with each). A changed grade is replayed from the question's
        // grades, so it replaces its review instead of adding a second one.
        const stored = attempt.selfGrade === null ? store.reviewStateOf(db, attempt.questionId) : undefined;
        let review = { card: null as string | null, due: now };
        if (stored !== undefined && (stored === null || stored.updatedAt < now))
          review = reviewCard(stored?.card ?? null, grade, now);
        else
          for (const g of store.gradesOfQuestion(db, attempt.questionId))
            review = reviewCard(review.card, g.grade, g.gradedAt);
        store.upsertReviewState(db, attempt.questionId, review.card!, review.due, now);
        const keywords = question(attempt.questionId).keywords;
        if (attempt.mode === 'speak' && namedKeywordIds && keywords.length > 0) {
          const named = new Set(namedKeywordIds);
          const total = keywords.reduce((sum, k) => sum + k.weight, 0);
          const hit = keywords.filter((k) => named.has(k.id)).reduce((sum, k) => sum + k.weight, 0);
          store.setSpokenKeywords(
            db,
            attemptId,
            // Ticked by the person, not decided by a scorer: no verdict or credit is stored.
            keywords.map((k) => ({ keywordId: k.id, hit: named.has(k.id), verdict: null, credit: null })),
            hit / total,
          );
        }
      })();
      return view(requireSession(sessionId));
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
      live.add(sessionId);
      return view(requireSession(sessionId));
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
      live.add(sessionId);
      return view(requireSession(sessionId));
    },

    unpauseSession: ({ sessionId }) => {
      const session = requireActive(sessionId);
      if (session.clock)
        store.setCursorAndClock(db, sessionId, session.cursor, unpauseClock(session.clock, clock.now()));
      live.add(sessionId);
      return view(requireSession(sessionId));
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

    getSessionResults: ({ sessionId }): SessionResults => {
      const session = requireSession(sessionId);
      const attempts = store.attemptsOfSession(db, sessionId).map(attemptView);
      const mean = (values: number[]): number | null =>
        values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
      const grades = (list: AttemptView[]) => list.flatMap((a) => (a.selfGrade === null ? [] : [a.selfGrade]));
      const scores = (list: AttemptView[]) => list.flatMap((a) => (a.keywordScore === null ? [] : [a.keywordScore]));

      const levels = new Map<string, AttemptView[]>();
      for (const a of attempts) levels.set(a.question.level, [...(levels.get(a.question.level) ?? []), a]);
      const byLevel: LevelResult[] = [...levels].map(([level, list]) => ({
        level,
        attempts: list.length,
        meanGrade: mean(grades(list)),
        meanKeywordScore: mean(scores(list)),
        timeUsedMs: list.reduce((s, a) => s + a.timeUsedMs, 0),
        timeAllowedMs: list.reduce((s, a) => s + a.timeAllowedMs, 0),
      }));

      const missed = new Map<number, MissedKeyword>();
      for (const a of attempts) {
        if (a.keywordScore === null && a.outcome !== 'skipped') continue;
        for (const k of a.keywords) {
          const entry = missed.get(k.keywordId) ?? { keywordId: k.keywordId, label: k.label, missed: 0, asked: 0 };
          entry.asked++;
          if (!k.hit) entry.missed++;
          missed.set(k.keywordId, entry);
        }
      }
      return {
        session: header(session),
        attempts,
        gradeScore: mean(grades(attempts).map((g) => (g - 1) / 3)),
        keywordScore: mean(scores(attempts)),
        byLevel,
        missedKeywords: [...missed.values()]
          .filter((m) => m.missed > 0)
          .sort((a, b) => b.missed - a.missed || a.label.localeCompare(b.label))
          .slice(0, 10),
        weakQuestionIds: attempts.filter(isWeak).map((a) => a.question.id),
      };
    },

    listSessions: ({ offset, limit }) => store.listSessionRows(db, offset, limit),

    getReviewSummary: () => {
      const queue = store.reviewQueue(db, clock.now(), 50);
      return { dueCount: queue.due, dueQuestionIds: queue.ids, nextDueAt: queue.nextDueAt };
    },
  } satisfies Partial<Handlers>;
}
