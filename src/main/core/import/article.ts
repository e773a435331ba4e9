import type { ImportWarning, KeywordSpec, ParsedDeck, ParsedQuestion } from '../../../shared/domain';
import { parseKeywordList } from '../deck-markdown';
import { ImportError } from './errors';
import { levelFromText, orderLevels } from './levels';
import { suggestKeywords } from './suggest';

/**
 * Reads the plain text of a typical "interview questions" blog post (pasted, or saved as .txt/.md):
 * numbered questions under level headings, prose or bulleted answers, optional keyword lines, and sections that
 * are not questions (tips, conclusion, share links) which are left out.
 *
 * Line by line, one pass, no backtracking regexes: every pattern below is linear in the length of its input (no
 * two adjacent quantifiers that can match the same text, no `\s+$` searched for from every position) and none
 * repeats a group without bound (a group repeated millions of times overflows the regex engine's stack). Only lines
 * up to MAX_HEADING_LINE characters are read as headings.
 */
export interface ArticleOptions {
  deckName?: string;
  /** Name when the article has no title line (default "Imported questions"). */
  fallbackName?: string;
  /** Level for questions that come before any level heading. */
  defaultLevel?: string;
}

/** Longer lines are not headings (see readHeading). */
const MAX_HEADING_LINE = 500;
/** What `.` in a regex does not match (a line may hold \u2028): a pattern ending in `.*$` fails on them. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

export const NO_QUESTIONS_MESSAGE = 'No questions found: Prepdeck looks for numbered questions such as “1. What is …?”';

export function parseArticle(text: string, opts: ArticleOptions = {}): ParsedDeck {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(normalizeSpaces);
  const defaultLevel = opts.defaultLevel?.trim() || 'Intermediate';
  const warnings: ImportWarning[] = [];
  const questions: ParsedQuestion[] = [];
  const seenPrompts = new Map<string, number>();
  let title: string | null = null;
  let level: string | null = null;
  let levelless = null as { line: number; count: number } | null;
  let draft = null as Draft | null; // (a cast, so that TypeScript does not narrow it to null for good)
  let ignoring = false; // inside a section that is not questions (tips, conclusion, …)
  let lastNumber: number | null = null;
  let fence: string | null = null;
  let pendingKeywords: 'line' | 'bullets' | null = null;
  let sawQuestion = false;
  let seenContent = false;

  const finish = (): void => {
    pendingKeywords = null;
    if (!draft) return;
    const d = draft;
    draft = null;
    const answer = d.answer.toMarkdown();
    if (!answer) {
      warnings.push({ line: d.line, message: `"${d.prompt}" has no answer; it was skipped.` });
      return;
    }
    const dupKey = trimEndOf(d.prompt.toLowerCase(), (c) => /[\s?.!:]/.test(c)).replace(/\s+/g, ' ');
    const earlier = seenPrompts.get(dupKey);
    if (earlier !== undefined) {
      warnings.push({
        line: d.line,
        message: `"${d.prompt}" appears twice (also on line ${earlier}); both were kept.`,
      });
    } else seenPrompts.set(dupKey, d.line);
    let questionLevel = d.level;
    if (questionLevel === null) {
      questionLevel = defaultLevel;
      if (levelless) levelless.count++;
      else levelless = { line: d.line, count: 1 };
    }
    const given = d.keywords.length > 0;
    questions.push({
      key: null,
      level: questionLevel,
      prompt: d.prompt,
      answer,
      keywords: given ? d.keywords : suggestKeywords(answer),
      keywordsSuggested: !given,
      tags: [],
      line: d.line,
    });
  };

  const open = (prompt: string, lineNo: number, number: number | null, depth: number | null, rest: string): void => {
    finish();
    ignoring = false;
    sawQuestion = true;
    if (number !== null) lastNumber = number;
    draft = { prompt, line: lineNo, level, depth, answer: new AnswerBuilder(), keywords: [] };
    if (rest) draft.answer.prose(rest);
  };

  for (let index = 0; index < lines.length; index++) {
    const lineNo = index + 1;
    const raw = lines[index]!;
    const trimmed = raw.trim();

    // Fenced code: kept verbatim in the answer, never parsed.
    if (fence !== null) {
      if (trimmed.startsWith(fence) && trimmed.slice(fence.length).trim() === '') fence = null;
      if (draft && !ignoring) {
        if (fence === null) draft.answer.endFence();
        else draft.answer.codeLine(raw);
      }
      continue;
    }
    const fenceOpen = /^(`{3,}|~{3,})\s*([\w+#.-]*)/.exec(trimmed);
    if (fenceOpen) {
      fence = fenceOpen[1]!;
      if (draft && !ignoring) draft.answer.startFence(fenceOpen[2] ?? '');
      continue;
    }
    if (!trimmed) {
      draft?.answer.blank();
      continue;
    }

    // Only a line of sane length is read as a heading (`#`s, emoji, bold): a longer one is plain text, which may
    // still be a numbered question ("1. What is …? It is …", a whole paragraph) or a keyword line.
    const h: Heading =
      trimmed.length <= MAX_HEADING_LINE
        ? readHeading(trimmed)
        : { text: trimmed, depth: null, bold: false, emoji: false };
    const isFirstLine = !seenContent;
    seenContent = true;
    if (isFirstLine && !readNumbered(h.text) && isTitleLike(h)) {
      // The first line is the article's title; it may also name a level ("Advanced Django Interview Questions").
      title = h.text;
      level = levelHeading(h) ?? level;
      continue;
    }

    // Stop sections: "Tips", "Conclusion", "Tags: #django", "Share this", …
    if (isStopHeading(h)) {
      finish();
      ignoring = true;
      continue;
    }

    // Numbered items: a new question, or a numbered list inside the current answer.
    const numbered = readNumbered(h.text);
    if (numbered && !/\?/.test(numbered.text) && !startsLikeQuestion(numbered.text)) {
      // "2. Intermediate Level" or "3. Django ORM Questions" are section headings that happen to be numbered.
      const asHeading: Heading = { ...h, text: numbered.text };
      const sectionLevel = levelHeading(asHeading);
      if (
        sectionLevel ||
        (isTopicLine(asHeading) && (draft === null || numbered.n !== (draft?.answer.orderedNext() ?? -1)))
      ) {
        finish();
        ignoring = false;
        if (sectionLevel) level = sectionLevel;
        continue;
      }
    }
    if (numbered) {
      const strong = h.depth !== null || h.bold || numbered.q || /\?\s*$/.test(numbered.text);
      const medium = startsLikeQuestion(numbered.text);
      const d = draft;
      const expected = lastNumber === null ? 1 : lastNumber + 1;
      let isQuestion: boolean;
      if (!d) isQuestion = !ignoring || strong;
      else if (d.answer.orderedNext() === numbered.n && !strong) isQuestion = false;
      else if (strong) isQuestion = true;
      else if (d.answer.isEmpty()) isQuestion = medium && numbered.n === expected;
      else if (medium) isQuestion = numbered.n === expected;
      else isQuestion = numbered.n === expected && isShortTitle(numbered.text) && d.answer.orderedNext() === null;
      if (isQuestion) {
        const { prompt, rest, consumed } = readPrompt(numbered.text, lines, index);
        index += consumed;
        open(prompt, lineNo, numbered.n, h.depth, rest);
        continue;
      }
      if (d && !ignoring) {
        d.answer.ordered(numbered.n, inlineText(numbered.text), indentOf(raw));
        continue;
      }
      continue;
    }

    // Level headings: "🚀 Advanced-Level Interview Questions", "## Expert", "Bonus Scenario-Based Questions".
    const headingLevel = levelHeading(h);
    if (headingLevel) {
      finish();
      level = headingLevel;
      ignoring = false;
      if (title === null && !sawQuestion && h.depth === 1) title = h.text;
      continue;
    }

    // Unnumbered questions styled as headings or bold lines, or "Q: …".
    const qLine = /^Q\s*[:.]\s*(\S.*)$/i.exec(h.text);
    const styled = h.depth !== null || h.bold;
    const boldLead = /^\*\*[^*]{1,300}\?\*\*\s*\S/.test(h.text); // "**What is DRF?** A toolkit …"
    const styledQuestion =
      styled && h.depth !== 1 && (/\?\s*$/.test(h.text) || (h.depth !== null && startsLikeQuestion(h.text)));
    if (qLine || boldLead || styledQuestion) {
      const inner = draft;
      if (inner && h.depth !== null && inner.depth !== null && h.depth > inner.depth) {
        inner.answer.prose(`**${h.text}**`);
        continue;
      }
      const { prompt, rest, consumed } = readPrompt(qLine ? qLine[1]! : h.text, lines, index);
      index += consumed;
      open(prompt, lineNo, null, h.depth, rest);
      continue;
    }

    // Other headings: a deeper heading inside an answer is answer text; otherwise a topic heading ends the answer.
    if (h.depth !== null || isTopicLine(h)) {
      const inner = draft;
      if (inner && h.depth !== null && (inner.depth === null ? h.depth > 3 : h.depth > inner.depth)) {
        inner.answer.prose(`**${h.text}**`);
        continue;
      }
      finish();
      ignoring = false;
      if (!sawQuestion && title === null && h.depth === 1) title = h.text;
      continue;
    }

    // Keyword lines: "Keywords: a, b", "🔑 Technical Keywords:" (then the keywords on the next line).
    const kw = readKeywordLine(h.text);
    if (kw !== null) {
      if (draft && !ignoring) {
        const list = splitKeywords(kw);
        if (list.length) addKeywords(draft, list);
        else pendingKeywords = 'line';
      }
      continue;
    }
    if (pendingKeywords && draft) {
      const bullet = BULLET.exec(trimmed);
      if (bullet) {
        addKeywords(draft, splitKeywords(bullet[2]!));
        pendingKeywords = 'bullets';
        continue;
      }
      if (pendingKeywords === 'line') {
        addKeywords(draft, splitKeywords(trimmed));
        pendingKeywords = null;
        continue;
      }
      pendingKeywords = null;
    }

    if (!draft || ignoring) continue; // introductions and other text outside questions

    // Answer text.
    const d: Draft = draft;
    const bullet = BULLET.exec(raw.replace(/^\s*>\s?/, ''));
    if (bullet) {
      d.answer.bullet(inlineText(bullet[2]!), indentOf(raw));
      continue;
    }
    if (/^(?: {4,}|\t)/.test(raw) && d.answer.acceptsIndentedCode()) {
      d.answer.autoCode(raw.replace(/^(?: {4}|\t)/, ''));
      continue;
    }
    d.answer.prose(inlineText(trimmed.replace(/^>\s?/, '')), raw.replace(/^\s*>\s?/, '').trimEnd());
  }
  finish();

  if (questions.length === 0) throw new ImportError(NO_QUESTIONS_MESSAGE);
  if (levelless) {
    const l = levelless;
    warnings.push({
      line: l.line,
      message:
        l.count === 1
          ? `This question comes before any level heading; it was put under ${defaultLevel}.`
          : `${l.count} questions come before any level heading; they were put under ${defaultLevel}.`,
    });
  }
  warnings.sort((a, b) => a.line - b.line);
  return {
    name: opts.deckName?.trim() || cleanTitle(title) || opts.fallbackName?.trim() || 'Imported questions',
    description: '',
    levels: orderLevels(questions.map((q) => q.level)),
    questions,
    warnings,
  };
}

interface Draft {
  prompt: string;
  line: number;
  level: string | null;
  /** Markdown heading depth of the question line, if it was a heading. */
  depth: number | null;
  answer: AnswerBuilder;
  keywords: KeywordSpec[];
}

function addKeywords(draft: Draft, list: KeywordSpec[]): void {
  for (const k of list) {
    if (!draft.keywords.some((e) => e.label.toLowerCase() === k.label.toLowerCase())) draft.keywords.push(k);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Line reading

interface Heading {
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
function leadingSymbols(t: string): number {
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
function trimEndOf(s: string, strip: (c: string) => boolean): string {
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

function readHeading(trimmed: string): Heading {
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

interface Numbered {
  n: number;
  text: string;
  /** Written as Q1 / Question 1. */
  q: boolean;
}

const QNUM = /^Q(?:uestion)?\s*(?:#\s*)?(\d{1,3})(?:\s*[.):\-–—]\s*|\s+)(\S.*)$/i;
const NUM = /^\(?(\d{1,3})(?:[.)]|\s*[:\-–—])\s*(\S.*)$/;

/** "1. What …", "1) …", "Q1. …", "Question 3: …", "**1.** What …", "4 - What …". */
function readNumbered(text: string): Numbered | null {
  const t = text.replace(/^\*\*(\d{1,3}[.)]?)\*\*\s*/, '$1 ');
  const q = QNUM.exec(t);
  if (q) return { n: Number(q[1]), text: stripBold(q[2]!), q: true };
  const m = NUM.exec(t);
  if (!m) return null;
  // "3.5 seconds" or "1.2" are not list items: after "N." there must be a space or a non-digit.
  const after = t.slice(m[1]!.length + (t.startsWith('(') ? 1 : 0));
  if (/^\.\d/.test(after)) return null;
  if (!/^[.)]\s|^\)|^\s*[:\-–—]\s/.test(after) && !/^\.\S/.test(after)) return null;
  if (/^\.\S/.test(after) && !/^\.[A-Z*_`"“]/.test(after)) return null;
  return { n: Number(m[1]), text: stripBold(m[2]!), q: false };
}

const QUESTION_WORDS = new Set(
  `what what's whats why how how's when where which who whom whose explain describe define compare contrast
  differentiate distinguish difference differences discuss list name write implement design can could is are
  does do did should would will tell walk give outline suppose imagine your you mention state identify build
  optimize optimise debug handle show demonstrate`.split(/\s+/),
);

function startsLikeQuestion(text: string): boolean {
  const first = /^[`*_"“']*([A-Za-z']+)/.exec(text)?.[1]?.toLowerCase() ?? '';
  return QUESTION_WORDS.has(first);
}

/** A short title-like item ("Django signals"), as opposed to a sentence. */
function isShortTitle(text: string): boolean {
  return text.split(/\s+/).length <= 10 && !/[.:;,]$/.test(text);
}

/**
 * The prompt of a question line, the answer text that followed it on the same line ("What is X? X is …"), and how
 * many following lines it used (a prompt broken across two lines by copy-paste).
 */
function readPrompt(
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
  rest = rest.replace(/^(?:\*\*)?(?:answer|ans)\s*[:.\-–]\s*(?:\*\*)?\s*/i, '').replace(/^A\s*:\s*/, '');
  prompt = prompt.replace(/\s+/g, ' ');
  if (prompt.endsWith(':')) prompt = prompt.slice(0, -1);
  return { prompt: prompt.trim(), rest: inlineText(rest), consumed };
}

/** Removes bold markers that wrap text (`**x**`), leaving lone ones such as `**kwargs` alone. */
function stripBold(s: string): string {
  return s.replace(/\*\*(?=\S)([^*]*?\S)\*\*/g, '$1').trim();
}

const STOP_ANY_LENGTH =
  /^(?:tags?|share this|share on|share|posted in|filed under|categories|category|related|read also|see also)\s*:/i;
const STOP_PHRASES = [
  'tips',
  'tip',
  'pro tip',
  'pro tips',
  'interview tips',
  'bonus tips',
  'quick tips',
  'final tips',
  'tips for',
  'preparation tips',
  'how to prepare',
  'common mistakes',
  'common pitfalls',
  'mistakes to avoid',
  'pitfalls to avoid',
  'conclusion',
  'in conclusion',
  'final thoughts',
  'final words',
  'closing thoughts',
  'summary',
  'wrapping up',
  'wrap up',
  'wrap-up',
  'key takeaways',
  'takeaways',
  'share this',
  'share this article',
  'share this post',
  'related posts',
  'related articles',
  'related reading',
  'you may also like',
  'you might also like',
  'read more',
  'read next',
  'further reading',
  'resources',
  'references',
  'about the author',
  'comments',
  'leave a comment',
  'leave a reply',
  'subscribe',
  'newsletter',
  'table of contents',
  'contents',
  'follow us',
  'happy coding',
  'good luck',
  'next steps',
  'thanks for reading',
  'thank you for reading',
  'disclaimer',
  'faq about',
  'frequently asked questions about',
];

function isStopHeading(h: Heading): boolean {
  const t = h.text
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/^\d{1,3}[.)]\s+/, '')
    .trim();
  if (STOP_ANY_LENGTH.test(t)) return true;
  const colon = t.indexOf(':');
  if (colon >= 0 && t.slice(colon + 1).trim()) return false; // "Tip: use select_related" is answer text
  const body = trimEndOf(t, (c) => c === ':' || c === '.' || c === '!').trim();
  if (!body || body.split(/\s+/).length > 8) return false;
  return STOP_PHRASES.some((p) => body === p || body.startsWith(`${p} `));
}

const LEVEL_CONTEXT = /\b(?:levels?|questions?|interview|section|part|round|tier|stage|q&a)\b/i;

function levelHeading(h: Heading): string | null {
  const t = h.text.replace(/[*_`]/g, '').replace(/:$/, '').trim();
  if (!t || t.length > 80 || /[.?!,;]$/.test(t)) return null;
  const words = t.split(/\s+/);
  if (words.length > 9) return null;
  const level = levelFromText(t);
  if (!level) return null;
  if (words.length === 1) return level;
  if (LEVEL_CONTEXT.test(t)) return level;
  if ((h.depth !== null || h.emoji) && words.length <= 4) return level;
  return null;
}

/** A plain-text section title such as "Django ORM Questions" (short, no sentence punctuation, says "questions"). */
function isTopicLine(h: Heading): boolean {
  const t = h.text;
  if (t.length > 80 || /[.?!,;:]$/.test(t)) return false;
  const words = t.split(/\s+/).length;
  if (words > 8) return false;
  return /\bquestions\b/i.test(t) && (h.bold || h.emoji || /^[A-Z0-9]/.test(t));
}

/** "Keywords:", "Key terms (3):", "**Technical keywords used:**" … up to the colon; the value follows. */
const KEYWORD_LINE =
  /^(?:(?:technical|key|important|main|core|relevant)\s+)?(?:keywords?|key\s*terms?|key\s*words|buzzwords?|key\s*concepts)(?:\s+(?:to\s+\w+|used|mentioned))?\s*(?:\([^()]{0,30}\)\s*)?(?:(?:\*\*|__)\s*)?[:：]/i;

/** The value of a keyword line ('' when the keywords follow on the next line), or null. */
function readKeywordLine(text: string): string | null {
  // also "- Keywords: …" written as a bullet, and "**Keywords:** …"
  const t = text.replace(/^[-•*]\s+/, '').replace(/^(\*\*|__)/, '');
  const m = KEYWORD_LINE.exec(t);
  if (!m) return null;
  let value = t.slice(m[0].length).trimStart();
  if (value.startsWith('**') || value.startsWith('__')) value = value.slice(2).trimStart();
  return LINE_BREAK.test(value) ? null : value.trim();
}

/** "a, b; c | d · e" — or Prepdeck's own syntax (`a | alias; b`) when it has both `;` and `|`. */
function splitKeywords(value: string): KeywordSpec[] {
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

const BULLET = /^\s*([-•*●▪◦‣∙·+–])\s+(\S.*)$/;

function indentOf(raw: string): number {
  const m = /^[ \t]*/.exec(raw)![0];
  const width = m.replace(/\t/g, '    ').length;
  return Math.min(3, Math.floor(width / 2));
}

/** Inline clean-up: collapse runs of spaces (outside inline code the text is prose). */
function inlineText(s: string): string {
  return s.replace(/[ \t]{2,}/g, ' ').trim();
}

function normalizeSpaces(line: string): string {
  return line.replace(/[\u00A0\u2007\u202F]/g, ' ').replace(/[\u200B\u200C\u2060\uFEFF]/g, '');
}

function isTitleLike(h: Heading): boolean {
  if (h.depth === 1) return true;
  if (h.depth !== null && h.depth > 1) return false;
  const words = h.text.split(/\s+/).length;
  return h.text.length <= 150 && words >= 3 && !/[.?!,;:]$/.test(h.text) && !BULLET.test(h.text);
}

function cleanTitle(title: string | null): string {
  if (!title) return '';
  return title.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().slice(0, 120);
}

/** Lines that are code even without a fence (code pasted from a blog loses its formatting). */
function isCodeLine(line: string): boolean {
  const t = line.trim();
  if (/^(?:\$|>>>|\.\.\.)\s/.test(t)) return true;
  if (/^@[A-Za-z_][\w.]*(?:\(.*\))?$/.test(t)) return true;
  if (
    /^(?:def|class|async def|import|from\s+\S+\s+import|return|const|let|var|function|export|public|private|func|fn|package)\s/.test(
      t,
    ) &&
    !/[.!?]$/.test(t)
  ) {
    return /[=(){}:;[\]]|^import\s|^from\s/.test(t);
  }
  if (/^[\]})]+(?:[;,][;,)]*)?$/.test(t)) return true;
  if (/[{;]$/.test(t) && /[(){}=]/.test(t) && !/\s[a-z]+\s[a-z]+\s[a-z]+\s[a-z]+/.test(t)) return true;
  if (/^[A-Za-z_$][\w.$[\]'"]*\s*[+\-*/]?=\s*\S/.test(t) && !/\s[a-z]+\s[a-z]+\s[a-z]+\s[a-z]+/.test(t)) return true;
  if (
    /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*){0,20}\(.*\)[;,]?$/.test(t) &&
    !/\s[a-z]+\s[a-z]+\s[a-z]+\s[a-z]+\s/.test(t)
  )
    return true;
  if (/^(?:SELECT|INSERT INTO|UPDATE|DELETE FROM|CREATE (?:TABLE|INDEX|VIEW)|ALTER TABLE|DROP TABLE|WITH)\s/.test(t)) {
    return /\b(?:FROM|INTO|SET|TABLE|INDEX|VIEW|AS)\b|\*|;$/.test(t);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Answer building

type Item = { text: string; indent: number; ordered: number | null };
type Block =
  | { kind: 'para'; lines: string[] }
  | { kind: 'list'; items: Item[] }
  | { kind: 'code'; lines: string[]; lang: string; auto: boolean };

/** Collects an answer's lines into paragraphs, lists and code blocks, then writes them as clean Markdown. */
class AnswerBuilder {
  private blocks: Block[] = [];
  /** The block the next line continues, or null after a blank line. */
  private current: Block | null = null;
  private fenced: Block | null = null;

  isEmpty(): boolean {
    return this.blocks.length === 0;
  }

  blank(): void {
    if (this.current?.kind === 'code' && this.current.auto) {
      this.current.lines.push('');
      return;
    }
    this.current = null;
  }

  /** The number that would continue the current numbered list, if one is open. */
  orderedNext(): number | null {
    const list = this.lastList();
    const last = list?.items[list.items.length - 1];
    return last && last.ordered !== null ? last.ordered + 1 : null;
  }

  acceptsIndentedCode(): boolean {
    if (this.current === null) return true;
    return this.current.kind === 'code' || this.current.kind === 'para';
  }

  /** A line of running text; `raw` (with its indentation) is used if the line turns out to be code. */
  prose(text: string, raw: string = text): void {
    if (!text) return;
    if (this.isFirstLine() && /^(?:\*\*)?(?:answer|ans)\s*(?:[:.\-–]\s*)?(?:\*\*\s*)?$/i.test(text)) return;
    if (this.isFirstLine())
      text = text.replace(/^(?:\*\*)?(?:answer|ans)\s*[:\-–]\s*(?:\*\*)?\s*/i, '').replace(/^A\s*:\s+/, '');
    if (!text) return;
    if (isCodeLine(text)) {
      this.autoCode(raw);
      return;
    }
    const cur = this.current;
    if (cur?.kind === 'code' && cur.auto && !looksLikeProse(text)) {
      cur.lines.push(raw); // "FROM employees" continuing an unfenced SQL query
      return;
    }
    if (cur?.kind === 'list') {
      this.continueItem(cur, text);
      return;
    }
    if (cur?.kind === 'para') {
      cur.lines.push(text);
      return;
    }
    this.push({ kind: 'para', lines: [text] });
  }

  bullet(text: string, indent: number): void {
    this.item({ text, indent, ordered: null });
  }

  ordered(n: number, text: string, indent: number): void {
    this.item({ text, indent, ordered: n });
  }

  autoCode(line: string): void {
    const cur = this.current;
    if (cur?.kind === 'code' && cur.auto) {
      cur.lines.push(line.trimEnd());
      return;
    }
    this.push({ kind: 'code', lines: [line.trimEnd()], lang: '', auto: true });
  }

  startFence(lang: string): void {
    const block: Block = { kind: 'code', lines: [], lang, auto: false };
    this.push(block);
    this.fenced = block;
  }

  codeLine(raw: string): void {
    if (this.fenced?.kind === 'code') this.fenced.lines.push(raw.trimEnd());
  }

  endFence(): void {
    this.fenced = null;
    this.current = null;
  }

  toMarkdown(): string {
    const out: string[] = [];
    for (const b of this.blocks) {
      if (b.kind === 'para') out.push(joinParagraph(b.lines));
      else if (b.kind === 'list') {
        out.push(
          b.items
            .map((it) => `${'  '.repeat(it.indent)}${it.ordered !== null ? `${it.ordered}.` : '-'} ${it.text}`)
            .join('\n'),
        );
      } else {
        const lines = [...b.lines];
        while (lines.length && !lines[lines.length - 1]!.trim()) lines.pop();
        if (!lines.length && b.auto) continue;
        out.push(['```' + b.lang, ...dedent(lines), '```'].join('\n'));
      }
    }
    return out.join('\n\n').trim();
  }

  private isFirstLine(): boolean {
    return this.blocks.length === 0;
  }

  private push(block: Block): void {
    this.blocks.push(block);
    this.current = block;
  }

  private lastList(): Extract<Block, { kind: 'list' }> | null {
    const last = this.blocks[this.blocks.length - 1];
    return last?.kind === 'list' ? last : null;
  }

  private item(item: Item): void {
    // A list item right after a blank line continues the list above it ("- a", "", "- b" is one list).
    const list = this.current?.kind === 'list' ? this.current : this.current === null ? this.lastList() : null;
    if (list) {
      list.items.push(item);
      this.current = list;
      return;
    }
    this.push({ kind: 'list', items: [item] });
  }

  /**
   * A line that follows a bullet without a marker continues it (copy-paste breaks bullets across lines).
   * An " - " followed by a capital inside such a line is where a bullet break was lost:
   * "FileField/ImageField - Stores files outside" ends one bullet and starts the next.
   */
  private continueItem(list: Extract<Block, { kind: 'list' }>, text: string): void {
    const last = list.items[list.items.length - 1]!;
    const dashed = list.items.every((it) => it.ordered === null);
    let restText = text;
    while (dashed) {
      const at = restText.indexOf(' - ');
      if (at <= 0) break;
      const next = restText.slice(at + 3).trimStart();
      if (!/^[A-Z`*"“(]/.test(next)) break;
      const target = list.items[list.items.length - 1]!;
      target.text = `${target.text} ${restText.slice(0, at).trim()}`.trim();
      list.items.push({ text: '', indent: target.indent, ordered: null });
      restText = next;
    }
    const target = list.items[list.items.length - 1] ?? last;
    target.text = `${target.text} ${restText}`.trim();
  }
}

function looksLikeProse(t: string): boolean {
  return (/[.!?:]$/.test(t) && t.split(/\s+/).length >= 4) || /(?:^|\s)[a-z]+\s[a-z]+\s[a-z]+\s[a-z]+(?:\s|$)/.test(t);
}

function joinParagraph(lines: string[]): string {
  let out = '';
  lines.forEach((line, i) => {
    if (i === 0) out = line;
    else {
      const prev = lines[i - 1]!;
      const hard = line.startsWith('|') || prev.startsWith('|');
      out += hard ? `\n${line}` : ` ${line}`;
    }
  });
  return out;
}

function dedent(lines: string[]): string[] {
  let min = Infinity;
  for (const l of lines) {
    if (!l.trim()) continue;
    const n = /^[ \t]*/.exec(l)![0].length;
    if (n < min) min = n;
  }
  if (!Number.isFinite(min) || min === 0) return lines;
  return lines.map((l) => l.slice(Math.min(min, /^[ \t]*/.exec(l)![0].length)));
}
