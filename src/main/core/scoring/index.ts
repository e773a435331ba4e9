import { compileKeyword, type CompiledKeyword } from './forms';
import { findMentions, type Mention } from './match';
import { stem } from './stem';
import { TextIndex } from './text';
import { classifyMentions, type Context } from './verdicts';

/**
 * Keyword scoring: which of a question's keywords (concepts, with aliases and weights) an answer conveys,
 * and why, for each. Pure and synchronous (no I/O); O(n log n) in the answer's length and its mentions.
 * This comment is the spec; the README's "How answers are scored" summarises it.
 *
 * 1. Words. The text is cut into word tokens (runs of letters, digits and marks; `'` inside a word is
 *    kept: `doesn't`). Case, diacritics and apostrophes are ignored (`naïve` = `naive`, `book’s` = `book`).
 *    camelCase is cut too: `UniqueConstraint` → unique, constraint. Single letters joined by `/` or `&`
 *    are one token (`I/O`). Prose words compare by stem (stem.ts): plurals and verb forms (`migrations`,
 *    `caching`, `queries`), British spellings (`optimise`, `serialiser`, `behaviour`), and derivations
 *    that keep the concept (`scales`/`scalability`, `reused`/`reusable`, `indices`/`indexes`,
 *    `invalidation`/`invalidate`, `concurrency`/`concurrent`), never one that changes it
 *    (`serializers` ≠ `serial`, `statement` ≠ `state`, `invalid` ≠ `invalidate`).
 *    A long word also matches the same word written as two (`makemigrations` ↔ "make migrations",
 *    `nonblocking` ↔ "non-blocking", `lifecycle` ↔ "life cycle"), and two keyword words match one.
 * 2. Keywords. A label or alias is cut at spaces:
 *    - a code identifier (`select_related`, `transaction.atomic`, `UniqueConstraint`, `unique=True`, `N+1`)
 *      is its parts, adjacent and in order (the last may be plural), or all of them as one word: so
 *      `UniqueConstraint` is named by "unique constraint" and `select_related` by "select related". Where a
 *      part is a function word (`is_deleted`, `get_or_create`, `on_delete`, `has_perm`) the spoken form is an
 *      everyday phrase ("the row is deleted"), so the parts must be glued (`_ . - / :` or camelCase);
 *    - a call (`ready()`) is named only where the text writes it as code: in backticks or a code block,
 *      followed by `(`, or after a `.` (`AppConfig.ready`), never by the word "ready" in a sentence;
 *    - two or more ALL-CAPS words (`FOR UPDATE`, `ORDER BY`) are an exact ordered phrase, never reduced
 *      to their one common word; one ALL-CAPS word (`ORM`, `CSRF`) is a whole token, or its plural (`ORMs`);
 *    - a phrase in double quotes (`"bottom to top"`) is an exact ordered phrase, every word counted;
 *    - other words: stop-words (a, the, of, to, …) are dropped, and the rest must all appear in ONE
 *      sentence, in any order, within (number of words + 3) tokens: `locking at the row level` names
 *      `row-level locking`; the same words in two sentences do not;
 *    - shared synonyms (synonyms.ts) apply to every deck: `DB index` names `database index`, `XSRF` names
 *      `CSRF`, `git` names `version control`, `n plus one` names `N+1`.
 * 3. Mentions. Overlapping matches go to the longer one (a match spread over a window counts no more than
 *    its own words, so an adjacent `custom manager` beats `custom … queryset`); a keyword found only inside another keyword's
 *    match is cut out of it so that both stay (`per-view cache` → [per-view] [cache]); when two keywords
 *    match exactly the same text, the first in the list keeps it.
 * 4. Verdicts. Each mention is judged in its sentence (a sentence ends at `.` `!` `?` + space, but not
 *    at `...` or `e.g.`, and at a line break, so a list item, a heading and a line of code are sentences):
 *    - echoed: the prompt itself names the keyword, and the sentence adds fewer than 2 words of its own
 *      (words not in the prompt, not function words, not keyword mentions): restating the question,
 *      or pasting it, earns nothing. A keyword the prompt does not name is never echoed;
 *    - negated: a negation governs it: `not`, `never`, `cannot`, `nor`, `neither` or an `n't` word up to 5
 *      tokens before it in the same clause (clauses end at `, ; : ( ) —` and at but/which/that/because/
 *      when/if/so/while/…). Not negations: advice (`never` or `don't` opening a clause, `should not`,
 *      `must not`), `not only`/`not just`, `whether or not`, `no`, and words like avoid/prevent/without:
 *      "avoid N+1 queries" and "without downtime" are positive mentions. A negation does not reach back:
 *      "atomic does not give isolation" names atomic;
 *    - listed: the mention names a term without explaining it: it is in a fenced code block; or its
 *      sentence has fewer words outside keyword mentions than max(2, 2 per keyword it names; a long keyword
 *      phrase needs no more than a short one), or at most 5 such words and none a function word (articles,
 *      pronouns, auxiliaries, prepositions, …); or its sentence is a list (4+ segments cut at `, ; : —`
 *      outside brackets, 60% of them bare terms: at most 6 words, no function word) and the mention's own
 *      segment reads as a term (at most 3 words besides keyword mentions, at most one a function word).
 *      A term the sentence goes on to explain is not listed: "X, which attaches request.user", or a lead-in
 *      "**X**: what it does …" (4+ words after the colon, one a function word). So the keyword labels
 *      joined by commas, one per line, or every label of a deck pasted as one answer are lists, while in
 *      "that makes it the place for cross-cutting concerns: headers, sessions, timing" the first is explained;
 *    - otherwise named (by the label) or alias (by an alias, or through a shared synonym).
 *    A keyword's verdict is its best mention's: named/alias (credit 1) > listed (LISTED_CREDIT, 0.25) >
 *    negated > echoed (0) > missed (0); `evidence` is the first mention with that verdict. A keyword
 *    named positively anywhere counts.
 * 5. Score: Σ weight × credit / Σ weight (0 without keywords or when every weight is 0; negative and
 *    non-finite weights count as 0).
 * 6. Spans (findKeywordSpans): every mention whatever its verdict, sorted, non-overlapping, at most
 *    `maxSpans` (DEFAULT_MAX_SPANS) of them, so highlighting a pasted megabyte stays cheap.
 */

export const SCORER_VERSION = 2;

export type Verdict = 'named' | 'alias' | 'listed' | 'echoed' | 'negated' | 'missed';

export interface ScoringKeyword {
  id: number;
  label: string;
  aliases: string[];
  weight: number;
}

export interface KeywordHit {
  keywordId: number;
  label: string;
  /**
   * named: by its label; alias: by an alias (or a shared synonym); listed: only in a bare list of terms, not
   * explained; echoed: only where the answer repeats the prompt; negated: only in a negated clause; missed.
   */
  verdict: Verdict;
  /** 0..1: named/alias 1, listed LISTED_CREDIT, echoed/negated/missed 0. */
  credit: number;
  /** credit === 1 */
  hit: boolean;
  /** The label or alias found, as the deck wrote it (for listed/echoed/negated too); null when missed. */
  matchedBy: string | null;
  /** Char range in the answer of the deciding mention. */
  evidence: { start: number; end: number } | null;
}

export interface KeywordScore {
  /** Weighted credit share, 0..1. */
  score: number;
  hits: KeywordHit[];
}

/** Where a keyword is named in a text, for highlighting. Sorted by start, non-overlapping. */
export interface KeywordSpan {
  start: number;
  end: number;
  keywordId: number;
}

/** Credit for a keyword that is only listed, never explained. */
export const LISTED_CREDIT = 0.25;
/** findKeywordSpans returns at most this many spans unless told otherwise. */
export const DEFAULT_MAX_SPANS = 2000;

const RANK: Record<Context, number> = { explained: 4, listed: 3, negated: 2, echoed: 1 };

function compileAll(keywords: readonly ScoringKeyword[]): CompiledKeyword[] {
  return keywords.map((k) => compileKeyword(k.label, Array.isArray(k.aliases) ? k.aliases : []));
}

function mentionsIn(text: string, compiled: readonly CompiledKeyword[]): { idx: TextIndex; mentions: Mention[] } {
  const idx = new TextIndex(typeof text === 'string' ? text : '');
  return { idx, mentions: idx.tokens.length === 0 ? [] : findMentions(idx, compiled) };
}

function weightOf(k: ScoringKeyword): number {
  return Number.isFinite(k.weight) && k.weight > 0 ? k.weight : 0;
}

export function scoreAnswer(
  answer: string,
  keywords: readonly ScoringKeyword[],
  options?: { prompt?: string },
): KeywordScore {
  if (keywords.length === 0) return { score: 0, hits: [] };
  const compiled = compileAll(keywords);
  const { idx, mentions } = mentionsIn(answer, compiled);

  let promptNames = new Set<number>();
  let promptStems: Set<string> | null = null;
  const prompt = options?.prompt;
  if (typeof prompt === 'string' && prompt.trim() !== '' && mentions.length > 0) {
    const p = mentionsIn(prompt, compiled);
    promptNames = new Set(p.mentions.map((m) => m.kw));
    promptStems = new Set(p.idx.keys.map(stem));
  }
  const judge = classifyMentions(idx, mentions, promptNames, promptStems);

  // Each keyword's best mention, earliest first; a keyword stops being judged once a mention explains it.
  const best: Array<{ m: Mention; c: Context } | undefined> = keywords.map(() => undefined);
  let open = keywords.length;
  for (const m of mentions) {
    const cur = best[m.kw];
    if (cur?.c === 'explained') continue;
    const c = judge(m);
    if (!cur || RANK[c] > RANK[cur.c]) {
      best[m.kw] = { m, c };
      if (c === 'explained' && --open === 0) break;
    }
  }

  let total = 0;
  let earned = 0;
  const hits = keywords.map((k, i): KeywordHit => {
    const w = weightOf(k);
    total += w;
    const b = best[i];
    if (!b)
      return {
        keywordId: k.id,
        label: k.label,
        verdict: 'missed',
        credit: 0,
        hit: false,
        matchedBy: null,
        evidence: null,
      };
    let verdict: Verdict;
    let credit = 0;
    if (b.c === 'explained') {
      verdict = b.m.form.fromLabel && !b.m.form.synonym ? 'named' : 'alias';
      credit = 1;
    } else if (b.c === 'listed') {
      verdict = 'listed';
      credit = LISTED_CREDIT;
    } else verdict = b.c;
    earned += w * credit;
    return {
      keywordId: k.id,
      label: k.label,
      verdict,
      credit,
      hit: credit === 1,
      matchedBy: b.m.form.text,
      evidence: { start: b.m.start, end: b.m.end },
    };
  });
  return { score: total > 0 ? Math.min(1, earned / total) : 0, hits };
}

export function findKeywordSpans(
  text: string,
  keywords: readonly ScoringKeyword[],
  options?: { maxSpans?: number },
): KeywordSpan[] {
  if (keywords.length === 0 || typeof text !== 'string' || text === '') return [];
  const max = options?.maxSpans ?? DEFAULT_MAX_SPANS;
  const { mentions } = mentionsIn(text, compileAll(keywords));
  const out: KeywordSpan[] = [];
  for (const m of mentions) {
    if (out.length >= max) break;
    out.push({ start: m.start, end: m.end, keywordId: keywords[m.kw]?.id ?? 0 });
  }
  return out;
}
