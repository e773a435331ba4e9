import { stem } from './stem';

/**
 * The answer as tokens, with what the verdicts need to know about each: its sentence and clause, whether it
 * is code, whether it is glued to the token before it (`select_related`, `UniqueConstraint`), whether it
 * negates. One pass over the text, linear in its length.
 */

/** Token flags. */
export const GLUED = 1; // nothing but `_ . - / :` (or a camelCase boundary) between it and the token before
export const FENCE = 2; // inside a fenced code block
export const CODE = 4; // written as code: in backticks or a fence, followed by `(`, or after a `.`
export const NEG = 8; // a negation: `not`, `never`, `cannot`, `nor`, `neither`, or a word ending in `n't`
const INITIALS = 16; // a single letter, or single letters joined by `/` or `&` (`I/O`)
export const CLAUSE_WORD = 32; // opens a clause: but, which, because, …
export const COLON_AFTER = 64; // a `:` (not `::`) follows it: "**Term**: what it does"

/**
 * The tokens of a text, as columns (one typed array per property, no object per token: a pasted megabyte
 * has 200k tokens). Token i covers chars [start[i], end[i]) and has the key keys[keyId[i]]: lower-cased,
 * diacritics folded, apostrophes removed. Sentences (a bullet, a heading and a line of code are sentences
 * too) and clauses (sentences cut further at `, ; : ( ) —` and at words such as `but`, `which`) are numbered.
 */
export class Tokens {
  length = 0;
  start: Int32Array;
  end: Int32Array;
  sentence: Int32Array;
  clause: Int32Array;
  keyId: Int32Array;
  flags: Uint8Array;
  readonly keys: string[] = [];
  private readonly ids = new Map<string, number>();

  constructor(capacity: number) {
    const n = Math.max(16, capacity);
    this.start = new Int32Array(n);
    this.end = new Int32Array(n);
    this.sentence = new Int32Array(n);
    this.clause = new Int32Array(n);
    this.keyId = new Int32Array(n);
    this.flags = new Uint8Array(n);
  }

  key(i: number): string {
    return this.keys[this.keyId[i] as number] as string;
  }

  has(i: number, flag: number): boolean {
    return ((this.flags[i] as number) & flag) !== 0;
  }

  idOfExisting(key: string): number | undefined {
    return this.ids.get(key);
  }

  idOf(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
    }
    return id;
  }

  push(start: number, end: number, key: string, sentence: number, clause: number, flags: number): void {
    this.pushId(start, end, this.idOf(key), sentence, clause, flags);
  }

  pushId(start: number, end: number, keyId: number, sentence: number, clause: number, flags: number): void {
    if (this.length === this.start.length) this.grow();
    const i = this.length++;
    this.start[i] = start;
    this.end[i] = end;
    this.sentence[i] = sentence;
    this.clause[i] = clause;
    this.keyId[i] = keyId;
    this.flags[i] = flags;
  }

  private grow(): void {
    const n = this.start.length * 2;
    const grow32 = (a: Int32Array): Int32Array => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.start = grow32(this.start);
    this.end = grow32(this.end);
    this.sentence = grow32(this.sentence);
    this.clause = grow32(this.clause);
    this.keyId = grow32(this.keyId);
    const f = new Uint8Array(n);
    f.set(this.flags);
    this.flags = f;
  }
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** 1 where an ASCII code is a letter or digit. */
const ASCII_WORD = new Uint8Array(128).map((_, c) => (/[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0));
const wideWord = new Map<number, boolean>();

/** Is the UTF-16 unit at i part of a word (a letter, digit or mark; surrogate pairs count as one)? */
function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c] === 1;
  const cp = text.codePointAt(i) ?? c;
  let w = wideWord.get(cp);
  if (w === undefined) {
    w = WORD_CHAR.test(String.fromCodePoint(cp));
    wideWord.set(cp, w);
  }
  return w;
}

/**
 * The next word from `from`: a run of letters, digits and marks, with `'` or `’` allowed between two of
 * them (`doesn't`). [start, end] or null. A hand-written scanner: the Unicode regex was the slowest part.
 */
function nextWord(text: string, from: number): [number, number] | null {
  const n = text.length;
  let i = from;
  while (i < n && !isWordAt(text, i)) i++;
  if (i >= n) return null;
  const start = i;
  for (;;) {
    while (i < n && isWordAt(text, i)) i += text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) < 0xdc00 ? 2 : 1;
    const c = text.charCodeAt(i);
    if ((c === 39 || c === 0x2019) && i + 1 < n && isWordAt(text, i + 1)) {
      i++;
      continue;
    }
    return [start, i];
  }
}
const SINGLE_LETTER = /^\p{L}$/u;
const NON_ASCII = /[^ -~]/;
const MARKS = /\p{M}/gu;
/** lower → Upper inside a word: where `UniqueConstraint` and `CsrfViewMiddleware` are cut. */
const CAMEL = /(?<=\p{Ll})(?=\p{Lu})/u;
const GLUE = /^(?:[._\-/:]|::|->)$/;
/** A `.` `!` `?` (not part of `...`) before white space, or a line break. */
const SENTENCE_END = /(?<!\.)[.!?](?!\.)['"’”)\]*_]*\s|\n/;
/** `, ; : — –` or a spaced hyphen, outside brackets. */
const CLAUSE_END = /[,;:—–]|\s-\s/;

/** The round-bracket depth after a gap (brackets never close below 0; a sentence end resets it). */
function bracketDepth(gap: string, depth: number): number {
  for (let i = 0; i < gap.length; i++) {
    const c = gap.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41 && depth > 0) depth--;
  }
  return depth;
}
const NEGATION_WORDS = new Set(['not', 'never', 'cannot', 'nor', 'neither']);
/** Words that open a new clause: a negation before them does not reach past them. */
export const CLAUSE_WORDS = new Set([
  'but',
  'which',
  'that',
  'who',
  'where',
  'when',
  'if',
  'because',
  'since',
  'so',
  'while',
  'whereas',
  'although',
  'though',
  'unless',
  'instead',
  'until',
  'then',
]);

export function normalizeKey(raw: string): string {
  let s = raw;
  if (NON_ASCII.test(s)) s = s.normalize('NFKD').replace(MARKS, '').replace(/’/g, "'");
  s = s.toLowerCase();
  if (s.includes("'")) s = (s.endsWith("'s") ? s.slice(0, -2) : s).replace(/'/g, '');
  return s;
}

/** Character ranges of fenced code blocks (``` or ~~~), and of inline `code` spans outside them. */
function codeRanges(text: string): { fences: Array<[number, number]>; inline: Array<[number, number]> } {
  const fences: Array<[number, number]> = [];
  const inline: Array<[number, number]> = [];
  let pos = 0;
  let fenceStart = -1;
  while (pos <= text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol === -1) eol = text.length;
    const line = text.slice(pos, eol);
    if (/^\s{0,3}(```|~~~)/.test(line)) {
      if (fenceStart < 0) fenceStart = pos;
      else {
        fences.push([fenceStart, eol]);
        fenceStart = -1;
      }
    } else if (fenceStart < 0 && line.includes('`')) {
      const re = /`+/g;
      let open: RegExpExecArray | null = null;
      for (let m = re.exec(line); m; m = re.exec(line)) {
        if (!open) open = m;
        else if (m[0].length === open[0].length) {
          inline.push([pos + open.index, pos + m.index]);
          open = null;
        }
      }
    }
    pos = eol + 1;
  }
  if (fenceStart >= 0) fences.push([fenceStart, text.length]);
  return { fences, inline };
}

interface WordInfo {
  key: string;
  /** The key's id in the Tokens being built. */
  id: number;
  clauseWord: boolean;
  neg: boolean;
  /** camelCase parts with their keys, or null. */
  parts: Array<{ text: string; key: string }> | null;
}

function wordInfo(raw: string): WordInfo {
  const key = normalizeKey(raw);
  const camel = raw.length > 2 && key !== raw && CAMEL.test(raw);
  return {
    key,
    id: -1,
    clauseWord: CLAUSE_WORDS.has(key),
    neg: NEGATION_WORDS.has(key) || (key.endsWith('nt') && /n['’]t$/i.test(raw)),
    parts: camel ? raw.split(CAMEL).map((text) => ({ text, key: normalizeKey(text) })) : null,
  };
}

export function tokenize(text: string): Tokens {
  const out = new Tokens(Math.min(text.length >> 2, 1 << 20));
  const words = new Map<string, WordInfo>();
  const { fences, inline } = codeRanges(text);
  let fi = 0;
  let ii = 0;
  let sentence = 0;
  let clause = 0;
  let prevEnd = 0;
  let depth = 0;
  for (let m = nextWord(text, 0); m !== null; m = nextWord(text, m[1])) {
    const [start, end] = m;
    const raw = text.slice(start, end);
    const last = out.length - 1;
    // Most gaps are one space: no boundary, no glue, no regex.
    const plain = start - prevEnd === 1 && text.charCodeAt(prevEnd) === 32;
    const gap = plain ? ' ' : text.slice(prevEnd, start);
    let fence = false;
    let inInline = false;
    if (fences.length > 0) {
      while (fi < fences.length && (fences[fi]?.[1] ?? 0) < start) fi++;
      const fr = fences[fi];
      fence = fr !== undefined && fr[0] <= start && start < fr[1];
    }
    if (inline.length > 0) {
      while (ii < inline.length && (inline[ii]?.[1] ?? 0) < start) ii++;
      const ir = inline[ii];
      inInline = ir !== undefined && ir[0] <= start && start < ir[1];
    }
    let info = words.get(raw);
    if (info === undefined) {
      info = wordInfo(raw);
      if (words.size < 50_000) words.set(raw, info);
    }
    if (last >= 0) {
      if (!plain && gap.includes(':') && !gap.includes('::')) out.flags[last]! |= COLON_AFTER;
      // "e.g. " and "i.e. " do not end a sentence: a single letter before the period.
      const abbreviation = gap[0] === '.' && !gap.includes('\n') && out.end[last]! - out.start[last]! === 1;
      if (!plain && SENTENCE_END.test(gap) && !abbreviation) {
        sentence++;
        clause++;
        depth = 0;
      } else if (info.clauseWord) clause++;
      else if (!plain) {
        const before = depth;
        depth = bracketDepth(gap, depth);
        // What is in brackets belongs to the clause around it: "generic views (ListView, DetailView) implement …".
        if (before === 0 && depth === 0 && CLAUSE_END.test(gap)) clause++;
      }
    }
    prevEnd = end;
    const single = raw.length === 1 && SINGLE_LETTER.test(raw);
    if (
      single &&
      last >= 0 &&
      out.has(last, INITIALS) &&
      (gap === '/' || gap === '&') &&
      out.sentence[last] === sentence
    ) {
      out.end[last] = end;
      out.keyId[last] = out.idOf(out.key(last) + info.key);
      continue;
    }
    let flags = 0;
    if (fence) flags |= FENCE;
    if (fence || inInline || text.charCodeAt(end) === 40 /* ( */ || (gap === '.' && last >= 0)) flags |= CODE;
    const glued = !plain && last >= 0 && GLUE.test(gap);
    if (info.parts) {
      let offset = start;
      info.parts.forEach(({ text: part, key }, i) => {
        if (key !== '')
          out.push(offset, offset + part.length, key, sentence, clause, flags | (i > 0 || glued ? GLUED : 0));
        offset += part.length;
      });
      continue;
    }
    if (info.key === '') continue;
    if (glued) flags |= GLUED;
    if (info.neg) flags |= NEG;
    if (info.clauseWord) flags |= CLAUSE_WORD;
    if (single) flags |= INITIALS;
    out.push(start, end, info.key, sentence, clause, flags);
  }
  return out;
}

/** The answer's tokens with lookup tables, built once per call. */
export class TextIndex {
  readonly tokens: Tokens;
  /** Positions of each key id, ascending. */
  private readonly positions: number[][] = [];
  private stems: string[] | null = null;
  private byStem: Map<string, readonly number[]> | null = null;

  constructor(readonly text: string) {
    this.tokens = tokenize(text);
    const { keyId, length } = this.tokens;
    const positions = this.positions;
    for (let i = 0; i < length; i++) {
      const id = keyId[i] as number;
      const list = positions[id];
      if (list) list.push(i);
      else positions[id] = [i];
    }
  }

  get keys(): readonly string[] {
    return this.tokens.keys;
  }

  keyAt(key: string): readonly number[] {
    const id = this.tokens.idOfExisting(key);
    return id === undefined ? NONE : (this.positions[id] ?? NONE);
  }

  /** The stem of token i. */
  stemOf(i: number): string {
    if (this.stems === null) this.stems = this.tokens.keys.map(stem);
    return this.stems[this.tokens.keyId[i] as number] as string;
  }

  stemAt(s: string): readonly number[] {
    if (this.byStem === null) {
      if (this.stems === null) this.stems = this.tokens.keys.map(stem);
      const byStem = new Map<string, number[][]>();
      this.stems.forEach((st, id) => {
        const positions = this.positions[id];
        if (!positions) return;
        const lists = byStem.get(st);
        if (lists) lists.push(positions);
        else byStem.set(st, [positions]);
      });
      this.byStem = new Map();
      for (const [st, lists] of byStem) {
        this.byStem.set(st, lists.length === 1 ? (lists[0] as number[]) : mergeSorted(lists));
      }
    }
    return this.byStem.get(s) ?? NONE;
  }
}

export const NONE: readonly number[] = [];

/** Ascending lists merged into one ascending list, pairwise: O(n log k), no sort. */
export function mergeSorted(lists: ReadonlyArray<readonly number[]>): number[] {
  let level = lists.filter((l) => l.length > 0) as Array<readonly number[]>;
  if (level.length === 0) return [];
  while (level.length > 1) {
    const next: number[][] = [];
    for (let i = 0; i < level.length; i += 2) {
      const a = level[i] as readonly number[];
      const b = level[i + 1];
      if (!b) {
        next.push(a as number[]);
        continue;
      }
      const out = new Array<number>(a.length + b.length);
      let x = 0;
      let y = 0;
      let k = 0;
      while (x < a.length && y < b.length)
        out[k++] = (a[x] as number) <= (b[y] as number) ? (a[x++] as number) : (b[y++] as number);
      while (x < a.length) out[k++] = a[x++] as number;
      while (y < b.length) out[k++] = b[y++] as number;
      next.push(out);
    }
    level = next;
  }
  return level[0] as number[];
}
