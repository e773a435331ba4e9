import type { Alt, CompiledKeyword, Elem, Form, Group } from './forms';
import { CODE, GLUED, mergeSorted, NONE, type TextIndex } from './text';

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

/**
 * A token range [a, a + len] packed in one number, a × SPAN + len: arrays of plain numbers sort natively
 * and cost no allocation per range.
 */
const SPAN = 1024;
const startOf = (r: number): number => Math.floor(r / SPAN);
const endOf = (r: number): number => Math.floor(r / SPAN) + (r % SPAN);
const pack = (a: number, b: number): number => a * SPAN + Math.min(SPAN - 1, b - a);

function elemMatches(e: Elem, idx: TextIndex, i: number): boolean {
  switch (e.by) {
    case 'key':
      return idx.tokens.key(i) === e.key;
    case 'plural': {
      const key = idx.tokens.key(i);
      return key === e.key || key === e.key + 's' || key === e.key + 'es';
    }
    case 'stem':
      return idx.stemOf(i) === e.stem;
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
      return lists.length <= 1 ? (lists[0] ?? NONE) : mergeSorted(lists);
    }
  }
}

function altRanges(alt: Alt, idx: TextIndex, out: number[]): void {
  const first = alt.elems[0];
  if (!first) return;
  const n = alt.elems.length;
  const tokens = idx.tokens;
  for (const p of firstPositions(first, idx)) {
    if (alt.call && !tokens.has(p, CODE)) continue;
    if (p + n > tokens.length) continue;
    let ok = true;
    for (let j = 1; j < n && ok; j++) {
      ok =
        tokens.sentence[p + j] === tokens.sentence[p] &&
        (!alt.glue || tokens.has(p + j, GLUED)) &&
        elemMatches(alt.elems[j] as Elem, idx, p + j);
    }
    if (ok) out.push(pack(p, p + n - 1));
  }
}

/** Packed token ranges where a group occurs, sorted by start (then end). */
function groupRanges(g: Group, idx: TextIndex): number[] {
  const out: number[] = [];
  let sources = 0;
  for (const alt of g.alts) {
    const before = out.length;
    altRanges(alt, idx, out);
    if (out.length > before) sources++;
  }
  return sources > 1 ? (Float64Array.from(out).sort() as unknown as number[]) : out;
}

/**
 * Packed token ranges where a form is named; minimal (no range contains another), sorted.
 * All of the form's groups must occur in one sentence within `window` tokens, in any order: a sliding
 * window over the groups' occurrences merged by start, O(m log m) in the number of occurrences.
 */
export function formRanges(form: Form, idx: TextIndex, seen: Map<string, number[]>): readonly number[] {
  // Groups with the same signature (a keyword that repeats a word) need that many distinct occurrences.
  const sigs: string[] = [];
  const need: number[] = [];
  const lists: number[][] = [];
  for (const g of form.groups) {
    let r = seen.get(g.sig);
    if (r === undefined) {
      r = groupRanges(g, idx);
      seen.set(g.sig, r);
    }
    if (r.length === 0) return [];
    const at = sigs.indexOf(g.sig);
    if (at >= 0) need[at] = (need[at] ?? 0) + 1;
    else {
      sigs.push(g.sig);
      need.push(1);
      lists.push(r);
    }
  }
  if (lists.length === 1 && need[0] === 1) return lists[0] as number[];

  // The groups' occurrences merged by start (each list is sorted already): O(m × groups), no sort.
  const G = lists.length;
  let n = 0;
  for (const l of lists) n += l.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const groups = new Uint8Array(n);
  const heads = new Int32Array(G);
  for (let k = 0; k < n; k++) {
    let best = -1;
    let bestValue = Infinity;
    for (let g = 0; g < G; g++) {
      const v = (lists[g] as number[])[heads[g] as number];
      if (v !== undefined && v < bestValue) {
        bestValue = v;
        best = g;
      }
    }
    heads[best] = (heads[best] as number) + 1;
    starts[k] = startOf(bestValue);
    ends[k] = endOf(bestValue);
    groups[k] = best;
  }

  const tokens = idx.tokens;
  const counts = new Int32Array(G);
  const out: number[] = [];
  let have = 0;
  let left = 0;
  for (let right = 0; right < n; right++) {
    const g = groups[right] as number;
    if (++counts[g]! === need[g]) have++;
    const end = ends[right] as number;
    const sentence = tokens.sentence[end];
    while (left < right) {
      const ls = starts[left] as number;
      if (tokens.sentence[ls] === sentence && end - ls + 1 <= form.window) break;
      const lg = groups[left] as number;
      if (counts[lg] === need[lg]) have--;
      counts[lg]!--;
      left++;
    }
    while (have === G && left < right) {
      const lg = groups[left] as number;
      if ((counts[lg] as number) <= (need[lg] as number)) break;
      counts[lg]!--;
      left++;
    }
    if (have !== G) continue;
    let last = end;
    for (let k = left; k < right; k++) if ((ends[k] as number) > last) last = ends[k] as number;
    const first = starts[left] as number;
    if (last - first + 1 <= form.window) out.push(pack(first, last));
  }
  // Minimal: of the ranges with one start keep the shortest, and drop it if a later one ends no later.
  const sorted = Float64Array.from(out).sort();
  const minimal: number[] = [];
  let minEnd = Infinity;
  for (let i = sorted.length - 1; i >= 0;) {
    let j = i;
    const st = startOf(sorted[i] as number);
    while (j > 0 && startOf(sorted[j - 1] as number) === st) j--;
    const r = sorted[j] as number;
    if (endOf(r) < minEnd) {
      minEnd = endOf(r);
      minimal.push(r);
    }
    i = j - 1;
  }
  return minimal.reverse();
}

function toMention(a: number, b: number, kw: number, form: Form, idx: TextIndex): Mention {
  const tokens = idx.tokens;
  const lastEnd = tokens.end[b] as number;
  const end = idx.text.startsWith('()', lastEnd) ? lastEnd + 2 : lastEnd;
  return { a, b, start: tokens.start[a] as number, end, kw, form };
}

const ORDINAL = 2 ** 22;

/**
 * Candidates in the order they claim tokens: the longest first (`per-view cache` before `cache`), where a
 * match spread over a window counts no more than its own words (`custom manager` is not beaten by
 * `custom … queryset` over five tokens), then the earliest, then the order they were found in (keyword,
 * then form). Buckets by rank, and within one a numeric sort of start × 2^22 + ordinal, no comparator.
 */
function longestFirst(candidates: readonly Mention[]): Mention[] {
  // A match ranks by its length, but a spread-out one by no more than the words it has.
  const rank = (c: Mention): number => Math.min(SPAN - 1, c.b - c.a + 1, c.form.written);
  if (candidates.length >= ORDINAL) {
    return [...candidates].sort((x, y) => rank(y) - rank(x) || x.a - y.a);
  }
  const buckets = new Map<number, number[]>();
  candidates.forEach((c, i) => {
    const len = rank(c);
    const list = buckets.get(len);
    if (list) list.push(c.a * ORDINAL + i);
    else buckets.set(len, [c.a * ORDINAL + i]);
  });
  const out: Mention[] = [];
  for (const len of [...buckets.keys()].sort((x, y) => y - x)) {
    const list = buckets.get(len) ?? [];
    let sorted = true;
    for (let i = 1; i < list.length && sorted; i++) sorted = (list[i - 1] as number) < (list[i] as number);
    for (const k of sorted ? list : Float64Array.from(list).sort()) out.push(candidates[k % ORDINAL] as Mention);
  }
  return out;
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
  const seen = new Map<string, number[]>();
  keywords.forEach((k, kw) => {
    // The same range found by two forms of one keyword is one candidate (the first form's): each form's
    // ranges are sorted, so a merge with the ranges taken so far finds the repeats without hashing.
    let taken: readonly number[] = NONE;
    for (const form of k.forms) {
      const ranges = formRanges(form, idx, seen);
      if (ranges.length === 0) continue;
      if (taken.length === 0) {
        for (const r of ranges) {
          const m = toMention(startOf(r), endOf(r), kw, form, idx);
          candidates.push(m);
          byKeyword[kw]?.push(m);
        }
        taken = ranges;
        continue;
      }
      const merged: number[] = [];
      let t = 0;
      for (const r of ranges) {
        while (t < taken.length && (taken[t] as number) < r) merged.push(taken[t++] as number);
        if (t < taken.length && taken[t] === r) continue;
        merged.push(r);
        const m = toMention(startOf(r), endOf(r), kw, form, idx);
        candidates.push(m);
        byKeyword[kw]?.push(m);
      }
      while (t < taken.length) merged.push(taken[t++] as number);
      taken = merged;
    }
  });
  if (candidates.length === 0) return [];

  // Pass 1: longest first (then earliest, then keyword and form order), keep what does not overlap.
  // `owner[i]` is the accepted mention holding token i: overlap checks cost the mention's length.
  const owner: Array<Mention | undefined> = new Array(idx.tokens.length);
  const counts = keywords.map(() => 0);
  const take = (m: Mention): void => {
    for (let i = m.a; i <= m.b; i++) owner[i] = m;
    counts[m.kw] = (counts[m.kw] ?? 0) + 1;
  };
  for (const c of longestFirst(candidates)) {
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
