import type { ImportWarning, KeywordSpec, ParsedDeck, ParsedQuestion } from '../../shared/domain';

/**
 * The Prepdeck Markdown deck format (documented in the README):
 * `# Deck`, optional description and `Levels:` line, `## Level`, `### Prompt`,
 * then `Id:` / `Keywords:` / `Tags:` metadata lines, then the model answer in Markdown.
 *
 * An answer with lines the parser would read as structure (a `#`–`###` heading outside a code fence, a code fence
 * left open, a first line that looks like metadata) is written between a line `<!-- answer -->` and a line
 * `<!-- /answer -->`; what is between them is the answer, verbatim. Other answers are written bare.
 *
 * Every pattern here is anchored and linear: lines can be megabytes long.
 */

const FENCE = /^\s*(```|~~~)/;
const META_KEY = /^(id|keywords|tags|level)\s*:/i;
const LEVELS_KEY = /^levels\s*:/i;
/** What `.` in a regex does not match: a heading or metadata value holding one of these was never read as such. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;
const MAX_WEIGHT = 5;

/** The line that opens a wrapped answer, and the one that closes it. */
export const ANSWER_OPEN = '<!-- answer -->';
export const ANSWER_CLOSE = '<!-- /answer -->';

/** A `#`, `##` or `###` heading (`line` without trailing white space): its depth and title, or null. */
function headingOf(line: string): { depth: number; title: string } | null {
  let depth = 0;
  while (depth < line.length && depth < 4 && line[depth] === '#') depth++;
  if (depth < 1 || depth > 3 || !/\s/.test(line.charAt(depth))) return null;
  const title = line.slice(depth).trim();
  return title && !LINE_BREAK.test(title) ? { depth, title } : null;
}

/** `key: value` for the keys in `pattern` (`line` trimmed), or null. */
function keyValue(line: string, pattern: RegExp): { key: string; value: string } | null {
  const m = pattern.exec(line);
  if (!m) return null;
  const value = line.slice(m[0].length).trim();
  return LINE_BREAK.test(value) ? null : { key: m[1]?.toLowerCase() ?? '', value };
}

/**
 * For each line that opens a wrapped answer, the line that closes it: the `<!-- /answer -->` that balances it,
 * counting the `<!-- answer -->` / `<!-- /answer -->` lines in between (so an answer may show the markers in pairs).
 * An answer with a marker line that has no partner cannot be written so that it reads back the same.
 */
export function matchAnswerMarkers(lines: readonly string[]): Map<number, number> {
  const open: number[] = [];
  const matches = new Map<number, number>();
  lines.forEach((line, index) => {
    const t = line.trim();
    if (t === ANSWER_OPEN) open.push(index);
    else if (t === ANSWER_CLOSE && open.length) matches.set(open.pop()!, index);
  });
  return matches;
}

/** The answer, as its own lines, would not read back as it is: it must be wrapped (see the top of this file). */
export function needsWrapping(answer: string): boolean {
  const lines = answer.split(/\r?\n/);
  const first = lines[0]!.trim();
  if (first === ANSWER_OPEN || keyValue(first, META_KEY)) return true;
  let inFence = false;
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (FENCE.test(line)) inFence = !inFence;
    else if (!inFence && headingOf(line)) return true;
  }
  return inFence; // a fence left open would swallow the headings that follow
}

export function parseKeywordList(value: string): KeywordSpec[] {
  const specs: KeywordSpec[] = [];
  for (const part of value.split(';')) {
    const names = part
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean);
    if (names.length === 0) continue;
    // The weight may follow the label (`a *2 | b`) or close the whole keyword (`a | b *2`).
    let weight = 1;
    for (const at of new Set([0, names.length - 1])) {
      const weighted = /^(.*\S)\s+\*([1-9]\d*)$/.exec(names[at]!);
      if (!weighted) continue;
      names[at] = weighted[1]!;
      weight = Math.max(weight, Math.min(MAX_WEIGHT, Number(weighted[2])));
    }
    const label = names[0]!;
    const aliases = [...new Set(names.slice(1))].filter((a) => a.toLowerCase() !== label.toLowerCase());
    specs.push({ label, aliases, weight });
  }
  return specs;
}

export function formatKeywordList(keywords: readonly KeywordSpec[]): string {
  return keywords.map((k) => [k.weight > 1 ? `${k.label} *${k.weight}` : k.label, ...k.aliases].join(' | ')).join('; ');
}

interface Draft {
  question: ParsedQuestion;
  inMeta: boolean;
  /** A metadata line was read; the blank line after the block ends it (so an answer may start with "Tags: …"). */
  sawMeta: boolean;
  body: string[];
  /** A line of the answer that is not blank was read. */
  hasText: boolean;
}

/** A question just opened by its "### prompt" heading, its metadata lines still to come. */
function newDraft(level: string, prompt: string, line: number): Draft {
  return {
    question: { key: null, level, prompt, answer: '', keywords: [], keywordsSuggested: false, tags: [], line },
    inMeta: true,
    sawMeta: false,
    body: [],
    hasText: false,
  };
}

/** Reads a metadata line under a question (`id:`, `keywords:`, `tags:`, `level:`); false when the line is not one. */
function readMetaLine(draft: Draft, line: string): boolean {
  const meta = keyValue(line, META_KEY);
  if (!meta) return false;
  draft.sawMeta = true;
  const { key, value } = meta;
  if (key === 'id') draft.question.key = value || null;
  else if (key === 'keywords') draft.question.keywords.push(...parseKeywordList(value));
  else if (key === 'tags')
    draft.question.tags.push(
      ...value
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    );
  else if (key === 'level' && value) draft.question.level = value;
  return true;
}

export function parseDeckMarkdown(text: string): ParsedDeck {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const markers = matchAnswerMarkers(lines);
  const warnings: ImportWarning[] = [];
  const questions: ParsedQuestion[] = [];
  let name = '';
  const description: string[] = [];
  let declaredLevels: string[] | null = null;
  const seenLevels: string[] = [];
  let level: string | null = null;
  let draft: Draft | null = null;
  let inFence = false;

  const finish = (): void => {
    if (!draft) return;
    const q = draft.question;
    q.answer = draft.body.join('\n').trim();
    if (!q.answer) warnings.push({ line: q.line, message: `"${q.prompt}" has no model answer.` });
    if (q.keywords.length === 0) warnings.push({ line: q.line, message: `"${q.prompt}" has no keywords.` });
    questions.push(q);
    draft = null;
  };

  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const lineNo = index + 1;
    const line = raw.trimEnd();
    if (FENCE.test(line)) inFence = !inFence;
    const heading = inFence ? null : headingOf(line);
    if (heading) {
      const { depth, title } = heading;
      if (depth === 1 && !name && !draft && level === null) {
        name = title;
        continue;
      }
      if (depth === 2) {
        finish();
        level = title.replace(/^level\s*:\s*/i, '');
        if (!seenLevels.includes(level)) seenLevels.push(level);
        continue;
      }
      if (depth === 3) {
        finish();
        if (level === null) {
          warnings.push({
            line: lineNo,
            message: `"${title}" comes before any "## Level" heading; it was put under "Unsorted".`,
          });
          level = 'Unsorted';
          if (!seenLevels.includes(level)) seenLevels.push(level);
        }
        draft = newDraft(level, title, lineNo);
        continue;
      }
    }
    if (!draft) {
      if (level === null && name) {
        const levelsLine = keyValue(line.trim(), LEVELS_KEY);
        if (levelsLine?.value) {
          declaredLevels = levelsLine.value
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
        } else {
          description.push(line);
        }
      } else if (line.trim()) {
        warnings.push({ line: lineNo, message: 'Text outside any question was ignored.' });
      }
      continue;
    }
    if (!inFence && !draft.hasText && line.trim() === ANSWER_OPEN) {
      const close = markers.get(index);
      if (close !== undefined) {
        // A wrapped answer: everything up to the matching close line, verbatim.
        for (let inner = index + 1; inner < close; inner++) draft.body.push(lines[inner]!);
        draft.inMeta = false;
        draft.hasText = true;
        index = close;
        continue;
      }
      warnings.push({
        line: lineNo,
        message: `"${ANSWER_OPEN}" has no "${ANSWER_CLOSE}" after it; it was read as part of the answer.`,
      });
    }
    if (draft.inMeta && !inFence) {
      if (!line.trim()) {
        if (draft.sawMeta) draft.inMeta = false;
        continue;
      }
      if (readMetaLine(draft, line.trim())) continue;
    }
    draft.inMeta = false;
    draft.body.push(raw);
    if (line) draft.hasText = true;
  }
  finish();
  if (inFence)
    warnings.push({ line: lines.length, message: 'A code block is never closed (``` without its closing ```).' });

  const levels = declaredLevels ?? seenLevels;
  for (const q of questions) {
    if (!levels.includes(q.level)) levels.push(q.level);
  }
  return { name, description: description.join('\n').trim(), levels, questions, warnings };
}

/** Text on one line: each line break, with the white space around it, becomes one space (in linear time). */
export function oneLine(text: string): string {
  if (!LINE_BREAK.test(text)) return text;
  return text
    .split(/[\n\r\u2028\u2029]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
}
