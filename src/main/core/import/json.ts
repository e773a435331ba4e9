import { z } from 'zod';
import type { ImportWarning, KeywordSpec, ParsedDeck, ParsedQuestion } from '../../../shared/domain';
import { DECK_JSON_FORMAT, DECK_JSON_VERSION } from '../deck-json-format';
import { ImportError } from './errors';
import { orderLevels } from './levels';

/**
 * Prepdeck JSON deck files, versioned:
 * `{ "format": "prepdeck-deck", "version": 1, "deck": { name, description, levels, questions: [...] } }`.
 * A later Prepdeck that changes the shape bumps `version`; this reader refuses versions it does not know.
 */

export const keywordJsonSchema = z.object({
  label: z.string().trim().min(1, { error: 'must not be empty' }),
  aliases: z.array(z.string().trim().min(1, { error: 'must not be empty' })).default([]),
  weight: z
    .number({ error: 'must be a whole number from 1 to 5' })
    .int({ error: 'must be a whole number from 1 to 5' })
    .min(1, { error: 'must be a whole number from 1 to 5' })
    .max(5, { error: 'must be a whole number from 1 to 5' })
    .default(1),
});

export const questionJsonSchema = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, { error: 'must be letters, digits, "-" or "_"' })
    .nullish(),
  level: z.string().trim().min(1, { error: 'must name a level' }),
  prompt: z.string().trim().min(1, { error: 'must not be empty' }),
  answer: z.string().default(''),
  keywords: z.array(keywordJsonSchema).default([]),
  tags: z.array(z.string().trim().min(1, { error: 'must not be empty' })).default([]),
});

export const deckJsonSchema = z.object({
  format: z.literal(DECK_JSON_FORMAT),
  version: z.literal(DECK_JSON_VERSION),
  deck: z.object({
    name: z.string().trim().default(''),
    description: z.string().default(''),
    levels: z.array(z.string().trim().min(1, { error: 'must not be empty' })).default([]),
    questions: z.array(questionJsonSchema),
  }),
});

export type DeckJson = z.infer<typeof deckJsonSchema>;

export function parseDeckJson(text: string): ParsedDeck {
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') throw new ImportError('The file is empty.');
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (err) {
    throw syntaxError(source, err);
  }
  const warnings: ImportWarning[] = [];
  const root = normalizeRoot(data, warnings);
  const lines = questionLines(source);
  const parsed = deckJsonSchema.safeParse(root, { reportInput: true });
  if (!parsed.success) throw schemaError(parsed.error.issues, root, lines);

  const deck = parsed.data.deck;
  const questions: ParsedQuestion[] = [];
  const seenIds = new Map<string, number>();
  deck.questions.forEach((q, i) => {
    const line = lines[i] ?? 0;
    const keywords: KeywordSpec[] = q.keywords.map((k) => ({
      label: k.label,
      aliases: [...new Set(k.aliases)].filter((a) => a.toLowerCase() !== k.label.toLowerCase()),
      weight: k.weight,
    }));
    const key = q.id ?? null;
    if (key !== null) {
      const earlier = seenIds.get(key);
      if (earlier !== undefined) {
        warnings.push({ line, message: `Question ${i + 1} has the same id "${key}" as question ${earlier + 1}.` });
      } else seenIds.set(key, i);
    }
    const answer = q.answer.trim();
    if (!answer) warnings.push({ line, message: `"${q.prompt}" has no model answer.` });
    if (keywords.length === 0) warnings.push({ line, message: `"${q.prompt}" has no keywords.` });
    questions.push({
      key,
      level: q.level,
      prompt: q.prompt,
      answer,
      keywords,
      keywordsSuggested: false,
      tags: [...new Set(q.tags)],
      line,
    });
  });
  const declared = [...new Set(deck.levels)];
  return {
    name: deck.name,
    description: deck.description.trim(),
    levels: orderLevels(
      questions.map((q) => q.level),
      declared,
    ),
    questions,
    warnings,
  };
}

/** Checks format and version before the schema so that those get their own, clearer messages. */
function normalizeRoot(data: unknown, warnings: ImportWarning[]): unknown {
  if (!isObject(data)) {
    throw new ImportError(
      `This JSON file is not a Prepdeck deck: it should hold an object with "format": "${DECK_JSON_FORMAT}", not ${describe(data)}.`,
    );
  }
  const version = data.version;
  if (typeof version === 'number' && version > DECK_JSON_VERSION) {
    throw new ImportError(
      `This deck was made by a newer Prepdeck (deck format version ${version}; this Prepdeck reads version ${DECK_JSON_VERSION}). Update Prepdeck to import it.`,
    );
  }
  if (data.format === undefined && version === undefined) {
    // Hand-written files often skip the envelope: accept a bare `deck`, or a deck object itself.
    if (isObject(data.deck) && Array.isArray(data.deck.questions)) {
      warnings.push({
        line: 0,
        message: `The file has no "format" and "version"; it was read as a version ${DECK_JSON_VERSION} Prepdeck deck.`,
      });
      return { format: DECK_JSON_FORMAT, version: DECK_JSON_VERSION, deck: data.deck };
    }
    if (Array.isArray(data.questions)) {
      warnings.push({
        line: 0,
        message: `The file has no "format" and "version"; it was read as a version ${DECK_JSON_VERSION} Prepdeck deck.`,
      });
      return { format: DECK_JSON_FORMAT, version: DECK_JSON_VERSION, deck: data };
    }
  }
  if (data.format !== DECK_JSON_FORMAT) {
    throw new ImportError(
      `This JSON file is not a Prepdeck deck (it should have "format": "${DECK_JSON_FORMAT}"${
        typeof data.format === 'string' ? `, not "${data.format}"` : ''
      }).`,
    );
  }
  if (version !== DECK_JSON_VERSION) {
    throw new ImportError(
      `This deck has an unknown format version (${JSON.stringify(version) ?? 'none'}); Prepdeck reads version ${DECK_JSON_VERSION}.`,
    );
  }
  return data;
}

function schemaError(issues: readonly z.core.$ZodIssue[], root: unknown, lines: number[]): ImportError {
  const issue = issues[0];
  if (!issue) return new ImportError('The deck file does not have the expected shape.');
  const path = issue.path;
  if (path[0] === 'deck' && path[1] === 'questions' && typeof path[2] === 'number') {
    const index = path[2];
    const prompt = promptAt(root, index);
    const field = formatPath(path.slice(3));
    const which = prompt ? `Question ${index + 1} (“${truncate(prompt, 60)}”)` : `Question ${index + 1}`;
    const what = field ? `${which}: “${field}” ${describeIssue(issue)}` : `${which} ${describeIssue(issue)}`;
    return new ImportError(`${what}.`, lines[index] ?? null);
  }
  const field = formatPath(path);
  return new ImportError(`The deck's “${field || 'deck'}” ${describeIssue(issue)}.`);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is missing';
  if (!/^(?:Invalid|Too)/.test(issue.message)) return issue.message; // one of the schema's own messages
  if (issue.code === 'invalid_type') return `should be ${article(issue.expected)}, not ${describe(issue.input)}`;
  return `is invalid (${issue.message})`;
}

function article(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    array: 'a list',
    object: 'an object',
    boolean: 'true or false',
  };
  return names[expected] ?? expected;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true/false';
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

function promptAt(root: unknown, index: number): string | null {
  if (!isObject(root) || !isObject(root.deck) || !Array.isArray(root.deck.questions)) return null;
  const q: unknown = root.deck.questions[index];
  if (!isObject(q) || typeof q.prompt !== 'string' || !q.prompt.trim()) return null;
  return q.prompt.trim();
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---------------------------------------------------------------------------------------------------------------
// Syntax errors: where exactly, as line and column.

function syntaxError(text: string, err: unknown): ImportError {
  const message = err instanceof Error ? err.message : String(err);
  let offset: number | null = null;
  const pos = /at position (\d+)/.exec(message);
  if (pos) offset = Number(pos[1]);
  if (offset === null || offset > text.length) offset = findJsonErrorOffset(text);
  const { line, column } = lineColumn(text, offset);
  // (Cut at the first " in JSON at position N" by index: `/\s*in JSON…/` is quadratic on a long run of spaces.)
  const at = /in JSON at position \d/.exec(message)?.index;
  let detail = (at === undefined ? message : message.slice(0, at))
    .trimEnd()
    .replace(/,\s*".*$/s, '')
    .trim();
  if (/unexpected end of json input/i.test(message))
    detail = 'the file ends before the JSON is complete (a bracket, brace or quote is never closed)';
  if (!detail) detail = 'unexpected text';
  return new ImportError(`The JSON is malformed at line ${line}, column ${column}: ${detail}.`, line);
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

const WS = new Set([' ', '\t', '\n', '\r']);

/**
 * Offset of the first JSON syntax error (V8 does not always say where). An iterative scanner, so deeply nested
 * input cannot overflow the stack. For a string that never closes, the offset of its opening quote.
 */
export function findJsonErrorOffset(text: string): number {
  const n = text.length;
  const stack: string[] = [];
  type Expect = 'value' | 'valueOrEnd' | 'keyOrEnd' | 'key' | 'colon' | 'commaOrEnd' | 'eof';
  let expect: Expect = 'value';
  let i = 0;
  const afterValue = (): Expect => (stack.length === 0 ? 'eof' : 'commaOrEnd');
  const scanString = (start: number): number => {
    let j = start + 1;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 34) return j + 1;
      if (c < 0x20) return -j - 1;
      if (c === 92) {
        const e = text[j + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return -j - 1;
          j += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) return -j - 1;
        j += 2;
        continue;
      }
      j++;
    }
    return -start - 1;
  };
  while (true) {
    while (i < n && WS.has(text[i]!)) i++;
    if (i >= n) return n;
    const c = text[i]!;
    switch (expect) {
      case 'eof':
        return i;
      case 'colon':
        if (c !== ':') return i;
        i++;
        expect = 'value';
        continue;
      case 'commaOrEnd':
        if (c === ',') {
          i++;
          expect = stack[stack.length - 1] === '{' ? 'key' : 'value';
          continue;
        }
        if ((c === '}' && stack[stack.length - 1] === '{') || (c === ']' && stack[stack.length - 1] === '[')) {
          stack.pop();
          i++;
          expect = afterValue();
          continue;
        }
        return i;
      case 'keyOrEnd':
      case 'key': {
        if (c === '}' && expect === 'keyOrEnd') {
          stack.pop();
          i++;
          expect = afterValue();
          continue;
        }
        if (c !== '"') return i;
        const end = scanString(i);
        if (end < 0) return -end - 1;
        i = end;
        expect = 'colon';
        continue;
      }
      case 'valueOrEnd':
        if (c === ']') {
          stack.pop();
          i++;
          expect = afterValue();
        } else {
          expect = 'value'; // anything else must be a value: look at it again
        }
        continue;
      case 'value': {
        if (c === '{') {
          stack.push('{');
          i++;
          expect = 'keyOrEnd';
          continue;
        }
        if (c === '[') {
          stack.push('[');
          i++;
          expect = 'valueOrEnd';
          continue;
        }
        if (c === '"') {
          const end = scanString(i);
          if (end < 0) return -end - 1;
          i = end;
          expect = afterValue();
          continue;
        }
        const literal = /^(?:true|false|null)/.exec(text.slice(i, i + 5));
        if (literal) {
          i += literal[0].length;
          expect = afterValue();
          continue;
        }
        const num = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
        if (num && num[0] !== '-' && num[0].length > 0) {
          i += num[0].length;
          expect = afterValue();
          continue;
        }
        return i;
      }
    }
  }
}

/** 1-based line of each `{` that opens an element of a `"questions"` array, in order. */
function questionLines(text: string): number[] {
  const lines: number[] = [];
  const stack: { type: '{' | '['; key: string | null; via: string | null }[] = [];
  let line = 1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      continue;
    }
    if (c === 34) {
      const start = i;
      i++;
      while (i < n && text.charCodeAt(i) !== 34) {
        if (text.charCodeAt(i) === 92) i++;
        else if (text.charCodeAt(i) === 10) line++;
        i++;
      }
      const top = stack[stack.length - 1];
      if (top && top.type === '{') {
        let j = i + 1;
        while (j < n && WS.has(text[j]!)) j++;
        if (text[j] === ':') top.key = text.slice(start + 1, i);
      }
      continue;
    }
    if (c === 123 || c === 91) {
      const top = stack[stack.length - 1];
      if (c === 123 && top && top.type === '[' && top.via === 'questions') lines.push(line);
      stack.push({ type: c === 123 ? '{' : '[', key: null, via: top?.type === '{' ? top.key : null });
      continue;
    }
    if (c === 125 || c === 93) stack.pop();
  }
  return lines;
}
