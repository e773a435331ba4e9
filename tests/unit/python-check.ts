/**
 * A small structural check of Python source, for the code blocks of model answers: no Python is needed at test
 * time. It is not a parser; it finds the mistakes a hand-written snippet makes:
 * - strings: '…', "…", triple-quoted (across lines), with prefixes (r, b, u, f and their pairs); a one-line string
 *   left open; in f-strings, balanced `{…}` (with `{{` / `}}` as literal braces) and no reuse of the delimiting
 *   quote inside a replacement field (invalid before Python 3.12, and Django 5.2 supports 3.10);
 * - comments (`#` outside strings) are ignored;
 * - brackets ()[]{} balanced and matched, across lines;
 * - a line starting a block (def, class, if, elif, else, for, while, try, except, finally, with, async def/for/with)
 *   has its `:` outside brackets, and when the `:` ends the line, the next statement is indented one level deeper;
 * - indentation: spaces only, each block 4 spaces deeper than the line that opens it, a dedent returns to a level
 *   that was open, and no indent without a block opening.
 */

export interface PythonProblem {
  /** 1-based line in the snippet. */
  line: number;
  message: string;
}

const BLOCK_STARTERS = new Set([
  'def',
  'class',
  'if',
  'elif',
  'else',
  'for',
  'while',
  'try',
  'except',
  'finally',
  'with',
]);
const ASYNC_BLOCKS = new Set(['def', 'for', 'with']);
const STRING_PREFIX = /^(?:r|u|b|f|br|rb|fr|rf)$/i;
const CLOSING: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

interface LogicalLine {
  line: number;
  indent: number;
  /** The code with strings blanked out and comments removed, trimmed. */
  code: string;
  /** Whether a `:` outside brackets ends the code. */
  opensBlock: boolean;
  /** Whether the code has a `:` outside brackets at all. */
  hasTopColon: boolean;
}

/** The problems found in `source` (empty when it looks like valid Python). */
export function checkPython(source: string): PythonProblem[] {
  const problems: PythonProblem[] = [];
  const lines = splitLogicalLines(source, problems);
  checkBlocks(lines, problems);
  return problems;
}

function splitLogicalLines(source: string, problems: PythonProblem[]): LogicalLine[] {
  const out: LogicalLine[] = [];
  const text = source.replace(/\r\n?/g, '\n');
  const brackets: Array<{ char: string; line: number }> = [];
  let line = 1;
  let code = '';
  let start: { line: number; indent: number } | null = null;
  let atLineStart = true;
  let i = 0;

  const finish = () => {
    const trimmed = code.trim();
    if (start && trimmed !== '') {
      const { opensBlock, hasTopColon } = colons(trimmed);
      out.push({ line: start.line, indent: start.indent, code: trimmed, opensBlock, hasTopColon });
    }
    code = '';
    start = null;
  };

  while (i < text.length) {
    if (atLineStart && brackets.length === 0 && start === null) {
      // The start of a logical line: measure its indentation.
      let j = i;
      while (text[j] === ' ' || text[j] === '\t') j++;
      const lead = text.slice(i, j);
      if (lead.includes('\t') && text[j] !== '\n' && text[j] !== '#' && j < text.length) {
        problems.push({ line, message: 'tab in indentation' });
      }
      if (text[j] !== '\n' && text[j] !== '#' && j < text.length) start = { line, indent: lead.length };
      i = j;
      atLineStart = false;
      continue;
    }
    const c = text[i]!;
    if (c === '\n') {
      line++;
      i++;
      atLineStart = true;
      if (brackets.length === 0) finish();
      else code += ' ';
      continue;
    }
    if (c === '\\' && text[i + 1] === '\n') {
      // An explicit line joining: the logical line goes on.
      line++;
      i += 2;
      code += ' ';
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const prefix = /[A-Za-z]+$/.exec(code)?.[0] ?? '';
      const flags = STRING_PREFIX.test(prefix) ? prefix.toLowerCase() : '';
      const end = skipString(text, i, flags, line, problems);
      line += countNewlines(text, i, end.index);
      code += '""';
      i = end.index;
      // Resynchronise at the next line: the brackets of an unreadable line tell nothing.
      if (end.unterminated) brackets.length = 0;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') brackets.push({ char: c, line });
    else if (c === ')' || c === ']' || c === '}') {
      const open = brackets.pop();
      if (!open) problems.push({ line, message: `unmatched '${c}'` });
      else if (open.char !== CLOSING[c]) {
        problems.push({ line, message: `'${c}' does not match '${open.char}' opened on line ${open.line}` });
      }
    }
    code += c;
    i++;
  }
  for (const open of brackets) problems.push({ line: open.line, message: `'${open.char}' was never closed` });
  finish();
  return out;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (text[k] === '\n') n++;
  return n;
}

/** Skips the string starting at `at` (its opening quote); returns the index after it. */
function skipString(
  text: string,
  at: number,
  flags: string,
  line: number,
  problems: PythonProblem[],
): { index: number; unterminated: boolean } {
  const quote = text[at]!;
  const triple = text.startsWith(quote.repeat(3), at);
  const delimiter = triple ? quote.repeat(3) : quote;
  const formatted = flags.includes('f');
  let i = at + delimiter.length;
  let fieldDepth = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (!triple && c === '\n') break;
    if (c === '\\') {
      // Even in a raw string a backslash keeps the next quote from closing it.
      i += 2;
      continue;
    }
    if (formatted && fieldDepth === 0 && (c === '{' || c === '}') && text[i + 1] === c) {
      i += 2;
      continue;
    }
    if (formatted && c === '{') {
      fieldDepth++;
      i++;
      continue;
    }
    if (formatted && c === '}') {
      if (fieldDepth === 0) problems.push({ line, message: "f-string: single '}' is not allowed" });
      else fieldDepth--;
      i++;
      continue;
    }
    if (formatted && fieldDepth > 0 && (c === '"' || c === "'") && !text.startsWith(delimiter, i)) {
      // A string inside a replacement field, with the other kind of quote.
      const inner = skipString(text, i, '', line, problems);
      if (inner.unterminated) return inner;
      i = inner.index;
      continue;
    }
    if (text.startsWith(delimiter, i)) {
      if (fieldDepth > 0) {
        problems.push({ line, message: 'f-string: the closing quote is inside a replacement field' });
      }
      return { index: i + delimiter.length, unterminated: false };
    }
    i++;
  }
  problems.push({ line, message: triple ? 'unterminated triple-quoted string' : 'unterminated string literal' });
  return { index: i, unterminated: true };
}

/** Where the `:` characters outside brackets are (strings are already blanked). */
function colons(code: string): { opensBlock: boolean; hasTopColon: boolean } {
  let depth = 0;
  let hasTopColon = false;
  let last = -1;
  for (let k = 0; k < code.length; k++) {
    const c = code[k]!;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === ':' && depth === 0 && code[k + 1] !== '=') {
      hasTopColon = true;
      last = k;
    }
  }
  return { opensBlock: hasTopColon && last === code.length - 1, hasTopColon };
}

function isBlockStarter(code: string): boolean {
  const [first, second] = code.split(/[^A-Za-z_0-9]+/, 2);
  if (first === 'async') return ASYNC_BLOCKS.has(second ?? '');
  // `else` and `if` only start a statement at the start of a line; `x if y else z` does not begin with them.
  return BLOCK_STARTERS.has(first ?? '');
}

function checkBlocks(lines: LogicalLine[], problems: PythonProblem[]): void {
  const first = lines[0];
  if (!first) return;
  const levels = [first.indent];
  let expectBlock: LogicalLine | null = null;
  for (const l of lines) {
    const top = levels[levels.length - 1]!;
    if (isBlockStarter(l.code) && !l.hasTopColon) {
      problems.push({ line: l.line, message: `expected ':' at the end of "${l.code}"` });
    }
    if (expectBlock) {
      if (l.indent <= top) {
        problems.push({ line: l.line, message: `expected an indented block after line ${expectBlock.line}` });
      } else if (l.indent !== top + 4) {
        problems.push({ line: l.line, message: `indented by ${l.indent - top} spaces, not 4` });
        levels.push(l.indent);
      } else levels.push(l.indent);
    } else if (l.indent > top) {
      problems.push({ line: l.line, message: 'unexpected indent' });
    } else if (l.indent < top) {
      while (levels.length > 1 && levels[levels.length - 1]! > l.indent) levels.pop();
      if (levels[levels.length - 1] !== l.indent) {
        problems.push({ line: l.line, message: 'unindent does not match any outer indentation level' });
        levels.push(l.indent);
      }
    }
    expectBlock = l.opensBlock ? l : null;
  }
  if (expectBlock) {
    problems.push({ line: expectBlock.line, message: `expected an indented block after line ${expectBlock.line}` });
  }
}
