import { MAX_HEADING_LINE, readHeading, readNumbered, type Heading, type Numbered } from './article-lines';
import { startsLikeQuestion } from './article-vocabulary';

/**
 * How an article numbers its questions, found before it is read: `1.`, `1)`, `Q1.`, `Q.1:`, `Q 1 -`, `Question 1:`,
 * `#1`, in bold or as a heading. Once that is known, a numbered list written another way inside an answer
 * ("Ans: The parts are:" then "1. Model …") is part of the answer, not the next question.
 */
export interface QuestionNumbering {
  /** The style of the article's question numbers (see numberStyle), or null when it numbers none. */
  style: string | null;
  /** Lines (0-based) of a table of contents: numbered questions that the article repeats, with their answers, later. */
  contents: ReadonlySet<number>;
  /**
   * For each line numbered in the question style, the number of the next such line: when it is the same number
   * ("3. Error messages?" then "3. What is Y?"), the first is the end of a list and the second the question.
   */
  nextNumber: ReadonlyMap<number, number>;
}

/** How a numbered line is written: heading depth, bold, and the marker around the number (`h3 n.`, `*Question n:`). */
export function numberStyle(h: Heading, n: Numbered): string {
  return `${h.depth !== null ? `h${h.depth} ` : ''}${h.bold && !n.marker.startsWith('*') ? '*' : ''}${n.marker}`;
}

/**
 * Styles that number the same questions: a page is not consistent in the punctuation of its question labels
 * ("Q1." then "Q2:"; "### 1." then "### 2)"), but a plain list's `1.` and `1)` are two lists.
 */
export function sameNumbering(a: string, b: string): boolean {
  return a === b || (family(a) !== null && family(a) === family(b));
}

function family(style: string): string | null {
  const q = /Q(?:uestion)?\.?#?n|#n/.exec(style);
  if (q) return `${style.slice(0, q.index)}${q[0].startsWith('#') ? '#' : 'Q'}`;
  const heading = /^h\d /.exec(style);
  if (heading) return heading[0];
  return style.startsWith('*') ? '*' : null;
}

/** A style that only a question would be written in (`Q1.`, `### 1.`, `**1.**`), not a plain list's `1.` or `1)`. */
export function isQuestionOnlyStyle(style: string): boolean {
  return !/^\(?n[.)\-: ]$/.test(style);
}

interface Item {
  index: number;
  n: number;
  style: string;
  key: string;
  questionLike: boolean;
}

export function findQuestionNumbering(lines: readonly string[]): QuestionNumbering {
  const items = numberedLines(lines);
  const score = new Map<string, number>();
  for (const it of items) if (it.questionLike) score.set(it.style, (score.get(it.style) ?? 0) + 1);
  let style: string | null = null;
  let best = 0;
  for (const [s, count] of score) {
    // A tie goes to the style only a question is written in: the plain one is then the answers' lists.
    if (count > best || (count === best && style !== null && !isQuestionOnlyStyle(style) && isQuestionOnlyStyle(s))) {
      style = s;
      best = count;
    }
  }
  if (style === null) return { style, contents: new Set(), nextNumber: new Map() };
  const ofStyle = items.filter((it) => it.style === style);
  const nextNumber = new Map<number, number>();
  for (let i = 0; i + 1 < ofStyle.length; i++) nextNumber.set(ofStyle[i]!.index, ofStyle[i + 1]!.n);
  return { style, contents: tableOfContents(lines, ofStyle), nextNumber };
}

function numberedLines(lines: readonly string[]): Item[] {
  const out: Item[] = [];
  let fence: string | null = null;
  lines.forEach((raw, index) => {
    const trimmed = raw.trim();
    const marker = /^(`{3,}|~{3,})/.exec(trimmed)?.[1];
    if (fence !== null) {
      if (marker !== undefined && trimmed.startsWith(fence)) fence = null;
      return;
    }
    if (marker !== undefined) {
      fence = marker;
      return;
    }
    if (!trimmed || /^(?: {4,}|\t)/.test(raw)) return;
    const h: Heading =
      trimmed.length <= MAX_HEADING_LINE
        ? readHeading(trimmed)
        : { text: trimmed, depth: null, bold: false, emoji: false };
    const numbered = readNumbered(h.text);
    if (!numbered) return;
    out.push({
      index,
      n: numbered.n,
      style: numberStyle(h, numbered),
      key: numbered.text.toLowerCase().replace(/[*_`]/g, '').replace(/\s+/g, ' ').slice(0, 200),
      questionLike: /\?\s*(?:\*\*)?$/.test(numbered.text) || startsLikeQuestion(numbered.text),
    });
  });
  return out;
}

/**
 * The numbered questions listed before the article asks them: each is repeated later in the same style, stands in a
 * run of such entries, and is followed by another entry or a heading rather than by an answer.
 */
function tableOfContents(lines: readonly string[], ofStyle: readonly Item[]): Set<number> {
  const entries = new Set(ofStyle.map((it) => it.index));
  const lastAt = new Map<string, number>();
  for (const it of ofStyle) lastAt.set(it.key, it.index);
  const contents = new Set<number>();
  for (const it of ofStyle) {
    if (lastAt.get(it.key) === it.index) continue;
    const next = nextLine(lines, it.index);
    const nextIsEntry = next !== null && entries.has(next);
    const nextText = next === null ? '' : lines[next]!.trim();
    const nextIsHeading = nextText.length < 120 && !/[.!?:;,]$/.test(nextText) && nextText.split(/\s+/).length <= 12;
    const prev = previousLine(lines, it.index);
    const inRun = nextIsEntry || (prev !== null && entries.has(prev));
    if (inRun && (next === null || nextIsEntry || nextIsHeading)) contents.add(it.index);
  }
  return contents;
}

function nextLine(lines: readonly string[], index: number): number | null {
  for (let i = index + 1; i < lines.length; i++) if (lines[i]!.trim()) return i;
  return null;
}

function previousLine(lines: readonly string[], index: number): number | null {
  for (let i = index - 1; i >= 0; i--) if (lines[i]!.trim()) return i;
  return null;
}
