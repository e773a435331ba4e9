import { stem } from './stem';
import { SYNONYMS } from './synonyms';
import { normalizeKey, tokenize } from './text';

/**
 * A keyword's label and aliases, compiled into the token patterns that name it (see the rules at the top of
 * index.ts). Each label or alias becomes one or more forms: itself, the same with a shared synonym in place
 * (synonyms.ts), and with two adjacent words written as one (`life cycle` → `lifecycle`).
 */

/** How one token of a pattern is compared with a token of the text. */
export type Elem =
  | { by: 'key'; key: string }
  | { by: 'stem'; stem: string }
  /** The key, or the key with a plural `s`/`es`. */
  | { by: 'plural'; key: string };

/** Tokens that must appear adjacent and in order, in one sentence. */
export interface Alt {
  elems: Elem[];
  /** Every token after the first must be glued to the one before (`is_deleted`, not "is deleted"). */
  glue: boolean;
  /** A call (`ready()`): the text must write it as code. */
  call: boolean;
}

/** One part of a form: any of its alternatives. */
export interface Group {
  alts: Alt[];
  /** Fewest tokens any alternative covers. */
  min: number;
  /** Same signature, same matches: forms that share a group look it up once per text. */
  sig: string;
}

function group(alts: Alt[], min: number): Group {
  return { alts, min, sig: JSON.stringify(alts) };
}

export interface Form {
  /** The label or alias as the deck wrote it. */
  text: string;
  fromLabel: boolean;
  /** A variant through the synonym table. */
  synonym: boolean;
  /** All groups must appear in one sentence, in any order, within `window` tokens. */
  groups: Group[];
  window: number;
  /** Tokens the form's words take when adjacent (its parts' shortest spellings). */
  size: number;
  /** The same with its stop-words counted: how much of a text the form claims ("top to bottom on the request" > "top to bottom"). */
  written: number;
}

export interface CompiledKeyword {
  forms: Form[];
}

export const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'to',
  'and',
  'or',
  'in',
  'on',
  'at',
  'for',
  'by',
  'with',
  'vs',
  'versus',
  'is',
  'are',
  'be',
  'as',
]);

const CODE_CHUNK = /[\p{L}\p{N}](?:[._=+]+|::|->)[\p{L}\p{N}]|\(\)|_|\p{Ll}\p{Lu}/u;
const ACRONYM = /^(?=.*\p{Lu})[\p{Lu}\p{N}]{2,}$/u;
const CAPS_WORD = /^\p{Lu}[\p{Lu}\p{N}]*$/u;
const LETTERS = /^[a-z]+$/;
const QUOTED = /^["“](.+)["”]$/su;
const WINDOW_SLACK = 3;
const MAX_VARIANTS = 12;

function wordElem(raw: string, key: string): Elem {
  if (ACRONYM.test(raw.replace(/[^\p{L}\p{N}]/gu, ''))) return { by: 'plural', key };
  if (!LETTERS.test(key)) return { by: 'key', key };
  return { by: 'stem', stem: stem(key) };
}

function single(elem: Elem): Alt {
  return { elems: [elem], glue: false, call: false };
}

/** A prose word: itself, or written as two words (`makemigrations` ↔ "make migrations", `nonblocking` ↔ "non-blocking"). */
function wordGroup(raw: string, key: string): Group {
  const elem = wordElem(raw, key);
  const alts = [single(elem)];
  if (elem.by === 'stem' && key.length >= 6) {
    for (let p = 3; p <= key.length - 3; p++) {
      alts.push({
        elems: [
          { by: 'key', key: key.slice(0, p) },
          { by: 'stem', stem: stem(key.slice(p)) },
        ],
        glue: false,
        call: false,
      });
    }
  }
  return group(alts, 1);
}

/** A code identifier: its parts adjacent and in order (last one may be plural), or joined in one token. */
function codeGroup(chunk: string, keys: string[]): Group {
  const elems: Elem[] = keys.map((key, i) => (i === keys.length - 1 ? { by: 'plural', key } : { by: 'key', key }));
  const call = keys.length === 1 && chunk.includes('()');
  const glue = keys.some((k) => STOP_WORDS.has(k) || FUNCTION_PARTS.has(k));
  const alts: Alt[] = [{ elems, glue, call }];
  if (keys.length > 1) alts.push(single({ by: 'plural', key: keys.join('') }));
  return group(alts, 1);
}

/** Identifier parts that make the split form an everyday phrase ("get or create", "has perm"): glue needed. */
const FUNCTION_PARTS = new Set(['get', 'set', 'has', 'not', 'no', 'all', 'do', 'if', 'it', 'can', 'was']);

interface Item {
  group: Group;
  stop: boolean;
  /** A prose word (candidate for joining with the next one), with its key. */
  word: string | null;
  /** Joined to the previous item by a hyphen or a space only (not across a stop word). */
  adjacent: boolean;
}

function compileItems(text: string): Item[] {
  const quoted = QUOTED.exec(text.trim());
  if (quoted) {
    const phrase = quoted[1] ?? '';
    const tokens = tokenize(phrase);
    if (tokens.length === 0) return [];
    const elems: Elem[] = [];
    for (let i = 0; i < tokens.length; i++) {
      elems.push(wordElem(phrase.slice(tokens.start[i], tokens.end[i]), tokens.key(i)));
    }
    return [
      {
        group: group([{ elems, glue: false, call: false }], elems.length),
        stop: false,
        word: null,
        adjacent: false,
      },
    ];
  }
  const items: Item[] = [];
  const chunks = text
    .replace(/\s*\+\s*/g, '+')
    .split(/\s+/)
    .filter(Boolean);
  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c] ?? '';
    // A run of two or more all-caps words is an exact phrase (`FOR UPDATE`, `ORDER BY`).
    let run = c;
    while (run < chunks.length && CAPS_WORD.test(chunks[run] ?? '')) run++;
    if (run - c >= 2) {
      const elems: Elem[] = chunks.slice(c, run).map((w) => ({ by: 'key', key: normalizeKey(w) }));
      items.push({
        group: group([{ elems, glue: false, call: false }], elems.length),
        stop: false,
        word: null,
        adjacent: false,
      });
      c = run - 1;
      continue;
    }
    const tokens = tokenize(chunk);
    if (tokens.length === 0) continue;
    const keys = Array.from({ length: tokens.length }, (_, i) => tokens.key(i));
    if (CODE_CHUNK.test(chunk)) {
      items.push({ group: codeGroup(chunk, keys), stop: false, word: null, adjacent: false });
      continue;
    }
    keys.forEach((key, i) => {
      const raw = chunk.slice(tokens.start[i], tokens.end[i]);
      const stop = STOP_WORDS.has(key);
      const isWord = !stop && LETTERS.test(key) && !ACRONYM.test(raw);
      items.push({
        group: wordGroup(raw, key),
        stop,
        word: isWord ? key : null,
        adjacent: i === 0 ? true : /^[-\s]*$/.test(chunk.slice(tokens.end[i - 1], tokens.start[i])),
      });
    });
  }
  return items;
}

function toForm(text: string, items: Item[], fromLabel: boolean, synonym: boolean): Form | null {
  const kept = items.filter((i) => !i.stop);
  const used = kept.length > 0 ? kept : items;
  if (used.length === 0) return null;
  const groups = used.map((i) => i.group);
  const size = groups.reduce((n, g) => n + g.min, 0);
  const written = items.reduce((n, i) => n + i.group.min, 0);
  return { text, fromLabel, synonym, groups, size, written, window: groups.length === 1 ? size : size + WINDOW_SLACK };
}

/** The forms of one written label or alias: itself, and with each pair of adjacent words joined into one. */
function formsOf(written: string, source: string, fromLabel: boolean, synonym: boolean): Form[] {
  const items = compileItems(written);
  const forms: Form[] = [];
  const base = toForm(source, items, fromLabel, synonym);
  if (base) forms.push(base);
  for (let i = 1; i < items.length; i++) {
    const a = items[i - 1];
    const b = items[i];
    if (!a?.word || !b?.word || !b.adjacent) continue;
    // Only the joined spelling: the two-word spelling is the base form already.
    const joined: Item = {
      group: group([single({ by: 'stem', stem: stem(a.word + b.word) })], 1),
      stop: false,
      word: null,
      adjacent: false,
    };
    const f = toForm(source, [...items.slice(0, i - 1), joined, ...items.slice(i + 1)], fromLabel, synonym);
    if (f) forms.push(f);
  }
  return forms;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface CompiledSynonym {
  re: RegExp;
  to: string[];
}

const SYNONYM_RULES: CompiledSynonym[] = SYNONYMS.flatMap((entry) =>
  entry.terms.map((term) => {
    const words = term.split(/[\s-]+/).map(escapeRe);
    const body = words.join('[\\s-]+');
    return {
      re: new RegExp(`(?<![\\p{L}\\p{N}_.])${body}(s|es)?(?![\\p{L}\\p{N}_]|\\.\\w)`, 'iu'),
      to: [...entry.terms.filter((t) => t !== term), ...(entry.saidAs ?? [])],
    };
  }),
);

/** The written form with shared synonyms in place: `database index` → `DB index`. */
function synonymVariants(text: string): string[] {
  const out: string[] = [];
  const seen = new Set([text.toLowerCase()]);
  const queue = [text];
  while (queue.length > 0 && out.length < MAX_VARIANTS) {
    const current = queue.shift() ?? '';
    for (const rule of SYNONYM_RULES) {
      const m = rule.re.exec(current);
      if (!m) continue;
      for (const to of rule.to) {
        const plural = m[1] ? (/\p{Lu}$/u.test(to) ? 's' : m[1]) : '';
        const variant = current.slice(0, m.index) + to + plural + current.slice(m.index + m[0].length);
        const norm = variant.toLowerCase();
        if (seen.has(norm) || out.length >= MAX_VARIANTS) continue;
        seen.add(norm);
        out.push(variant);
        queue.push(variant);
      }
    }
  }
  return out;
}

const compiledCache = new Map<string, CompiledKeyword>();
const COMPILED_CACHE_MAX = 5_000;

/** The keyword's forms; compiled once per label and aliases (a session scores the same keywords again and again). */
export function compileKeyword(label: string, aliases: readonly string[]): CompiledKeyword {
  const cacheKey = JSON.stringify([label, aliases]);
  let compiled = compiledCache.get(cacheKey);
  if (compiled === undefined) {
    compiled = compileUncached(label, aliases);
    if (compiledCache.size >= COMPILED_CACHE_MAX) compiledCache.clear();
    compiledCache.set(cacheKey, compiled);
  }
  return compiled;
}

function compileUncached(label: string, aliases: readonly string[]): CompiledKeyword {
  const forms: Form[] = [];
  const seen = new Set<string>();
  const written = [label, ...aliases];
  written.forEach((text, i) => {
    if (typeof text !== 'string') return;
    const norm = text.trim().toLowerCase();
    if (norm === '' || seen.has(norm)) return;
    seen.add(norm);
    forms.push(...formsOf(text, text, i === 0, false));
    for (const variant of synonymVariants(text)) forms.push(...formsOf(variant, text, i === 0, true));
  });
  // Forms that match the same tokens (`cache` and its alias `caching`) are looked for once: the first wins.
  const signatures = new Set<string>();
  return {
    forms: forms.filter((f) => {
      const sig = `${f.window}#${f.groups.map((g) => g.sig).join('&')}`;
      if (signatures.has(sig)) return false;
      signatures.add(sig);
      return true;
    }),
  };
}
