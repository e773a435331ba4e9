import type { KeywordSpec } from '../../../shared/domain';

/**
 * Suggests keywords for a model answer that came without any: the technical terms a good answer names.
 *
 * Candidates, outside fenced code blocks:
 * - anything in backticks (`select_related`, `python manage.py migrate`);
 * - code identifiers: snake_case, dotted (`transaction.atomic`), mixed case (`useEffect`, `ImageField`, `PostgreSQL`),
 *   calls (`render()`);
 * - acronyms (`CSRF`, `ORM`, `APIs` → `API`);
 * - capitalised words that are proper names: mid-sentence (`... backed by Redis`), or sentence-initial when the
 *   word never appears in lower case and is not a common English word (`Django is ...`).
 * Ranked by frequency, then by first appearance; deduplicated case-insensitively.
 */
export interface SuggestOptions {
  /** The question: a word it holds is never suggested (naming it is no sign of knowing the answer). */
  prompt?: string;
  /** The deck's name or the article's title: words every question of the deck is about. */
  topic?: readonly string[];
  max?: number;
}

export function suggestKeywords(answer: string, opts: SuggestOptions = {}): KeywordSpec[] {
  const max = opts.max ?? 6;
  if (max <= 0) return [];
  const text = stripFencedCode(answer);
  const lowerWords = collectLowercaseWords(text);
  const hits = mergeNameRuns(text, collectHits(text, lowerWords));

  const found = new Map<string, { label: string; count: number; first: number; strong: boolean; aliases: string[] }>();
  hits.forEach((hit, order) => {
    const key = hit.label.toLowerCase();
    const entry = found.get(key);
    const strong = hit.kind !== 'proper' || !hit.initial;
    if (entry) {
      entry.count++;
      entry.strong ||= strong;
    } else found.set(key, { label: hit.label, count: 1, first: order, strong, aliases: hit.aliases });
  });
  // Words seen only at the start of a sentence ("Channels pass values …", "Measure first …") are weak evidence:
  // used only when there are fewer than 3 others, after them, and never when they look like a verb or adverb
  // ("Declared", "Usually").
  const all = [...found.values()];
  const strongCount = all.filter((k) => k.strong).length;
  return all
    .filter((k) => k.strong || (strongCount < 3 && !/(?:ed|ing|ly)$/.test(k.label)))
    .sort((a, b) => Number(b.strong) - Number(a.strong) || b.count - a.count || a.first - b.first)
    .slice(0, max)
    .map((k) => ({ label: k.label, aliases: k.aliases, weight: 1 }));
}

interface Hit {
  label: string;
  kind: 'code' | 'acronym' | 'mixed' | 'proper';
  start: number;
  end: number;
  /** First word of a sentence (or line). */
  initial: boolean;
  aliases: string[];
}

function collectHits(text: string, lowerWords: ReadonlySet<string>): Hit[] {
  const hits: Hit[] = [];
  let initial = true;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const token = m[0];
    const start = m.index;
    const end = start + token.length;
    if (m[1] !== undefined) {
      const code = cleanCode(m[1]);
      if (code) hits.push({ label: code, kind: 'code', start, end, initial: false, aliases: snakeAlias(code) });
      initial = false;
      continue;
    }
    if (token.length === 1 && !/[A-Za-z_$]/.test(token)) {
      if (SENTENCE_END.has(token)) initial = true;
      continue;
    }
    const wasInitial = initial;
    initial = false;
    if (token.length > MAX_TOKEN) continue; // no keyword is that long
    const word = token.endsWith('()') ? token.slice(0, -2) : token;
    const isCall = word !== token;
    const push = (label: string, kind: Hit['kind'], aliases: string[] = []): void => {
      hits.push({ label, kind, start, end, initial: wasInitial, aliases });
    };
    if (word.includes('.')) {
      if (isDottedIdentifier(word)) push(word, 'code');
      continue;
    }
    if (word.includes('_') && /[A-Za-z]/.test(word) && /^_*[A-Za-z0-9]+(?:_+[A-Za-z0-9]+){1,50}_*$/.test(word)) {
      push(word, 'code', snakeAlias(word));
      continue;
    }
    if (isCall && word.length >= 2) {
      push(word, 'code');
      continue;
    }
    if (/^[A-Z][A-Z0-9]+s?$/.test(word) && /[A-Z].*[A-Z]|[A-Z][0-9]/.test(word)) {
      const singular = word.endsWith('s') ? word.slice(0, -1) : word;
      if (!ACRONYM_STOP.has(singular)) push(singular, 'acronym');
      continue;
    }
    if (/[a-z]/.test(word) && /.[A-Z]/.test(word) && /^[A-Za-z][A-Za-z0-9]*$/.test(word)) {
      push(word, 'mixed'); // useEffect, ImageField, PostgreSQL, OAuth
      continue;
    }
    if (/^[A-Z][a-z0-9]+$/.test(word)) {
      const lower = word.toLowerCase();
      if (COMMON.has(lower)) continue;
      if (wasInitial && (lowerWords.has(lower) || word.length < 3)) continue;
      push(word, 'proper');
    }
  }
  return hits;
}

/**
 * Joins names written as several capitalised words ("Global Interpreter Lock", "React Server Components",
 * "Django Debug Toolbar") into one keyword: adjacent hits separated by one space, at least one a proper name.
 */
function mergeNameRuns(text: string, hits: Hit[]): Hit[] {
  const out: Hit[] = [];
  let i = 0;
  while (i < hits.length) {
    const first = hits[i]!;
    let j = i;
    if (first.kind !== 'code') {
      while (
        j + 1 < hits.length &&
        j - i < 3 &&
        hits[j + 1]!.kind !== 'code' &&
        hits[j + 1]!.start === hits[j]!.end + 1 &&
        text[hits[j]!.end] === ' '
      ) {
        j++;
      }
    }
    const run = hits.slice(i, j + 1);
    if (run.length > 1 && run.some((h) => h.kind === 'proper')) {
      out.push({
        label: run.map((h) => text.slice(h.start, h.end)).join(' '),
        kind: 'mixed',
        start: first.start,
        end: run[run.length - 1]!.end,
        initial: first.initial,
        aliases: [],
      });
    } else out.push(...run);
    i = j + 1;
  }
  return out;
}

/**
 * Backticked spans, identifier-like words (optionally dotted, optionally `()`), or single punctuation. The dotted
 * parts are bounded: a group repeated without bound overflows the regex engine's stack on "a.a.a.…" millions long.
 */
const TOKEN = /`([^`\n]{1,80})`|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*){0,20}(?:\(\))?|\n|[^\sA-Za-z_$]/g;
/** Longer words are not keywords (and are not given to the patterns that classify words). */
const MAX_TOKEN = 100;
const SENTENCE_END = new Set(['.', '!', '?', ':', '\n']);

function stripFencedCode(text: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const m = /^\s*(`{3,}|~{3,})/.exec(line);
    if (m) {
      const marker = m[1]!.slice(0, 3);
      if (fence === null) fence = marker;
      else if (marker === fence) fence = null;
      continue;
    }
    if (fence === null) out.push(line);
  }
  return out.join('\n');
}

function collectLowercaseWords(text: string): Set<string> {
  const set = new Set<string>();
  for (const m of text.matchAll(/\b[a-z][a-z0-9]+\b/g)) set.add(m[0]);
  return set;
}

function cleanCode(raw: string): string | null {
  let code = raw.trim();
  if (code.endsWith('()')) code = code.slice(0, -2);
  if (code.length < 2 || code.length > 60) return null;
  if (!/[A-Za-z]/.test(code)) return null;
  if (code.split(/\s+/).length > 5) return null;
  return code;
}

function snakeAlias(code: string): string[] {
  if (!/^[A-Za-z0-9]+(?:_[A-Za-z0-9]+){1,50}$/.test(code)) return [];
  return [code.replace(/_/g, ' ')];
}

const TLDS = new Set(['com', 'org', 'net', 'www']);

function isDottedIdentifier(word: string): boolean {
  const parts = word.split('.');
  if (parts.length < 2) return false;
  if (parts.every((p) => p.length <= 1)) return false; // e.g, i.e, U.S
  const last = parts[parts.length - 1]!;
  if (TLDS.has(parts[0]!.toLowerCase()) || TLDS.has(last.toLowerCase())) return false;
  if (/^[A-Z]/.test(last) && COMMON.has(last.toLowerCase())) return false; // "framework.It" (a missing space)
  return true;
}

const ACRONYM_STOP = new Set(
  `OK AND OR NOT THE TODO FAQ TL DR NB PS ETC AKA FYI IMO IMHO VS ASAP IT EG IE AM PM NOTE TIP TIPS YES NO ANS QA
  IS AS ON BY OF TO AT IF IN BE DO WE MY ALL ANY FOR BUT NEW`.split(/\s+/),
);

/** Common English words that start sentences or title-cased headings; never keywords when capitalised. */
const COMMON = new Set(
  `a about above after again against all almost also although always am among an and another any anyone anything
  are around as ask at avoid back basically be because been before being below best better between both but by
  call calls can cannot case check choose clearly common consider could create creates data default define
  defines describe did do does doing done down during each easy either else enough even every example examples
  explain fast finally first for from further generally get gets give given good great has have having he her
  here his how however i if imagine important in instead into is it its just keep key large last later least
  less let lets like likely make makes many may maybe me might more most much must my need needs never new next
  no none nor not note notes now of off often old on once one only or other others otherwise our out over own
  per perhaps prefer provide provides put quite rather really return returns run runs same second see set sets
  several she should similarly simple simply since small so some something sometimes start step steps still
  stop such suppose sure take than that the their them then there therefore these they think third this those
  though three through thus tip tips to too true false two typically under unlike until up us use used uses
  using usually very via want was way we well were what when whenever where whereas whether which while who
  whom whose why will with within without would yes yet you your answer question questions level levels
  beginner intermediate advanced scenario because also another`.split(/\s+/),
);
