import { describe, expect, it } from 'vitest';
import type { AttemptView, Grade } from '../../shared/session-types';
import { answerKeywords, isWeak, spokenKeywords, summariseAttempts } from './session-results';

const keywords = [
  { id: 1, label: 'index', aliases: [], weight: 1 },
  { id: 2, label: 'transaction', aliases: [], weight: 3 },
];

/** An answer as Results gets it, with just the fields the arithmetic reads. */
function attempt(
  questionId: number,
  level: string,
  selfGrade: Grade | null,
  keywordScore: number | null,
  hits: Record<number, boolean>,
  outcome: AttemptView['outcome'] = 'answered',
): AttemptView {
  return {
    question: { id: questionId, prompt: '', level, deckName: 'D' },
    selfGrade,
    keywordScore,
    outcome,
    timeUsedMs: 10_000,
    timeAllowedMs: 60_000,
    keywords: Object.entries(hits).map(([id, hit]) => ({
      keywordId: Number(id),
      label: id === '1' ? 'index' : 'transaction',
      hit,
    })),
  } as unknown as AttemptView;
}

describe('an answer against its keywords', () => {
  it('scores a typed answer with the scorer, verdict and credit included', () => {
    const scored = answerKeywords('It takes an index and a transaction.', keywords, 'Why?', {
      speak: false,
      skipped: false,
    });
    expect(scored.score).toBe(1);
    expect(scored.hits.map((h) => [h.keywordId, h.hit, h.verdict])).toEqual([
      [1, true, 'named'],
      [2, true, 'named'],
    ]);
  });

  it('counts a skip as every keyword asked and missed, with no score', () => {
    expect(answerKeywords('', keywords, 'Why?', { speak: false, skipped: true })).toEqual({
      score: null,
      hits: [
        { keywordId: 1, hit: false, verdict: 'missed', credit: 0 },
        { keywordId: 2, hit: false, verdict: 'missed', credit: 0 },
      ],
    });
  });

  it('records nothing for a spoken answer or a question without keywords', () => {
    expect(answerKeywords('index', keywords, 'Why?', { speak: true, skipped: false })).toEqual({
      score: null,
      hits: [],
    });
    expect(answerKeywords('index', [], 'Why?', { speak: false, skipped: false })).toEqual({ score: null, hits: [] });
  });

  it("weighs the keywords a person ticked for a spoken answer, without a scorer's verdict", () => {
    const ticked = spokenKeywords(keywords, [2]);
    expect(ticked?.score).toBe(0.75);
    expect(ticked?.hits).toEqual([
      { keywordId: 1, hit: false, verdict: null, credit: null },
      { keywordId: 2, hit: true, verdict: null, credit: null },
    ]);
    expect(spokenKeywords([], [2])).toBeNull();
  });
});

describe("a session's results", () => {
  it('calls an answer weak when ungraded, graded Missed or Partial, or naming under half its keywords', () => {
    expect(isWeak(attempt(1, 'A', null, 1, {}))).toBe(true);
    expect(isWeak(attempt(1, 'A', 2, 1, {}))).toBe(true);
    expect(isWeak(attempt(1, 'A', 4, 0.4, {}))).toBe(true);
    expect(isWeak(attempt(1, 'A', 3, 0.5, {}))).toBe(false);
    expect(isWeak(attempt(1, 'A', 4, null, {}))).toBe(false);
  });

  it('averages grades and scores overall and per level, and ranks the keywords missed', () => {
    const results = summariseAttempts([
      attempt(1, 'Beginner', 4, 1, { 1: true, 2: true }),
      attempt(2, 'Beginner', 1, 0.25, { 1: true, 2: false }),
      attempt(3, 'Advanced', null, null, { 1: false, 2: false }, 'skipped'),
      // Spoken and not yet ticked: it asked nothing.
      attempt(4, 'Advanced', 3, null, { 1: false }),
    ]);
    expect(results.gradeScore).toBeCloseTo((1 + 0 + 2 / 3) / 3);
    expect(results.keywordScore).toBeCloseTo(0.625);
    expect(results.byLevel).toEqual([
      {
        level: 'Beginner',
        attempts: 2,
        meanGrade: 2.5,
        meanKeywordScore: 0.625,
        timeUsedMs: 20_000,
        timeAllowedMs: 120_000,
      },
      {
        level: 'Advanced',
        attempts: 2,
        meanGrade: 3,
        meanKeywordScore: null,
        timeUsedMs: 20_000,
        timeAllowedMs: 120_000,
      },
    ]);
    expect(results.missedKeywords).toEqual([
      { keywordId: 2, label: 'transaction', missed: 2, asked: 3 },
      { keywordId: 1, label: 'index', missed: 1, asked: 3 },
    ]);
    expect(results.weakQuestionIds).toEqual([2, 3]);
  });

  it('has nothing to average in an empty session', () => {
    expect(summariseAttempts([])).toEqual({
      gradeScore: null,
      keywordScore: null,
      byLevel: [],
      missedKeywords: [],
      weakQuestionIds: [],
    });
  });
});
