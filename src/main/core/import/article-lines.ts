import type { KeywordSpec } from '../../../shared/domain';
import { parseKeywordList } from '../deck-markdown';

/**
 * Line readers of the article importer: what one line of an article is (a heading, a numbered item, a keyword
 * line), read without deciding what it means in the article. Every pattern is linear in the length of its input (no
 * two adjacent quantifiers that can match the same text, no `\s+$` searched for from every position) and none
 * repeats a group without bound (a group repeated millions of times overflows the regex engine's stack).
 */

/** Longer lines are not headings (see readHeading). */
export const MAX_HEADING_LINE = 500;
/** What `.` in a regex does not match (a line may hold \u2028): a pattern ending in `.*$` fails on them. */
export const LINE_BREAK = /[\n\r\u2028\u2029]/;

export interface Heading {
  /** The line without heading marks, wrapping bold, leading emoji and quote marks. */
  text: string;
  /** Markdown heading depth (`##` → 2), or null. */
  depth: number | null;
  /** The whole line was bold (`**…**`). */
  bold: boolean;
  /** The line started with an emoji or symbol (🚀, ✅, 🔹). */
  emoji: boolean;
}

// One emoji, symbol, flag letter or space; their joiners and variation selectors are tested apart (inside the class
// they would trip eslint's no-misleading-character-class).
const SYMBOL = /^[\p{Extended_Pictographic}\p{So}\u{1F1E6}-\u{1F1FF}\s]$/u;
const JOINERS = new Set([0xfe0f, 0x200d, 0x20e3]);

/**
 * The length of the run of emoji, symbols and spaces that starts `t`: a loop, not a repeated regex group (which
 * overflows the regex engine's stack on a run of a few million).
 */
export function leadingSymbols(t: string): number {
  let i = 0;
  while (i < t.length) {
    const cp = t.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (!JOINERS.has(cp) && !SYMBOL.test(ch)) break;
    i += ch.length;
  }
  return i;
}

/** `s` without the characters at its end that `strip` accepts (a loop: `/[…]+$/` is quadratic on long runs). */
export function trimEndOf(s: string, strip: (c: string) => boolean): string {
  let end = s.length;
  while (end > 0 && strip(s[end - 1]!)) end--;
  return s.slice(0, end);
}

const isSpace = (c: string): boolean => /\s/.test(c);

/** A heading's text without its closing `#`s (`Title ##` → `Title`); they must follow white space. */
function stripClosingHashes(t: string): string {
  const hashes = trimEndOf(t, (c) => c === '#');
  if (hashes.length === t.length) return t;
  const text = trimEndOf(hashes, isSpace);
  return text.length < hashes.length ? text : t;
}

export function readHeading(trimmed: string): Heading {
  let t = trimmed.replace(/^>\s?/, '');
  let depth: number | null = null;
  const md = /^(#{1,6})\s+/.exec(t);
  if (md) {
    depth = md[1]!.length;
    t = stripClosingHashes(t.slice(md[0].length));
  }
  // Keycap digits ("1️⃣ What is …") read as "1. What is …".
  t = t.replace(/^(\d{1,3})\uFE0F?\u20E3\s*/, '$1. ');
  let emoji = false;
  const sym = leadingSymbols(t);
  if (sym && t.slice(0, sym).trim()) {
    emoji = true;
    t = t.slice(sym);
  }
  let bold = false;
  const wrapped = /^(\*\*)(.*)\1:?$/.exec(t);
  if (wrapped && !wrapped[2]!.includes(wrapped[1]!)) {
    bold = true;
    t = wrapped[2]!.trim();
  }
  if (!emoji) {
    const sym2 = leadingSymbols(t);
    if (sym2 && t.slice(0, sym2).trim()) {
      emoji = true;
      t = t.slice(sym2);
    }
  }
  return { text: t.trim(), depth, bold, emoji };
}

export interface Numbered {
  n: number;
  text: string;
  /** Written as Q1 / Question 1 / #1: a question's number, never a list's. */
  q: boolean;
  /**
   * How the number is written, without the number: `1.` → "n.", `Q.1:` → "Q.n:", `**Question 1:**` → "*Question n:",
   * `#1` → "#n". Two items of one article written alike are numbered alike (see article-numbering.ts).
   */
  marker: string;
}

/** Q1. · Q.1: · Q.1 · Q 1 - · Q#1 · Question 1: (after the optional spaces, only `.`, `#` or a digit can follow). */
const QNUM = /^(Q(?:uestion)?)\s*(\.\s*)?(#\s*)?(\d{1,3})(?:\s*([.):\-–—])\s*|\s+)(\S.*)$/i;
const HNUM = /^#(\d{1,3})(?:([.):])\s*|\s+)(\S.*)$/;
const NUM = /^\(?(\d{1,3})(?:[.)]|\s*[:\-–—])\s*(\S.*)$/;
/** A number or question label written in bold before the text: `**1.** What …`, `**Question 1:** What …`. */
const BOLD_LABEL = /^\*\*((?:Q(?:uestion)?\s*(?:\.\s*)?(?:#\s*)?)?\d{1,3}(?:\s*[.):\-–—])?)\*\*\s*/i;

const dash = (c: string | undefined): string => (c === undefined ? ' ' : /[-–—]/.test(c) ? '-' : c);

/** "1. What …", "1) …", "Q1. …", "Q.1: …", "Question 3: …", "#4 …", "**1.** What …", "4 - What …". */
export function readNumbered(text: string): Numbered | null {
  const label = BOLD_LABEL.exec(text);
  const t = label ? `${label[1]!} ${text.slice(label[0].length)}` : text;
  const bold = label ? '*' : '';
  const q = QNUM.exec(t);
  if (q) {
    const prefix = q[1]!.length > 1 ? 'Question' : 'Q';
    const marker = `${bold}${prefix}${q[2] ? '.' : ''}${q[3] ? '#' : ''}n${dash(q[5])}`;
    return { n: Number(q[4]), text: stripBold(q[6]!), q: true, marker };
  }
  const h = HNUM.exec(t);
  if (h) return { n: Number(h[1]), text: stripBold(h[3]!), q: true, marker: `${bold}#n${dash(h[2])}` };
  const m = NUM.exec(t);
  if (!m) return null;
  // "3.5 seconds" or "1.2" are not list items: after "N." there must be a space or a non-digit.
  const paren = t.startsWith('(');
  const after = t.slice(m[1]!.length + (paren ? 1 : 0));
  if (/^\.\d/.test(after)) return null;
  if (!/^[.)]\s|^\)|^\s*[:\-–—]\s/.test(after) && !/^\.\S/.test(after)) return null;
  if (/^\.\S/.test(after) && !/^\.[A-Z*_`"“]/.test(after)) return null;
  const sep = after.trimStart()[0];
  return { n: Number(m[1]), text: stripBold(m[2]!), q: false, marker: `${bold}${paren ? '(' : ''}n${dash(sep)}` };
}

/**
 * The prompt of a question line, the answer text that followed it on the same line ("What is X? X is …"), and how
 * many following lines it used (a prompt broken across two lines by copy-paste).
 */
export function readPrompt(
  text: string,
  lines: readonly string[],
  index: number,
): { prompt: string; rest: string; consumed: number } {
  let prompt = text;
  let rest = '';
  // "**What is X?** X is …": the bold part is the prompt.
  const bold = /^\*\*([^*]+)\*\*/.exec(prompt);
  const afterBold = bold ? prompt.slice(bold[0].length).trimStart() : '';
  if (bold && afterBold && !LINE_BREAK.test(afterBold)) {
    prompt = bold[1]!;
    rest = afterBold;
  }
  prompt = stripBold(prompt).replace(/^(?:question|q)\s*[:.]\s*/i, '');
  const q = prompt.indexOf('?');
  if (q >= 0 && q < prompt.length - 1) {
    const after = prompt.slice(q + 1).trim();
    if (after.length >= 40 && !after.includes('?')) {
      rest = rest ? `${after} ${rest}` : after;
      prompt = prompt.slice(0, q + 1);
    }
  }
  let consumed = 0;
  if (!/[?:]\s*$/.test(prompt)) {
    const next = lines[index + 1]?.trim() ?? '';
    if (
      next &&
      next.length < 150 &&
      /\?\s*(\*\*)?$/.test(next) &&
      !BULLET.test(next) &&
      !/^#|^\d{1,3}[.)]\s/.test(next)
    ) {
      prompt = `${prompt} ${stripBold(next)}`;
      consumed = 1;
    }
  }
  rest = stripAnswerLabel(rest);
  prompt = prompt.replace(/\s+/g, ' ');
  if (prompt.endsWith(':')) prompt = prompt.slice(0, -1);
  return { prompt: prompt.trim(), rest: inlineText(rest), consumed };
}

/** Removes bold markers that wrap text (`**x**`), leaving lone ones such as `**kwargs` alone. */
export function stripBold(s: string): string {
  return s.replace(/\*\*(?=\S)([^*]*?\S)\*\*/g, '$1').trim();
}

const KEYWORD_LINE =
  /^(?:(?:technical|key|important|main|core|relevant)\s+)?(?:keywords?|key\s*terms?|key\s*words|buzzwords?|key\s*concepts)(?:\s+(?:to\s+\w+|used|mentioned))?\s*(?:\([^()]{0,30}\)\s*)?(?:(?:\*\*|__)\s*)?[:：]/i;

/** The value of a keyword line ('' when the keywords follow on the next line), or null. */
export function readKeywordLine(text: string): string | null {
  // also "- Keywords: …" written as a bullet, and "**Keywords:** …"
  const t = text.replace(/^[-•*]\s+/, '').replace(/^(\*\*|__)/, '');
  const m = KEYWORD_LINE.exec(t);
  if (!m) return null;
  let value = t.slice(m[0].length).trimStart();
  if (value.startsWith('**') || value.startsWith('__')) value = value.slice(2).trimStart();
  return LINE_BREAK.test(value) ? null : value.trim();
}

/** "a, b; c | d · e" — or Prepdeck's own syntax (`a | alias; b`) when it has both `;` and `|`. */
export function splitKeywords(value: string): KeywordSpec[] {
  const v = value.trim();
  if (!v) return [];
  if (v.includes(';') && v.includes('|')) return parseKeywordList(v);
  const seen = new Set<string>();
  const out: KeywordSpec[] = [];
  for (const part of v.split(/[,;|·•]/)) {
    const spaced = part.trim().replace(/^(?:and|or)\s+/i, '');
    const cleaned = trimEndOf(spaced, (c) => c === '.').trim();
    const unwrapped = /^(`|\*\*|"|')(.+)\1$/.exec(cleaned)?.[2] ?? /^“(.+)”$/.exec(cleaned)?.[1] ?? cleaned;
    const label = unwrapped.replace(/^#(?=\w)/, '').trim();
    if (!label || label.length > 60) continue;
    const key = label.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ label, aliases: [], weight: 1 });
  }
  return out;
}

export const BULLET = /^\s*([-•*●▪◦‣∙·+–])\s+(\S.*)$/;

export function indentOf(raw: string): number {
  const m = /^[ \t]*/.exec(raw)![0];
  const width = m.replace(/\t/g, '    ').length;
  return Math.min(3, Math.floor(width / 2));
}

/** Inline clean-up: collapse runs of spaces (outside inline code the text is prose). */
export function inlineText(s: string): string {
  return s.replace(/[ \t]{2,}/g, ' ').trim();
}

export function normalizeSpaces(line: string): string {
  return line.replace(/[\u00A0\u2007\u202F]/g, ' ').replace(/[\u200B\u200C\u2060\uFEFF]/g, '');
}

export function cleanTitle(title: string | null): string {
  if (!title) return '';
  return title.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().slice(0, 120);
}

/** "Answer:", "Ans.", "**Answer:**", "Solution:", "A:" before an answer's text (or alone on its line). */
const ANSWER_LABEL = /^(?:\*\*|__)?(?:(?:answer|solution)\s*[:\-–]|ans\s*[:.\-–])\s*(?:\*\*|__)?\s*|^A\s*:\s*/i;
const ANSWER_LABEL_LINE = /^(?:\*\*|__)?(?:answer|ans|solution)\s*(?:[:.\-–]\s*)?(?:(?:\*\*|__)\s*)?$/i;

export function stripAnswerLabel(text: string): string {
  return text.replace(ANSWER_LABEL, '');
}

export function isAnswerLabel(text: string): boolean {
  return ANSWER_LABEL_LINE.test(text);
}
