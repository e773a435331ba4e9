/**
 * The arithmetic of an answer's keywords and of a session's results: data in, data out, so each rule can be
 * tested without a store.
 */
import type { AttemptView, LevelResult, MissedKeyword, SessionResults, Verdict } from '../../shared/session-types';
import { scoreAnswer, type ScoringKeyword } from './scoring';

/** One keyword of an answer as it is stored: fully named or not, and (when a scorer decided it) why and for how much. */
export interface KeywordOutcome {
  keywordId: number;
  hit: boolean;
  verdict: Verdict | null;
  credit: number | null;
}

/** Below this share of keywords named, an answer is worth practising again whatever its grade. */
export const LOW_KEYWORD_SCORE = 0.5;

/** Worth practising again: graded Missed or Partial, not graded at all, or naming few of its keywords. */
export const isWeak = (a: AttemptView): boolean =>
  a.selfGrade === null || a.selfGrade <= 2 || (a.keywordScore !== null && a.keywordScore < LOW_KEYWORD_SCORE);

/**
 * What a submitted answer records against its keywords: the scorer's verdicts for a typed answer; for a skip,
 * each keyword asked and missed (so skipping cannot hide a weak one); nothing for a spoken answer (ticked
 * after the reveal) or a question without keywords (a null score, not a 0% that would pull the charts down).
 */
export function answerKeywords(
  text: string,
  keywords: readonly ScoringKeyword[],
  prompt: string,
  how: { speak: boolean; skipped: boolean },
): { score: number | null; hits: KeywordOutcome[] } {
  if (!how.speak && !how.skipped && keywords.length > 0) {
    const scored = scoreAnswer(text, keywords, { prompt });
    return {
      score: scored.score,
      hits: scored.hits.map(({ keywordId, hit, verdict, credit }) => ({ keywordId, hit, verdict, credit })),
    };
  }
  const hits: KeywordOutcome[] = how.skipped
    ? keywords.map((k) => ({ keywordId: k.id, hit: false, verdict: 'missed', credit: 0 }))
    : [];
  return { score: null, hits };
}

/**
 * A spoken answer's keywords as the person ticked them: no verdict or credit (no scorer decided them), and
 * the ticked share of the keywords' weight as its score. Null for a question without keywords.
 */
export function spokenKeywords(
  keywords: ReadonlyArray<{ id: number; weight: number }>,
  namedIds: readonly number[],
): { score: number; hits: KeywordOutcome[] } | null {
  if (keywords.length === 0) return null;
  const named = new Set(namedIds);
  const total = keywords.reduce((sum, k) => sum + k.weight, 0);
  const hit = keywords.filter((k) => named.has(k.id)).reduce((sum, k) => sum + k.weight, 0);
  return {
    score: hit / total,
    hits: keywords.map((k) => ({ keywordId: k.id, hit: named.has(k.id), verdict: null, credit: null })),
  };
}

const mean = (values: number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
const grades = (list: AttemptView[]): number[] => list.flatMap((a) => (a.selfGrade === null ? [] : [a.selfGrade]));
const scores = (list: AttemptView[]): number[] =>
  list.flatMap((a) => (a.keywordScore === null ? [] : [a.keywordScore]));

function byLevel(attempts: AttemptView[]): LevelResult[] {
  const levels = new Map<string, AttemptView[]>();
  for (const a of attempts) {
    const list = levels.get(a.question.level);
    if (list) list.push(a);
    else levels.set(a.question.level, [a]);
  }
  return [...levels].map(([level, list]) => ({
    level,
    attempts: list.length,
    meanGrade: mean(grades(list)),
    meanKeywordScore: mean(scores(list)),
    timeUsedMs: list.reduce((s, a) => s + a.timeUsedMs, 0),
    timeAllowedMs: list.reduce((s, a) => s + a.timeAllowedMs, 0),
  }));
}

/** The ten keywords missed most often (ties by label); an unscored answer (spoken, not yet ticked) asks nothing. */
function missedKeywords(attempts: AttemptView[]): MissedKeyword[] {
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
  return [...missed.values()]
    .filter((m) => m.missed > 0)
    .sort((a, b) => b.missed - a.missed || a.label.localeCompare(b.label))
    .slice(0, 10);
}

/** A session's results from its answers: grades rescaled to 0..1, the keyword score, per level, what was missed. */
export function summariseAttempts(attempts: AttemptView[]): Omit<SessionResults, 'session' | 'attempts'> {
  return {
    gradeScore: mean(grades(attempts).map((g) => (g - 1) / 3)),
    keywordScore: mean(scores(attempts)),
    byLevel: byLevel(attempts),
    missedKeywords: missedKeywords(attempts),
    weakQuestionIds: attempts.filter(isWeak).map((a) => a.question.id),
  };
}
