import type { Alt, CompiledKeyword, Elem, Form, Group } from './forms';
import { stem } from './stem';
import { NONE, type TextIndex, type Token } from './text';

/**
 * Where each keyword is mentioned: token ranges found by the forms, then made non-overlapping.
 * Every step is a lookup in the text's index, a bounded scan (a form's window) or a sort, so the cost is
 * O(n log n) in the number of tokens and mentions.
 */

/** A mention of a keyword: tokens [a, b] of the text, chars [start, end). */
export interface Mention {
  a: number;
  b: number;
  start: number;
  end: number;
  /** Index of the keyword in the list. */
  kw: number;
  form: Form;
}

type Range = [number, number];

function elemMatches(e: Elem, t: Token): boolean {
  switch (e.by) {
    case 'key':
      return t.key === e.key;
    case 'plural':
      return t.key === e.key || t.key === e.key + 's' || t.key === e.key + 'es';
    case 'stem':
      return stem(t.key) === e.stem;
  }
}

function firstPositions(e: Elem, idx: TextIndex): readonly number[] {
  switch (e.by) {
    case 'key':
      return idx.keyAt(e.key);
    case 'stem':
      return idx.stemAt(e.stem);
    case 'plural': {
      const lists = [idx.keyAt(e.key), idx.keyAt(e.key + 's'), idx.keyAt(e.key + 'es')].filter((l) => l.length > 0);
      if (lists.length <= 1) return lists[0] ?? NONE;
      return lists.flat().sort((x, y) => x - y);
    }
  }
}

function altRanges(alt: Alt, idx: TextIndex, out: Range[]): void {
  const [first, ...rest] = alt.elems;
  if (!first) return;
  const tokens = idx.tokens;
  for (const p of firstPositions(first, idx)) {
    const t0 = tokens[p] as Token;
    if (alt.call && !t0.codeMark) continue;
    let ok = true;
    for (let j = 0; j < rest.length && ok; j++) {
      const t = tokens[p + 1 + j];
      ok = t !== undefined && t.sentence === t0.sentence && (!alt.glue || t.glued) && elemMatches(rest[j] as Elem, t);
    }
    if (ok) out.push([p, p + rest.length]);
  }
}

/** Token ranges where a group occurs, sorted by start (then end). */
function groupRanges(g: Group, idx: TextIndex): Range[] {
  const out: Range[] = [];
  for (const alt of g.alts) altRanges(alt, idx, out);
  if (g.alts.length > 1) out.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return out;
}

/** First index in `list` (sorted by start) whose start is >= `value`. */
function lowerBound(list: readonly Range[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as Range)[0] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Token ranges where a form is named; minimal (no range contains another). */
export function formRanges(form: Form, idx: TextIndex): Range[] {
  const occ: Range[][] = [];
  for (const g of form.groups) {
    const r = groupRanges(g, idx);
    if (r.length === 0) return [];
    occ.push(r);
  }
  if (occ.length === 1) return occ[0] as Range[];

  const tokens = idx.tokens;
  const ranges: Range[] = [];
  occ.forEach((list, gi) => {
    for (const [p, pe] of list) {
      const sentence = (tokens[p] as Token).sentence;
      const limit = p + form.window - 1;
      const used: Range[] = [[p, pe]];
      let last = pe;
      let ok = true;
      for (let gj = 0; gj < occ.length && ok; gj++) {
        if (gj === gi) continue;
        ok = false;
        const other = occ[gj] as Range[];
        for (let k = lowerBound(other, p); k < other.length; k++) {
          const [q, qe] = other[k] as Range;
          if (qe > limit || (tokens[qe] as Token).sentence !== sentence) break;
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
  ranges.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const minimal: Range[] = [];
  let minEnd = Infinity;
  for (let i = ranges.length - 1; i >= 0; i--) {
    const r = ranges[i] as Range;
    if (r[1] >= minEnd) continue;
    minEnd = r[1];
    minimal.push(r);
  }
  return minimal.reverse();
}

function toMention(a: number, b: number, kw: number, form: Form, idx: TextIndex): Mention {
  const tokens = idx.tokens;
  const first = tokens[a] as Token;
  const last = tokens[b] as Token;
  const end = idx.text.startsWith('()', last.end) ? last.end + 2 : last.end;
  return { a, b, start: first.start, end, kw, form };
}

/**
 * Every mention of every keyword, non-overlapping, sorted by start. Overlaps go to the longer mention;
 * a keyword whose every mention lies inside other keywords' mentions is cut out of them, so both stay
 * (`per-view cache` with keywords `per-view cache` and `cache` → [per-view] [cache]), unless that would
 * leave another keyword with no mention at all (then the first keyword in the list keeps the text).
 */
export function findMentions(idx: TextIndex, keywords: readonly CompiledKeyword[]): Mention[] {
  const candidates: Mention[] = [];
  const byKeyword: Mention[][] = keywords.map(() => []);
  keywords.forEach((k, kw) => {
    for (const form of k.forms) {
      for (const [a, b] of formRanges(form, idx)) {
        const m = toMention(a, b, kw, form, idx);
        candidates.push(m);
        byKeyword[kw]?.push(m);
      }
    }
  });
  if (candidates.length === 0) return [];

  // Pass 1: longest first (then earliest, then keyword and form order), keep what does not overlap.
  // `owner[i]` is the accepted mention holding token i: overlap checks cost the mention's length.
  const order = candidates.map((_, i) => i);
  order.sort((x, y) => {
    const cx = candidates[x] as Mention;
    const cy = candidates[y] as Mention;
    return cy.b - cy.a - (cx.b - cx.a) || cx.a - cy.a || cx.kw - cy.kw || x - y;
  });
  const owner: Array<Mention | undefined> = new Array(idx.tokens.length);
  const counts = keywords.map(() => 0);
  const take = (m: Mention): void => {
    for (let i = m.a; i <= m.b; i++) owner[i] = m;
    counts[m.kw] = (counts[m.kw] ?? 0) + 1;
  };
  for (const i of order) {
    const c = candidates[i] as Mention;
    let free = true;
    for (let t = c.a; t <= c.b && free; t++) free = owner[t] === undefined;
    if (free) take(c);
  }

  // Pass 2: carve room for keywords left with no mention.
  byKeyword.forEach((own, kw) => {
    if (own.length === 0 || (counts[kw] ?? 0) > 0) return;
    const byLength = [...own].sort((x, y) => x.b - x.a - (y.b - y.a) || x.a - y.a);
    for (const c of byLength) {
      const hit = new Set<Mention>();
      for (let t = c.a; t <= c.b; t++) {
        const o = owner[t];
        if (o) hit.add(o);
      }
      const pieces: Mention[] = [];
      for (const s of hit) {
        if (s.a < c.a) pieces.push(toMention(s.a, c.a - 1, s.kw, s.form, idx));
        if (s.b > c.b) pieces.push(toMention(c.b + 1, s.b, s.kw, s.form, idx));
      }
      const left = [...counts];
      for (const s of hit) left[s.kw] = (left[s.kw] ?? 0) - 1;
      for (const s of pieces) left[s.kw] = (left[s.kw] ?? 0) + 1;
      if ([...hit].some((s) => (left[s.kw] ?? 0) <= 0)) continue;
      for (const s of hit) {
        for (let t = s.a; t <= s.b; t++) owner[t] = undefined;
        counts[s.kw] = (counts[s.kw] ?? 0) - 1;
      }
      for (const p of pieces) take(p);
      take(c);
      break;
    }
  });

  const out: Mention[] = [];
  let prev: Mention | undefined;
  for (const m of owner) {
    if (m !== undefined && m !== prev) out.push(m);
    prev = m;
  }
  return out;
}
