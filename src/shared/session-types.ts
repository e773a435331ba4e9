/** Types of timed mock-interview sessions, shared by main and renderer. */

export const SESSION_ORDERS = ['random', 'escalating', 'weakest', 'due'] as const;
export type SessionOrder = (typeof SESSION_ORDERS)[number];

export const GRADES = [
  { value: 1, label: 'Missed' },
  { value: 2, label: 'Partial' },
  { value: 3, label: 'Good' },
  { value: 4, label: 'Nailed' },
] as const;
export type Grade = 1 | 2 | 3 | 4;

export type AttemptOutcome = 'answered' | 'timed_out' | 'skipped';
export type SessionStatus = 'active' | 'finished' | 'ended';

export interface SessionConfig {
  deckIds: number[];
  levels: string[];
  keywordIds: number[];
  /** An explicit list ("Practise these again"); filters are ignored when it is given. */
  questionIds: number[];
  count: number;
  order: SessionOrder;
  /** Seconds per question by level name; levels not listed use defaultSeconds. */
  timePerLevel: Record<string, number>;
  defaultSeconds: number;
  /** Optional cap on the whole session, in minutes. */
  sessionCapMinutes: number | null;
  mode: 'write' | 'speak';
  /** When a question's time runs out: lock the answer and reveal, or let it run over (recorded). */
  onTimeout: 'lock' | 'overtime';
  /** Strict sessions cannot be paused. */
  strict: boolean;
  /** False for a preset: its times do not become the remembered ones. Absent means true. */
  remember?: boolean;
}

export interface SessionQuestion {
  id: number;
  prompt: string;
  level: string;
  deckName: string;
}

/**
 * Why the scorer gave a keyword its credit. named: by its label; alias: by one of its aliases; listed: only
 * in a bare list of terms, not explained (partial credit); echoed: only where the answer repeats the
 * prompt; negated: only in a negated clause ("doesn't support savepoints"); missed: not there.
 */
export const VERDICTS = ['named', 'alias', 'listed', 'echoed', 'negated', 'missed'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface KeywordVerdict {
  keywordId: number;
  label: string;
  aliases: string[];
  weight: number;
  /** Fully named (credit 1): what the weak-keyword stats count. */
  hit: boolean;
  /**
   * The scorer's verdict as stored with the answer. Answers scored before verdicts existed (scorer 1),
   * skipped questions and spoken answers (ticked by the person) read as named or missed.
   */
  verdict: Verdict;
  /** 0..1 share of the keyword's weight earned. */
  credit: number;
  /** The label or alias found in the answer (for listed, echoed and negated too); null when missed. */
  matchedBy: string | null;
  /** Character range in `answer` of the mention that decided the verdict; null when there is none to show. */
  evidence: { start: number; end: number } | null;
}

export interface TextSpan {
  start: number;
  end: number;
  keywordId: number;
}

export interface AttemptView {
  id: number;
  position: number;
  question: SessionQuestion;
  outcome: AttemptOutcome;
  mode: 'write' | 'speak';
  answer: string;
  /** Where the answer names each keyword, for highlighting. */
  answerSpans: TextSpan[];
  modelAnswer: string;
  /** The words in the model answer that name each keyword, for highlighting. */
  modelMentions: Array<{ keywordId: number; text: string }>;
  keywords: KeywordVerdict[];
  /** Share of keyword weight named, 0..1; null when nothing was typed (speak mode, skipped). */
  keywordScore: number | null;
  /** The version of the keyword scorer that scored this answer; null when none did (spoken, skipped). */
  scorerVersion: number | null;
  /** True when an older scorer than today's scored it: its verdicts may differ from a re-score. */
  scoredByOlderScorer: boolean;
  selfGrade: Grade | null;
  timeAllowedMs: number;
  timeUsedMs: number;
  overtimeMs: number;
  pausedMs: number;
  answeredAt: number;
}

export interface SessionView {
  id: number;
  status: SessionStatus;
  config: SessionConfig;
  startedAt: number;
  endedAt: number | null;
  total: number;
  /** Index of the question on screen (or just answered). */
  position: number;
  /** asking: the clock runs; revealed: the answer at `position` is in; done: nothing left. */
  phase: 'asking' | 'revealed' | 'done';
  current: {
    question: SessionQuestion;
    timeAllowedMs: number;
    /** deadline − now on main's clock, at the moment of this answer; frozen while paused. */
    remainingMs: number;
    paused: boolean;
    /** The answer typed so far, as last saved (saveDraft); empty when nothing was typed. */
    draft: string;
  } | null;
  /** The attempt at `position` when phase is revealed. */
  revealed: AttemptView | null;
  answeredCount: number;
  /** Set when the whole-session cap has run out. */
  capReached: boolean;
  /** Set by endSession when the session had no answer: it was removed, and has no results to show. */
  discarded?: true;
}

/** What saveDraft did: false when the question is no longer being asked (answered, skipped, ended). */
export interface DraftSaved {
  saved: boolean;
}

export interface SessionSetup {
  defaults: SessionConfig;
  /** The presets' own seconds per level (Quick 5, Full mock): fixed, whatever a custom session set. */
  presetTimes: Record<string, number>;
  presetDefaultSeconds: number;
  /** The configuration of the last session started, if any. */
  last: SessionConfig | null;
}

export interface SessionPreview {
  matching: number;
  planned: number;
  byLevel: Array<{ level: string; count: number }>;
}

export interface LevelResult {
  level: string;
  attempts: number;
  meanGrade: number | null;
  meanKeywordScore: number | null;
  timeUsedMs: number;
  timeAllowedMs: number;
}

export interface MissedKeyword {
  keywordId: number;
  label: string;
  missed: number;
  asked: number;
}

export interface SessionResults {
  session: Pick<SessionView, 'id' | 'status' | 'config' | 'startedAt' | 'endedAt' | 'total'>;
  attempts: AttemptView[];
  /** 0..1: mean of (self-grade − 1) / 3 over graded attempts; null when nothing was graded. */
  gradeScore: number | null;
  /** 0..1: mean keyword score over typed answers; null when there were none. */
  keywordScore: number | null;
  byLevel: LevelResult[];
  missedKeywords: MissedKeyword[];
  /** For "Practise these again": questions graded Missed or Partial, not graded, or with under half their keywords named. */
  weakQuestionIds: number[];
}

/** What spaced repetition has for today. */
export interface ReviewSummary {
  /** Questions whose review is due now (never-graded ones are not counted). */
  dueCount: number;
  /** The most overdue questions first, at most 50. */
  dueQuestionIds: number[];
  /** When the next review falls due, if nothing is due now. */
  nextDueAt: number | null;
}

export interface SessionSummary {
  id: number;
  status: SessionStatus;
  startedAt: number;
  endedAt: number | null;
  total: number;
  answered: number;
  levels: string[];
  gradeScore: number | null;
  keywordScore: number | null;
}

export interface SessionList {
  total: number;
  items: SessionSummary[];
}

/** Which keyword scorer the history was scored with. */
export interface ScorerStatus {
  /** Today's scorer. */
  scorerVersion: number;
  /** Written answers (answered or timed out) that an older scorer scored: what re-scoring would change. */
  olderAnswers: number;
}

export interface RescoreResult {
  /** Answers re-scored by today's scorer. */
  rescored: number;
  /** Of those, the answers whose keyword score or any keyword's hit changed. */
  changed: number;
  scorerVersion: number;
}
