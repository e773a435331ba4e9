/** The answer of an article's question: its lines collected into paragraphs, lists and code, written as Markdown. */
import { isAnswerLabel, stripAnswerLabel } from './article-lines';

/** Lines that are code even without a fence (code pasted from a blog loses its formatting). */
export function isCodeLine(line: string): boolean {
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

type Item = { text: string; indent: number; ordered: number | null };
type Block =
  | { kind: 'para'; lines: string[] }
  | { kind: 'list'; items: Item[] }
  | { kind: 'code'; lines: string[]; lang: string; auto: boolean };

/** Collects an answer's lines into paragraphs, lists and code blocks, then writes them as clean Markdown. */
export class AnswerBuilder {
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

  /** An unfenced code block is open: an indented line continues it, whatever it says ("tags: list = []"). */
  inAutoCode(): boolean {
    return this.current?.kind === 'code' && this.current.auto;
  }

  acceptsIndentedCode(): boolean {
    if (this.current === null) return true;
    return this.current.kind === 'code' || this.current.kind === 'para';
  }

  /** A line of running text; `raw` (with its indentation) is used if the line turns out to be code. */
  prose(text: string, raw: string = text): void {
    if (!text) return;
    if (this.isFirstLine() && isAnswerLabel(text)) return;
    if (this.isFirstLine()) text = stripAnswerLabel(text);
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
    if (cur?.kind === 'list' && !endsNumberedList(cur, text)) {
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

/**
 * A sentence after a numbered list whose last item is a whole sentence is the paragraph after the list ("3. Template
 * — the presentation layer." then "The controller part is …"), not more of that item.
 */
function endsNumberedList(list: Extract<Block, { kind: 'list' }>, text: string): boolean {
  const last = list.items[list.items.length - 1];
  return last !== undefined && last.ordered !== null && /[.!?]$/.test(last.text) && /^[A-Z]/.test(text);
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
