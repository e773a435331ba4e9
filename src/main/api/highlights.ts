import { findKeywordSpans, type ScoringKeyword } from '../core/scoring';

/** Highlights of one model answer: the words that name each keyword, one entry per keyword and wording. */
export type ModelMentions = Array<{ keywordId: number; text: string }>;

/** A huge imported answer could name keywords tens of thousands of times; the page needs far fewer marks. */
export const MAX_MODEL_SPANS = 2000;
const MAX_ENTRIES = 64;
/** Model answers held at once, in characters: a few megabytes at most, however many questions are revealed. */
const MAX_CHARS = 8_000_000;

interface Entry {
  answer: string;
  keywords: string;
  mentions: ModelMentions;
}

/**
 * Model-answer highlights computed once per question instead of on every reveal. An entry is keyed by
 * question id and checked against the answer text and the keywords it was computed from, so an edit
 * to either (of this question, or of a keyword another question shares) is a miss, never stale.
 * Least recently used entries go first once the cache holds MAX_ENTRIES answers or MAX_CHARS.
 */
export class ModelHighlights {
  private readonly entries = new Map<number, Entry>();
  private chars = 0;

  mentions(questionId: number, answer: string, keywords: readonly ScoringKeyword[]): ModelMentions {
    const key = JSON.stringify(keywords);
    const found = this.entries.get(questionId);
    if (found && found.keywords === key && found.answer === answer) {
      this.entries.delete(questionId);
      this.entries.set(questionId, found);
      return found.mentions;
    }
    const mentions = computeMentions(answer, keywords);
    this.forget(questionId);
    if (answer.length <= MAX_CHARS) {
      this.entries.set(questionId, { answer, keywords: key, mentions });
      this.chars += answer.length;
      for (const [id] of this.entries) {
        if (this.entries.size <= MAX_ENTRIES && this.chars <= MAX_CHARS) break;
        this.forget(id);
      }
    }
    return mentions;
  }

  /** Drops a question's entry (it was edited or deleted); the next reveal computes it afresh. */
  forget(questionId: number): void {
    const entry = this.entries.get(questionId);
    if (!entry) return;
    this.chars -= entry.answer.length;
    this.entries.delete(questionId);
  }

  get size(): number {
    return this.entries.size;
  }
}

function computeMentions(answer: string, keywords: readonly ScoringKeyword[]): ModelMentions {
  const mentions = new Map<string, { keywordId: number; text: string }>();
  for (const span of findKeywordSpans(answer, keywords, { maxSpans: MAX_MODEL_SPANS })) {
    const text = answer.slice(span.start, span.end);
    mentions.set(`${span.keywordId}:${text.toLowerCase()}`, { keywordId: span.keywordId, text });
  }
  return [...mentions.values()];
}
