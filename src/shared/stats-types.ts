import type { SessionSummary } from './session-types';

/** Result types of the Stats calls: numbers computed in main, ready to draw. */

export const STATS_RANGES = ['7d', '30d', '90d', 'all'] as const;
export type StatsRange = (typeof STATS_RANGES)[number];

/** Every stats view takes the same filter. Absent lists mean "all". */
export interface StatsFilter {
  deckIds?: number[];
  levels?: string[];
  range: StatsRange;
}

/** A keyword must have been asked this often before it can be called one of the weakest. */
export const MIN_KEYWORD_ATTEMPTS = 3;
/** The "by keyword" list holds at most this many keywords: the most asked in the window. */
export const KEYWORD_LIST_LIMIT = 200;
export const WEAKEST_LIMIT = 10;
/** Columns of the level × keyword heatmap: the most asked keywords of the window. */
export const HEATMAP_KEYWORDS = 16;
/** A person rates themselves above what they named when self-grade beats keyword score by this much (0..1 scale). */
export const CALIBRATION_GAP = 0.1;

export interface StatsWindowInfo {
  /** YYYY-MM-DD, first day of the window; null for all time. */
  from: string | null;
  to: string;
}

export interface LevelStat {
  level: string;
  attempts: number;
  timedOut: number;
  skipped: number;
  graded: number;
  /** Mean self-grade, 1 (Missed) to 4 (Nailed). */
  meanGrade: number | null;
  scored: number;
  /** Mean keyword score, 0..1, over answers that were typed. */
  meanKeywordScore: number | null;
  /** Share of graded answers graded Good or Nailed, 0..1. */
  goodShare: number | null;
  meanTimeUsedMs: number;
  meanTimeAllowedMs: number;
}

export interface CalibrationRow {
  level: string;
  /** Answers with both a self-grade and a keyword score. */
  attempts: number;
  /** Mean self-grade on a 0..1 scale: (grade − 1) / 3. */
  selfScore: number;
  keywordScore: number;
  /** selfScore − keywordScore: above zero, the person rated themselves higher than what they named. */
  gap: number;
  verdict: 'over' | 'under' | 'matched';
}

export interface LevelStats {
  window: StatsWindowInfo;
  totals: Omit<LevelStat, 'level'>;
  levels: LevelStat[];
  calibration: CalibrationRow[];
}

export interface KeywordStat {
  keywordId: number;
  label: string;
  asked: number;
  hits: number;
  hitRate: number;
  recentAsked: number;
  recentRate: number | null;
  earlierAsked: number;
  earlierRate: number | null;
  /** recentRate − earlierRate; null when either side was never asked. */
  trend: number | null;
}

export interface HeatmapCell {
  level: string;
  keywordId: number;
  asked: number;
  hits: number;
  hitRate: number;
}

export interface KeywordStats {
  window: StatsWindowInfo;
  /** What the trend compares, in words ("last 30 days against before"). */
  trendLabel: string;
  /** Keywords asked in the window; `keywords` holds the most asked of them. */
  totalKeywords: number;
  /** Keywords asked at least `minAttempts` times: the ones that can rank as weak. */
  rankableKeywords: number;
  /** Up to KEYWORD_LIST_LIMIT keywords, most asked first. */
  keywords: KeywordStat[];
  /** Lowest hit rate first, among keywords asked at least `minAttempts` times. */
  weakest: KeywordStat[];
  minAttempts: number;
  heatmap: {
    levels: string[];
    /** Weakest first. */
    keywords: Array<{ keywordId: number; label: string; hitRate: number }>;
    cells: HeatmapCell[];
  };
}

export interface ScorePoint {
  /** The session id, or the first day of the day/week bucket. */
  key: number;
  /** YYYY-MM-DD of the session's start or the bucket's first day. */
  date: string;
  attempts: number;
  /** Mean of (self-grade − 1) / 3 over graded answers, 0..1. */
  gradeScore: number | null;
  /** Mean keyword score, 0..1. */
  keywordScore: number | null;
  /** Moving averages over the last `movingWindow` points. */
  gradeAverage: number | null;
  keywordAverage: number | null;
}

export interface ActivityStats {
  window: StatsWindowInfo;
  calendar: {
    /** First (a Monday, 52 weeks before this week's) and last day drawn; only days in the window are counted. */
    from: string;
    to: string;
    days: Array<{ date: string; attempts: number }>;
  };
  /** Consecutive days with practice up to today (or up to yesterday, while today is still open). */
  streak: number;
  practisedToday: boolean;
  activeDays: number;
  series: {
    granularity: 'session' | 'day' | 'week' | 'fourWeeks';
    movingWindow: number;
    points: ScorePoint[];
  };
}

export const QUESTION_SORTS = [
  'prompt',
  'level',
  'attempts',
  'meanGrade',
  'lastGrade',
  'bestGrade',
  'meanTime',
  'lastPractised',
] as const;
export type QuestionSort = (typeof QUESTION_SORTS)[number];

export interface QuestionStat {
  questionId: number;
  prompt: string;
  deckName: string;
  level: string;
  attempts: number;
  graded: number;
  meanGrade: number | null;
  /** The grade of the latest graded answer. */
  lastGrade: number | null;
  bestGrade: number | null;
  meanTimeMs: number;
  lastPractisedAt: number;
}

export interface QuestionStats {
  total: number;
  items: QuestionStat[];
}

export interface StatsAttempt {
  id: number;
  sessionId: number;
  questionId: number;
  prompt: string;
  deckName: string;
  level: string;
  answeredAt: number;
  outcome: 'answered' | 'timed_out' | 'skipped';
  selfGrade: number | null;
  keywordScore: number | null;
  timeUsedMs: number;
  timeAllowedMs: number;
  /** When opened from a keyword: whether this answer named it. */
  hit: boolean | null;
}

export interface StatsAttempts {
  /** How many answers match (the list holds the latest of them). */
  total: number;
  /** Keyword drill-down: how many of them named the keyword. */
  hits: number | null;
  attempts: StatsAttempt[];
  /** The questions behind these answers, weakest first: what "Practise this" asks. */
  questionIds: number[];
}

export interface HomeStats {
  sessionsThisWeek: number;
  streak: number;
  practisedToday: boolean;
  totalAttempts: number;
  weakestKeywords: KeywordStat[];
  minAttempts: number;
  lastSession: SessionSummary | null;
}
