import { stemmer } from 'stemmer';

/**
 * Keyword scoring: which of a question's keywords an answer names, and where.
 *
 * Pure and synchronous (no I/O). `scoreAnswer` and `findKeywordSpans` share one matcher, so a
 * keyword is hit by `scoreAnswer` exactly when `findKeywordSpans` returns a span for it.
 *
 * Matching rules (we score words, not meaning):
 * - Text is split into word tokens: runs of Unicode letters/digits (`\p{L}\p{N}\p{M}`). Everything else —
 *   spaces, `.`, `_`, `=`, `()`, backticks, quotes, `’ “ ”`, `- – —` — separates tokens. So
 *   `transaction.atomic()` → [transaction, atomic] and `select_related` → [select, related], which
 *   is also what the spoken form `select related` gives. Comparison is case-insensitive and folds
 *   diacritics (`naïve` = `naive`). An apostrophe inside a word is dropped, a possessive `'s` too
 *   (`book’s` → book). Single letters joined by `/` or `&` form one token: `I/O` = `IO`, `A/B` = `AB`.
 * - A keyword (label or alias) is cut at whitespace into chunks. A code-like chunk — parts joined by
 *   `.` `_` `=` `::` `->`, any `_`, a `()` or camelCase (`transaction.atomic`,
 *   `unique=True`, `USE_TZ`, `post_save`, `ready()`) — must appear as exactly those tokens, adjacent
 *   and in order, with no stemming: `atom` / `transaction atomically` do not name `transaction.atomic`,
 *   `uniqueness=True` does not name `unique=True`, but `unique = True` and `select related` do.
 * - Other words are compared by Porter stem (`migrations` = `migration`, `caching`/`cached` = `cache`,
 *   `serializer` = `serializers`). All-caps words of 2+ characters (`CSRF`, `ORM`, `XSS`, `ASGI`,
 *   `I/O`) are acronyms: whole token, optionally with a plural `s` (`ORMs`), never stemmed or part of a
 *   longer word (`normal` does not name `ORM`, `WSGI` does not name `ASGI`).
 * - Stop-words (a, an, the, of, to, and, or, in, on, at, for, by, with, vs, versus, is, are, be, as)
 *   are dropped from prose chunks unless nothing else is left.
 * - A keyword with one part (one word or one code chunk) is named where that part appears. A keyword
 *   with several parts is named where all of them appear, in any order, inside a window of
 *   (number of keyword tokens + 3) text tokens: `locking at the row level` names `row-level locking`;
 *   the same words spread over a paragraph do not.
 * - A single word never matches half of a compound: `makemigrations` is one token, so `migrate` and
 *   `make migrations` do not name it (add an alias if a deck wants that).
 *
 * Spans: a match covers the text from its first to its last matched token (plus a directly following
 * `()`). Overlapping matches are resolved by preferring the longer one; when a keyword's every match lies
 * inside another keyword's span, that span is split around it so that both keywords stay highlighted
 * (e.g. `per-view cache` with keywords `per-view cache` and `cache` → [per-view] [cache]). Only when that
 * split would leave another keyword with no span at all (two keywords matching exactly the same text) does
 * the first one in the list keep the text and the other count as missed.
 */

export interface ScoringKeyword {
  id: number;
  label: string;
  aliases: string[];
  weight: number;
}

/** Version of these rules; stored with every scored answer so an older score can be told apart. */
export const SCORER_VERSION = 2;

/**
 * Why a keyword got its credit. This matcher only knows named / alias / missed; `listed`, `echoed`
 * and `negated` belong to the rewritten scorer, whose interface this file already exports.
 */
export type Verdict = 'named' | 'alias' | 'listed' | 'echoed' | 'negated' | 'missed';

export interface KeywordHit {
  keywordId: number;
  label: string;
  verdict: Verdict;
  /** 0..1 share of the keyword's weight earned. */
  credit: number;
  /** credit === 1. */
  hit: boolean;
  /** The label or alias that was found, as written in the keyword list; null when missed. */
  matchedBy: string | null;
  /** Character range in the answer of the deciding mention; null when missed. */
  evidence: { start: number; end: number } | null;
}

export interface KeywordScore {
  /** 0..1, weighted share of keywords named, 0 when there are no keywords (or all weights are 0). */
  score: number;
  hits: KeywordHit[];
}

/** Character ranges in `text` where each keyword (label or alias) is named, for highlighting. Sorted by start, non-overlapping (prefer the longer match). */
export interface KeywordSpan {
  start: number;
  end: number;
  keywordId: number;
}

export function scoreAnswer(
  answer: string,
  keywords: readonly ScoringKeyword[],
  // The prompt is what the rewritten scorer uses to spot an echoed keyword; this matcher ignores it.
  _options?: { prompt?: string },
): KeywordScore {
  const spans = matchSpans(answer, keywords);
  // Spans are sorted by start, so the first span seen for a keyword is its earliest mention.
  const first = new Map<number, Span>();
  for (const s of spans) if (!first.has(s.kw)) first.set(s.kw, s);

  let total = 0;
  let named = 0;
  const hits = keywords.map((k, i): KeywordHit => {
    const w = Number.isFinite(k.weight) && k.weight > 0 ? k.weight : 0;
    const span = first.get(i);
    const matchedBy = span?.form ?? null;
    const hit = matchedBy !== null;
    total += w;
    if (hit) named += w;
    const verdict: Verdict = !hit ? 'missed' : matchedBy === k.label ? 'named' : 'alias';
    const evidence = span ? { start: span.start, end: span.end } : null;
    return { keywordId: k.id, label: k.label, verdict, credit: hit ? 1 : 0, hit, matchedBy, evidence };
  });
  return { score: total > 0 ? Math.min(1, named / total) : 0, hits };
}

export function findKeywordSpans(
  text: string,
  keywords: readonly ScoringKeyword[],
  options?: { maxSpans?: number },
): KeywordSpan[] {
  const spans = matchSpans(text, keywords);
  const max = options?.maxSpans ?? Infinity;
  return (spans.length > max ? spans.slice(0, max) : spans).map((s) => ({
    start: s.start,
    end: s.end,
    keywordId: s.keywordId,
  }));
}

// ---------------------------------------------------------------------------------------------
// Tokens

interface Token {
  start: number;
  end: number;
  /** The token as written (for merged initials like `I/O`, including the `/`). */
  raw: string;
  /** Lower-cased, diacritics folded, apostrophes removed. */
  key: string;
  /** A single letter, or single letters joined by `/` or `&`. */
  initials: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;
const SINGLE_LETTER = /^\p{L}$/u;
const NON_ASCII = /[^ -~]/;
const MARKS = /\p{M}/gu;

function normalizeKey(raw: string): string {
  let s = raw;
  if (NON_ASCII.test(s)) s = s.normalize('NFKD').replace(MARKS, '').replace(/’/g, "'");
  s = s.toLowerCase();
  if (s.includes("'")) s = (s.endsWith("'s") ? s.slice(0, -2) : s).replace(/'/g, '');
  return s;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    const key = normalizeKey(raw);
    if (key === '') continue;
    const single = SINGLE_LETTER.test(raw);
    const prev = out[out.length - 1];
    if (single && prev?.initials && start - prev.end === 1) {
      const sep = text[prev.end];
      if (sep === '/' || sep === '&') {
        prev.end = end;
        prev.raw = text.slice(prev.start, end);
        prev.key += key;
        continue;
      }
    }
    out.push({ start, end, raw, key, initials: single });
  }
  return out;
}

const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 10_000;

function stem(key: string): string {
  let s = stemCache.get(key);
  if (s === undefined) {
    s = stemmer(key);
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    stemCache.set(key, s);
  }
  return s;
}

/** The answer's tokens with lookup tables, built once per call. */
class TextIndex {
  readonly tokens: Token[];
  private readonly byKey = new Map<string, number[]>();
  private byStem: Map<string, number[]> | null = null;

  constructor(text: string) {
    this.tokens = tokenize(text);
    this.tokens.forEach((t, i) => push(this.byKey, t.key, i));
  }

  keyAt(key: string): readonly number[] {
    return this.byKey.get(key) ?? NONE;
  }

  stemAt(s: string): readonly number[] {
    if (this.byStem === null) {
      this.byStem = new Map();
      for (const [key, positions] of this.byKey) {
        const st = stem(key);
        const list = this.byStem.get(st);
        this.byStem.set(st, list ? list.concat(positions) : positions.slice());
      }
      for (const list of this.byStem.values()) list.sort((a, b) => a - b);
    }
    return this.byStem.get(s) ?? NONE;
  }
}

const NONE: readonly number[] = [];

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// ---------------------------------------------------------------------------------------------
// Keyword forms

type Group =
  /** Code chunk: these exact keys, adjacent and in order. */
  | { mode: 'literal'; keys: string[] }
  /** All-caps word: this key or key + "s". */
  | { mode: 'acronym'; key: string }
  /** Prose word: same Porter stem. */
  | { mode: 'stem'; stem: string };

interface Form {
  text: string;
  groups: Group[];
  /** Text tokens the groups cover when adjacent. */
  size: number;
  /** Max tokens from the first to the last matched token. */
  window: number;
}

const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'to',
  'and',
  'or',
  'in',
  'on',
  'at',
  'for',
  'by',
  'with',
  'vs',
  'versus',
  'is',
  'are',
  'be',
  'as',
]);
const CODE_CHUNK = /[\p{L}\p{N}](?:[._=]+|::|->)[\p{L}\p{N}]|\(\)|_|\p{Ll}\p{Lu}/u;
const ACRONYM = /^(?=.*\p{Lu})[\p{Lu}\p{N}]{2,}$/u;
const NOT_WORD = /[^\p{L}\p{N}]/gu;
const WINDOW_SLACK = 3;

function groupLength(g: Group): number {
  return g.mode === 'literal' ? g.keys.length : 1;
}

function compileForm(text: string): Form | null {
  const groups: Group[] = [];
  const stops: Group[] = [];
  for (const chunk of text.split(/\s+/)) {
    const tokens = tokenize(chunk);
    if (tokens.length === 0) continue;
    if (CODE_CHUNK.test(chunk)) {
      groups.push({ mode: 'literal', keys: tokens.map((t) => t.key) });
      continue;
    }
    for (const t of tokens) {
      const g: Group = ACRONYM.test(t.raw.replace(NOT_WORD, ''))
        ? { mode: 'acronym', key: t.key }
        : { mode: 'stem', stem: stem(t.key) };
      (STOP_WORDS.has(t.key) ? stops : groups).push(g);
    }
  }
  const used = groups.length > 0 ? groups : stops;
  if (used.length === 0) return null;
  const size = used.reduce((n, g) => n + groupLength(g), 0);
  return { text, groups: used, size, window: used.length === 1 ? size : size + WINDOW_SLACK };
}

interface CompiledKeyword {
  forms: Form[];
}

function compileKeyword(k: ScoringKeyword): CompiledKeyword {
  const forms: Form[] = [];
  const seen = new Set<string>();
  for (const text of [k.label, ...k.aliases]) {
    if (typeof text !== 'string') continue;
    const norm = text.trim().toLowerCase();
    if (norm === '' || seen.has(norm)) continue;
    seen.add(norm);
    const form = compileForm(text);
    if (form) forms.push(form);
  }
  return { forms };
}

// ---------------------------------------------------------------------------------------------
// Matching

/** Start positions (token indexes) where a group occurs, ascending. */
function occurrences(g: Group, idx: TextIndex): readonly number[] {
  switch (g.mode) {
    case 'stem':
      return idx.stemAt(g.stem);
    case 'acronym': {
      const a = idx.keyAt(g.key);
      const b = idx.keyAt(g.key + 's');
      if (b.length === 0) return a;
      if (a.length === 0) return b;
      return [...a, ...b].sort((x, y) => x - y);
    }
    case 'literal': {
      const [first, ...rest] = g.keys;
      if (first === undefined) return NONE;
      const starts = idx.keyAt(first);
      if (rest.length === 0) return starts;
      const tokens = idx.tokens;
      return starts.filter((p) => rest.every((key, i) => tokens[p + 1 + i]?.key === key));
    }
  }
}

/** Token ranges [first, last] where a form is named; minimal (no range contains another). */
function formRanges(form: Form, idx: TextIndex): Array<[number, number]> {
  const occ: Array<readonly number[]> = [];
  for (const g of form.groups) {
    const o = occurrences(g, idx);
    if (o.length === 0) return [];
    occ.push(o);
  }
  const lens = form.groups.map(groupLength);
  if (form.groups.length === 1) {
    const len = lens[0] ?? 1;
    return (occ[0] ?? NONE).map((p): [number, number] => [p, p + len - 1]);
  }

  const ranges: Array<[number, number]> = [];
  occ.forEach((positions, gi) => {
    const len = lens[gi] ?? 1;
    for (const p of positions) {
      const limit = p + form.window - 1;
      const used: Array<[number, number]> = [[p, p + len - 1]];
      let last = p + len - 1;
      let ok = true;
      for (let gj = 0; gj < occ.length && ok; gj++) {
        if (gj === gi) continue;
        const lj = lens[gj] ?? 1;
        ok = false;
        const list = occ[gj] ?? NONE;
        for (let k = lowerBound(list, p); k < list.length; k++) {
          const q = list[k] ?? 0;
          const qe = q + lj - 1;
          if (qe > limit) break;
          if (used.some(([a, b]) => q <= b && qe >= a)) continue;
          used.push([q, qe]);
          if (qe > last) last = qe;
          ok = true;
          break;
        }
      }
      if (ok) ranges.push([p, last]);
    }
  });
  // Keep minimal ranges: drop any range that contains (or repeats) a range starting at or after it.
  ranges.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const minimal: Array<[number, number]> = [];
  let minEnd = Infinity;
  for (let i = ranges.length - 1; i >= 0; i--) {
    const r = ranges[i];
    if (!r || r[1] >= minEnd) continue;
    minEnd = r[1];
    minimal.push(r);
  }
  return minimal.reverse();
}

/** First index in ascending `list` whose value is >= `value`. */
function lowerBound(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Span {
  start: number;
  end: number;
  kw: number;
  keywordId: number;
  form: string;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

const WORD_EDGES = /[\p{L}\p{N}\p{M}](?:[\s\S]*[\p{L}\p{N}\p{M}])?/u;

/** `s` with the range of `c` cut out, each remaining piece trimmed to start and end on a letter or digit. */
function carve(s: Span, c: Span, text: string): Span[] {
  const pieces: Span[] = [];
  for (const [start, end] of [
    [s.start, Math.min(s.end, c.start)],
    [Math.max(s.start, c.end), s.end],
  ] as const) {
    if (end <= start) continue;
    const m = WORD_EDGES.exec(text.slice(start, end));
    if (m) pieces.push({ ...s, start: start + m.index, end: start + m.index + m[0].length });
  }
  return pieces;
}

function matchSpans(text: string, keywords: readonly ScoringKeyword[]): Span[] {
  if (keywords.length === 0 || typeof text !== 'string' || text === '') return [];
  const idx = new TextIndex(text);
  if (idx.tokens.length === 0) return [];
  const tokens = idx.tokens;

  const candidates: Span[] = [];
  const byKeyword: Span[][] = keywords.map(() => []);
  keywords.forEach((k, kw) => {
    for (const form of compileKeyword(k).forms) {
      for (const [a, b] of formRanges(form, idx)) {
        const first = tokens[a];
        const last = tokens[b];
        if (!first || !last) continue;
        const end = text.startsWith('()', last.end) ? last.end + 2 : last.end;
        const span: Span = { start: first.start, end, kw, keywordId: k.id, form: form.text };
        candidates.push(span);
        byKeyword[kw]?.push(span);
      }
    }
  });
  if (candidates.length === 0) return [];

  // Pass 1: longest first, keep what does not overlap.
  candidates.sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start || x.kw - y.kw);
  let accepted: Span[] = [];
  for (const c of candidates) if (!accepted.some((s) => overlaps(s, c))) accepted.push(c);

  // Pass 2: a keyword whose every match sits inside other keywords' spans is still named; cut its
  // match out of those spans, unless that would leave another keyword with no span at all.
  const counts = keywords.map(() => 0);
  for (const s of accepted) counts[s.kw] = (counts[s.kw] ?? 0) + 1;
  byKeyword.forEach((own, kw) => {
    if (own.length === 0 || (counts[kw] ?? 0) > 0) return;
    const byLength = [...own].sort((x, y) => x.end - x.start - (y.end - y.start) || x.start - y.start);
    for (const c of byLength) {
      const hit = accepted.filter((s) => overlaps(s, c));
      const pieces = hit.flatMap((s) => carve(s, c, text));
      const left = [...counts];
      for (const s of hit) left[s.kw] = (left[s.kw] ?? 0) - 1;
      for (const s of pieces) left[s.kw] = (left[s.kw] ?? 0) + 1;
      if (hit.some((s) => (left[s.kw] ?? 0) <= 0)) continue;
      accepted = accepted.filter((s) => !hit.includes(s)).concat(pieces, c);
      left[kw] = 1;
      left.forEach((n, i) => (counts[i] = n));
      break;
    }
  });

  return accepted.sort((x, y) => x.start - y.start || x.end - y.end);
}
