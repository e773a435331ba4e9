import type { ImportWarning, KeywordSpec, LevelHint, ParsedDeck, ParsedQuestion } from '../../../shared/domain';
import { AnswerBuilder } from './answer-builder';
import {
  BULLET,
  cleanTitle,
  indentOf,
  inlineText,
  MAX_HEADING_LINE,
  normalizeSpaces,
  readHeading,
  readKeywordLine,
  readNumbered,
  readPrompt,
  splitKeywords,
  trimEndOf,
  type Heading,
  type Numbered,
} from './article-lines';
import {
  findQuestionNumbering,
  isQuestionOnlyStyle,
  numberStyle,
  sameNumbering,
  type QuestionNumbering,
} from './article-numbering';
import {
  isAboutTheInterview,
  isFaqHeading,
  isFurniture,
  isShortTitle,
  isStopHeading,
  isThematicBreak,
  isTitleLike,
  isTopicLine,
  levelHeading,
  startsLikeQuestion,
} from './article-vocabulary';
import { ImportError } from './errors';
import { orderLevels } from './levels';
import { suggestKeywords } from './suggest';

/**
 * Reads the plain text of a typical "interview questions" blog post (pasted, or saved as .txt/.md): numbered
 * questions under level headings, prose or bulleted answers, optional keyword lines, and sections that are not
 * questions (tips, conclusion, share links) which are left out.
 *
 * One pass over the lines, after a first look at how the article numbers its questions (article-numbering.ts). What a
 * line is comes from the line readers (article-lines.ts) and the vocabularies (article-vocabulary.ts); what it means
 * here — a new question, a level, part of an answer, or furniture — is decided by the state below.
 */
export interface ArticleOptions {
  deckName?: string;
  /** Name when the article has no title line (default "Imported questions"). */
  fallbackName?: string;
  /** Level for questions of an article that names no level (default Intermediate). */
  defaultLevel?: string;
  /** Keywords are never suggested from these words (the deck's name): every question of the deck is about them. */
  topicWords?: readonly string[];
}

export const NO_QUESTIONS_MESSAGE = 'No questions found: Prepdeck looks for numbered questions such as “1. What is …?”';

export function parseArticle(text: string, opts: ArticleOptions = {}): ParsedDeck {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(normalizeSpaces);
  return new ArticleReader(lines, findQuestionNumbering(lines), opts).read();
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

/** A question read, before the questions ahead of the first level heading know their level. */
type Read = Omit<ParsedQuestion, 'level'> & { level: string | null };

const FENCE_OPEN = /^(`{3,}|~{3,})\s*([\w+#.-]*)/;

class ArticleReader {
  private readonly read_: Read[] = [];
  private readonly warnings: ImportWarning[] = [];
  private readonly seenPrompts = new Map<string, number>();
  private readonly hints: LevelHint[] = [];
  private title: string | null = null;
  private level: string | null = null;
  private draft: Draft | null = null;
  /** Inside a section that is not questions (tips, conclusion, …) or after the page's furniture. */
  private ignoring = false;
  /** Inside a FAQ section: questions about the subject are kept, questions about the interview are not. */
  private faq = false;
  private lastNumber: number | null = null;
  private fence: string | null = null;
  private pendingKeywords: 'line' | 'bullets' | null = null;
  private sawQuestion = false;
  private seenContent = false;
  private index = 0;

  constructor(
    private readonly lines: readonly string[],
    private readonly numbering: QuestionNumbering,
    private readonly opts: ArticleOptions,
  ) {}

  read(): ParsedDeck {
    for (this.index = 0; this.index < this.lines.length; this.index++) this.readLine();
    this.finish();
    if (this.read_.length === 0) throw new ImportError(NO_QUESTIONS_MESSAGE);
    const questions = this.placeLevels();
    this.warnings.sort((a, b) => a.line - b.line);
    return {
      name:
        this.opts.deckName?.trim() || cleanTitle(this.title) || this.opts.fallbackName?.trim() || 'Imported questions',
      description: '',
      levels: orderLevels(questions.map((q) => q.level)),
      questions,
      warnings: this.warnings,
      levelHints: this.hints,
    };
  }

  /**
   * Questions before the first level heading take the level of that heading; with no level heading at all, every
   * question has the default level (the preview lets the person choose it).
   */
  private placeLevels(): ParsedQuestion[] {
    const first = this.hints[0]?.level ?? null;
    const fallback = this.opts.defaultLevel?.trim() || 'Intermediate';
    const ahead = this.read_.filter((q) => q.level === null);
    if (first !== null && ahead.length > 0) {
      this.warnings.push({
        line: ahead[0]!.line,
        message:
          ahead.length === 1
            ? `This question comes before the first level heading; it was put under ${first}, the level of that heading.`
            : `${ahead.length} questions come before the first level heading; they were put under ${first}, the level of that heading.`,
      });
    }
    return this.read_.map((q) => ({ ...q, level: q.level ?? first ?? fallback }));
  }

  private readLine(): void {
    const raw = this.lines[this.index]!;
    const trimmed = raw.trim();
    if (this.readFence(raw, trimmed)) return;
    if (!trimmed) {
      this.draft?.answer.blank();
      return;
    }
    if (this.numbering.contents.has(this.index)) return; // a table of contents: the questions come later
    const d = this.answering();
    if (d && /^(?: {4,}|\t)/.test(raw) && d.answer.inAutoCode()) {
      d.answer.autoCode(raw.replace(/^(?: {4}|\t)/, '')); // indented code goes on, whatever it says ("tags: …")
      return;
    }
    // Only a line of sane length is read as a heading (`#`s, emoji, bold): a longer one is plain text, which may
    // still be a numbered question ("1. What is …? It is …", a whole paragraph) or a keyword line.
    const h: Heading =
      trimmed.length <= MAX_HEADING_LINE
        ? readHeading(trimmed)
        : { text: trimmed, depth: null, bold: false, emoji: false };
    const numbered = readNumbered(h.text);
    if (this.readTitle(h, numbered) || this.readSectionEnd(h, trimmed)) return;
    if (numbered && this.readNumberedLine(h, numbered, raw)) return;
    if (this.readLevelHeading(h) || this.readUnnumberedQuestion(h) || this.readOtherHeading(h)) return;
    if (this.readKeywords(h, trimmed)) return;
    this.readAnswerLine(raw, trimmed);
  }

  /** The draft whose answer the next line may belong to. */
  private answering(): Draft | null {
    return this.ignoring ? null : this.draft;
  }

  /** Fenced code: kept verbatim in the answer, never parsed. */
  private readFence(raw: string, trimmed: string): boolean {
    const d = this.answering();
    if (this.fence !== null) {
      if (trimmed.startsWith(this.fence) && trimmed.slice(this.fence.length).trim() === '') this.fence = null;
      if (d) {
        if (this.fence === null) d.answer.endFence();
        else d.answer.codeLine(raw);
      }
      return true;
    }
    const open = FENCE_OPEN.exec(trimmed);
    if (!open) return false;
    this.fence = open[1]!;
    d?.answer.startFence(open[2] ?? '');
    return true;
  }

  /** The first line is the article's title; it may also name a level ("Advanced Django Interview Questions"). */
  private readTitle(h: Heading, numbered: Numbered | null): boolean {
    const isFirstLine = !this.seenContent;
    this.seenContent = true;
    if (!isFirstLine || numbered || !isTitleLike(h)) return false;
    this.title = h.text;
    const level = levelHeading(h);
    if (level) this.setLevel(level, h.text);
    return true;
  }

  /** Stop sections ("Tips", "Conclusion", "Tags: #django"), FAQ headings, the page's furniture, a `---`. */
  private readSectionEnd(h: Heading, trimmed: string): boolean {
    if (isStopHeading(h) || isThematicBreak(trimmed) || (this.answering() && isFurniture(h.text))) {
      this.finish();
      this.ignoring = true;
      return true;
    }
    if (isFaqHeading(h)) {
      this.finish();
      this.ignoring = false;
      this.faq = true;
      return true;
    }
    return false;
  }

  /** Numbered items: a section heading, a new question, or a numbered list inside the current answer. */
  private readNumberedLine(h: Heading, numbered: Numbered, raw: string): boolean {
    const d = this.draft;
    if (!/\?/.test(numbered.text) && !startsLikeQuestion(numbered.text)) {
      // "2. Intermediate Level" or "3. Django ORM Questions" are section headings that happen to be numbered.
      const asHeading: Heading = { ...h, text: numbered.text };
      const sectionLevel = levelHeading(asHeading);
      if (sectionLevel || (isTopicLine(asHeading) && (d === null || numbered.n !== (d.answer.orderedNext() ?? -1)))) {
        this.finish();
        this.ignoring = false;
        if (sectionLevel) this.setLevel(sectionLevel, numbered.text);
        return true;
      }
    }
    if (this.isNumberedQuestion(h, numbered)) {
      const { prompt, rest, consumed } = readPrompt(numbered.text, this.lines, this.index);
      this.index += consumed;
      this.open(prompt, numbered.n, h.depth, rest);
      return true;
    }
    this.answering()?.answer.ordered(numbered.n, inlineText(numbered.text), indentOf(raw));
    return true;
  }

  private isNumberedQuestion(h: Heading, numbered: Numbered): boolean {
    const d = this.draft;
    const style = this.numbering.style;
    const own = numberStyle(h, numbered);
    const expected = this.lastNumber === null ? 1 : this.lastNumber + 1;
    const asks = /\?\s*$/.test(numbered.text);
    // Once the article's question numbering is known, an item numbered another way is part of an answer — unless it
    // is the next question, written apart from the others ("5. What …?" among "**4. What …?**").
    if (style !== null && !sameNumbering(own, style)) {
      return this.sawQuestion && asks && numbered.n === expected && d?.answer.orderedNext() !== numbered.n;
    }
    if (style !== null && isQuestionOnlyStyle(style)) return true;
    const strong = h.depth !== null || h.bold || numbered.q || asks;
    const medium = startsLikeQuestion(numbered.text);
    if (!d) return !this.ignoring || strong;
    const continuesList = d.answer.orderedNext() === numbered.n;
    if (continuesList && (!strong || this.numbering.nextNumber.get(this.index) === numbered.n)) return false;
    // A list restarting at 1 inside an answer is the answer's, even with a "?" ("1. Why? Because …").
    if (strong) return !(style !== null && numbered.n === 1 && this.lastNumber !== null && !d.answer.isEmpty());
    if (d.answer.isEmpty()) return medium && numbered.n === expected;
    if (medium) return numbered.n === expected;
    return numbered.n === expected && isShortTitle(numbered.text) && d.answer.orderedNext() === null;
  }

  /** Level headings: "🚀 Advanced-Level Interview Questions", "## Expert", "Bonus Scenario-Based Questions". */
  private readLevelHeading(h: Heading): boolean {
    const level = levelHeading(h);
    if (!level) return false;
    this.finish();
    this.setLevel(level, h.text);
    this.ignoring = false;
    this.faq = false;
    if (this.title === null && !this.sawQuestion && h.depth === 1) this.title = h.text;
    return true;
  }

  /** Unnumbered questions styled as headings or bold lines, or "Q: …". */
  private readUnnumberedQuestion(h: Heading): boolean {
    const qLine = /^Q\s*[:.]\s*(\S.*)$/i.exec(h.text);
    const styled = h.depth !== null || h.bold;
    const boldLead = /^\*\*[^*]{1,300}\?\*\*\s*\S/.test(h.text); // "**What is DRF?** A toolkit …"
    const styledQuestion =
      styled && h.depth !== 1 && (/\?\s*$/.test(h.text) || (h.depth !== null && startsLikeQuestion(h.text)));
    if (!qLine && !boldLead && !styledQuestion) return false;
    const inner = this.answering();
    if (inner && h.depth !== null && inner.depth !== null && h.depth > inner.depth) {
      inner.answer.prose(`**${h.text}**`);
      return true;
    }
    const { prompt, rest, consumed } = readPrompt(qLine ? qLine[1]! : h.text, this.lines, this.index);
    this.index += consumed;
    this.open(prompt, null, h.depth, rest);
    return true;
  }

  /** Other headings: a deeper heading inside an answer is answer text; otherwise a topic heading ends the answer. */
  private readOtherHeading(h: Heading): boolean {
    if (h.depth === null && !isTopicLine(h)) return false;
    const inner = this.answering();
    if (inner && h.depth !== null && (inner.depth === null ? h.depth > 3 : h.depth > inner.depth)) {
      inner.answer.prose(`**${h.text}**`);
      return true;
    }
    this.finish();
    this.ignoring = false;
    if (!this.sawQuestion && this.title === null && h.depth === 1) this.title = h.text;
    return true;
  }

  /** Keyword lines: "Keywords: a, b", "🔑 Technical Keywords:" (then the keywords on the next line or bullets). */
  private readKeywords(h: Heading, trimmed: string): boolean {
    const kw = readKeywordLine(h.text);
    const d = this.answering();
    if (kw !== null) {
      if (d) {
        const list = splitKeywords(kw);
        if (list.length) addKeywords(d, list);
        else this.pendingKeywords = 'line';
      }
      return true;
    }
    if (!this.pendingKeywords || !d) return false;
    const bullet = BULLET.exec(trimmed);
    if (bullet) {
      addKeywords(d, splitKeywords(bullet[2]!));
      this.pendingKeywords = 'bullets';
      return true;
    }
    const wasLine = this.pendingKeywords === 'line';
    this.pendingKeywords = null;
    if (wasLine) addKeywords(d, splitKeywords(trimmed));
    return wasLine;
  }

  /** Answer text: bullets, indented code, prose. Text outside questions (introductions) is left out. */
  private readAnswerLine(raw: string, trimmed: string): void {
    const d = this.answering();
    if (!d) return;
    const bullet = BULLET.exec(raw.replace(/^\s*>\s?/, ''));
    if (bullet) {
      d.answer.bullet(inlineText(bullet[2]!), indentOf(raw));
      return;
    }
    if (/^(?: {4,}|\t)/.test(raw) && d.answer.acceptsIndentedCode()) {
      d.answer.autoCode(raw.replace(/^(?: {4}|\t)/, ''));
      return;
    }
    d.answer.prose(inlineText(trimmed.replace(/^>\s?/, '')), raw.replace(/^\s*>\s?/, '').trimEnd());
  }

  private setLevel(level: string, text: string): void {
    this.level = level;
    const key = cleanTitle(text).toLowerCase();
    if (!this.hints.some((x) => x.text.toLowerCase() === key)) {
      this.hints.push({ text: cleanTitle(text), level, line: this.index + 1 });
    }
  }

  private open(prompt: string, number: number | null, depth: number | null, rest: string): void {
    this.finish();
    const line = this.index + 1;
    if (number !== null) this.lastNumber = number;
    if (this.faq && isAboutTheInterview(prompt)) {
      this.ignoring = true; // "How long does it take to prepare?": a question about the interview, not the subject
      return;
    }
    this.ignoring = false;
    this.sawQuestion = true;
    this.draft = { prompt, line, level: this.level, depth, answer: new AnswerBuilder(), keywords: [] };
    if (rest) this.draft.answer.prose(rest);
  }

  private finish(): void {
    this.pendingKeywords = null;
    const d = this.draft;
    if (!d) return;
    this.draft = null;
    const answer = d.answer.toMarkdown();
    if (!answer) {
      this.warnings.push({ line: d.line, message: `"${d.prompt}" has no answer; it was skipped.` });
      return;
    }
    const dupKey = trimEndOf(d.prompt.toLowerCase(), (c) => /[\s?.!:]/.test(c)).replace(/\s+/g, ' ');
    const earlier = this.seenPrompts.get(dupKey);
    if (earlier !== undefined) {
      this.warnings.push({
        line: d.line,
        message: `"${d.prompt}" appears twice (also on line ${earlier}); both were kept.`,
      });
    } else this.seenPrompts.set(dupKey, d.line);
    const given = d.keywords.length > 0;
    this.read_.push({
      key: null,
      level: d.level,
      prompt: d.prompt,
      answer,
      keywords: given ? d.keywords : suggestKeywords(answer, { prompt: d.prompt, topic: this.topicWords() }),
      keywordsSuggested: !given,
      tags: [],
      line: d.line,
    });
  }

  /** The subject of the whole article, from its title or the deck's name: never a keyword of one question. */
  private topicWords(): string[] {
    return [...(this.opts.topicWords ?? []), this.opts.deckName ?? '', this.title ?? ''].filter(Boolean);
  }
}

function addKeywords(draft: Draft, list: KeywordSpec[]): void {
  for (const k of list) {
    if (!draft.keywords.some((e) => e.label.toLowerCase() === k.label.toLowerCase())) draft.keywords.push(k);
  }
}
