import { stem } from './stem';

/**
 * The answer as tokens, with what the verdicts need to know about each: its sentence and clause, whether it
 * is code, whether it is glued to the token before it (`select_related`, `UniqueConstraint`), whether it
 * negates. One pass over the text, linear in its length.
 */

export interface Token {
  start: number;
  end: number;
  /** Lower-cased, diacritics folded, apostrophes removed. */
  key: string;
  /** Sentence number (a bullet, a line of code and a heading are sentences too). */
  sentence: number;
  /** Clause number: sentences are cut further at `, ; : ( ) —` and at words such as `but`, `which`. */
  clause: number;
  /** Nothing but `_ . - / :` (or a camelCase boundary) between this token and the one before. */
  glued: boolean;
  /** Inside a fenced code block. */
  fence: boolean;
  /** Written as code: inside backticks or a fence, followed by `(`, or after a `.`. */
  codeMark: boolean;
  /** A negation: `not`, `never`, `cannot`, `nor`, `neither`, or a word ending in `n't`. */
  neg: boolean;
  /** A single letter, or single letters joined by `/` or `&` (`I/O`). */
  initials: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;
const SINGLE_LETTER = /^\p{L}$/u;
const NON_ASCII = /[^ -~]/;
const MARKS = /\p{M}/gu;
/** lower → Upper inside a word: where `UniqueConstraint` and `CsrfViewMiddleware` are cut. */
const CAMEL = /(?<=\p{Ll})(?=\p{Lu})/u;
const GLUE = /^(?:[._\-/:]|::|->)$/;
const SENTENCE_END = /[.!?]['"’”)\]*_]*\s|\n/;
const CLAUSE_END = /[,;:()[\]—–]|\s-\s/;
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

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const { fences, inline } = codeRanges(text);
  let fi = 0;
  let ii = 0;
  let sentence = 0;
  let clause = 0;
  let prevEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    const gap = text.slice(prevEnd, start);
    const prev = out[out.length - 1];
    while (fi < fences.length && (fences[fi]?.[1] ?? 0) < start) fi++;
    while (ii < inline.length && (inline[ii]?.[1] ?? 0) < start) ii++;
    const fr = fences[fi];
    const ir = inline[ii];
    const fence = fr !== undefined && fr[0] <= start && start < fr[1];
    const inInline = ir !== undefined && ir[0] <= start && start < ir[1];
    if (prev) {
      if (SENTENCE_END.test(gap)) {
        sentence++;
        clause++;
      } else if (CLAUSE_END.test(gap) || CLAUSE_WORDS.has(raw.toLowerCase())) clause++;
    }
    prevEnd = end;
    const single = SINGLE_LETTER.test(raw);
    if (single && prev?.initials && gap.length === 1 && (gap === '/' || gap === '&') && prev.sentence === sentence) {
      prev.end = end;
      prev.key += normalizeKey(raw);
      continue;
    }
    const codeMark = fence || inInline || text.charCodeAt(end) === 40 /* ( */ || (gap === '.' && prev !== undefined);
    const neg = /n['’]t$/i.test(raw) || NEGATION_WORDS.has(raw.toLowerCase());
    const parts = raw.length > 2 && CAMEL.test(raw) ? raw.split(CAMEL) : [raw];
    let offset = start;
    parts.forEach((part, i) => {
      const key = normalizeKey(part);
      const t: Token = {
        start: offset,
        end: offset + part.length,
        key,
        sentence,
        clause,
        glued: i > 0 || (prev !== undefined && GLUE.test(gap)),
        fence,
        codeMark,
        neg: neg && parts.length === 1,
        initials: single,
      };
      offset += part.length;
      if (key !== '') out.push(t);
    });
  }
  return out;
}

/** The answer's tokens with lookup tables, built once per call. */
export class TextIndex {
  readonly tokens: Token[];
  private readonly byKey = new Map<string, number[]>();
  private byStem: Map<string, number[]> | null = null;

  constructor(readonly text: string) {
    this.tokens = tokenize(text);
    const tokens = this.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const key = (tokens[i] as Token).key;
      const list = this.byKey.get(key);
      if (list) list.push(i);
      else this.byKey.set(key, [i]);
    }
  }

  keyAt(key: string): readonly number[] {
    return this.byKey.get(key) ?? NONE;
  }

  stemAt(s: string): readonly number[] {
    if (this.byStem === null) {
      const byStem = new Map<string, number[][]>();
      for (const [key, positions] of this.byKey) {
        const st = stem(key);
        const lists = byStem.get(st);
        if (lists) lists.push(positions);
        else byStem.set(st, [positions]);
      }
      this.byStem = new Map();
      for (const [st, lists] of byStem) {
        this.byStem.set(st, lists.length === 1 ? (lists[0] as number[]) : lists.flat().sort((a, b) => a - b));
      }
    }
    return this.byStem.get(s) ?? NONE;
  }
}

export const NONE: readonly number[] = [];
