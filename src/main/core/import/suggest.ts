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
  const taken = takenWords([opts.prompt ?? '', ...(opts.topic ?? [])]);
  const { prose, code } = splitFences(answer);
  const text = splitGlued(prose);
  const lowerWords = collectLowercaseWords(text);
  const hits = mergeNameRuns(text, collectHits(text, lowerWords)).filter((h) => !onlyTaken(h.label, taken));

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
  // used only when there are fewer than 2 others, after them, and never when they look like an English word
  // rather than a name ("Declared", "Usually", "Environment").
  const all = [...found.values()];
  const strongCount = all.filter((k) => k.strong).length;
  const picked = all
    .filter((k) => k.strong || (strongCount < 2 && !ENGLISH_ENDING.test(k.label)))
    .sort((a, b) => Number(b.strong) - Number(a.strong) || b.count - a.count || a.first - b.first)
    .slice(0, max)
    .map((k) => ({ label: k.label, aliases: k.aliases, weight: 1 }));
  if (picked.length >= MIN_SUGGESTED || wordCount(answer) < SUBSTANCE) return picked;
  return withFallback(picked, code, text, taken, max);
}

/** An answer of this many words is one of substance: it gets at least MIN_SUGGESTED keywords. */
const SUBSTANCE = 40;
const MIN_SUGGESTED = 2;
const ENGLISH_ENDING = /(?:ed|ing|ly|ment|ments|tion|tions|sion|ness|ity|ance|ence|ive|ous|able|ible)$/;

const wordsOf = (s: string): string[] => s.toLowerCase().match(/[a-z0-9]+/g) ?? [];
const singular = (w: string): string =>
  w.length > 4 && w.endsWith('ies')
    ? `${w.slice(0, -3)}y`
    : w.length > 3 && w.endsWith('s') && !w.endsWith('ss')
      ? w.slice(0, -1)
      : w;
const wordCount = (s: string): number => (s.match(/[A-Za-z0-9]+/g) ?? []).length;

/** The words of the prompt and the deck's name, singular and plural: a keyword made only of them adds nothing. */
function takenWords(texts: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const t of texts) {
    for (const w of wordsOf(t)) {
      set.add(w);
      set.add(singular(w));
    }
  }
  return set;
}

function onlyTaken(label: string, taken: ReadonlySet<string>): boolean {
  const words = wordsOf(label);
  return words.length > 0 && words.every((w) => taken.has(w) || taken.has(singular(w)));
}

/**
 * Identifiers a scrape glued together ("unique=TrueUniqueConstraint", "NoneQuerySet"): a literal run into the next
 * name gets its space back.
 */
function splitGlued(text: string): string {
  return text.replace(/\b(True|False|None|null|undefined)(?=[A-Z][a-z])/g, '$1 ');
}

/**
 * For an answer of substance with fewer than MIN_SUGGESTED keywords (plain prose, or mostly code): the names its
 * code defines and calls, then the terms its prose repeats.
 */
function withFallback(
  picked: KeywordSpec[],
  code: string,
  prose: string,
  taken: ReadonlySet<string>,
  max: number,
): KeywordSpec[] {
  const out = [...picked];
  const has = (label: string): boolean => out.some((k) => k.label.toLowerCase() === label.toLowerCase());
  const add = (label: string, aliases: string[] = []): void => {
    if (out.length < max && !has(label) && !onlyTaken(label, taken)) out.push({ label, aliases, weight: 1 });
  };
  for (const name of codeNames(code)) add(name, snakeAlias(name));
  if (out.length >= MIN_SUGGESTED) return out;
  for (const term of repeatedTerms(prose, taken)) {
    if (out.length >= MIN_SUGGESTED) break;
    add(term);
  }
  return out;
}

/** Names in fenced code: what it defines (def, class), decorators, dotted calls (`time.perf_counter`). */
function codeNames(code: string): string[] {
  const names: string[] = [];
  const push = (n: string): void => {
    if (n.length >= 3 && n.length <= 60 && !CODE_WORDS.has(n) && !names.includes(n)) names.push(n);
  };
  for (const m of code.matchAll(/^[ \t]*@([A-Za-z_][\w.]{0,60})/gm)) push(m[1]!);
  for (const m of code.matchAll(/\b([A-Za-z_]\w{0,40}(?:\.[A-Za-z_]\w{0,40}){1,3})\(/g)) push(m[1]!);
  for (const m of code.matchAll(/\b(?:def|class|function|func|fn)\s+([A-Za-z_]\w{0,60})/g)) push(m[1]!);
  for (const m of code.matchAll(/^[ \t]*from[ \t]+([\w.]{1,60})\s+import\s+([\w, ]{1,200})/gm)) {
    for (const n of m[2]!.split(',')) push(n.trim());
  }
  for (const m of code.matchAll(/\b([a-z]\w{0,30}_\w{1,30})\(/g)) push(m[1]!);
  return names;
}

/** Content words the prose uses more than once (or, failing that, its longest), most used first. */
function repeatedTerms(prose: string, taken: ReadonlySet<string>): string[] {
  const counts = new Map<string, { word: string; n: number; first: number }>();
  let order = 0;
  for (const m of prose.matchAll(/\b[a-z]{5,30}\b/g)) {
    const w = m[0];
    if (COMMON.has(w) || FILLER.has(w) || taken.has(w) || taken.has(singular(w))) continue;
    if (/-$|^-|(?:ed|ly)$/.test(w)) continue; // "stored", "quickly": no concept
    const key = singular(w);
    const entry = counts.get(key);
    if (entry) entry.n++;
    else counts.set(key, { word: w, n: 1, first: order++ });
  }
  return [...counts.values()]
    .sort((x, y) => y.n - x.n || y.word.length - x.word.length || x.first - y.first)
    .map((x) => x.word);
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
    if (m[2] !== undefined) {
      hits.push({ label: m[2], kind: 'code', start, end, initial: false, aliases: [] }); // unique=True
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
    if (/^['’][a-z]/.test(text.slice(end, end + 2))) continue; // "Don't", "It's": a contraction, no name
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
      // "Environment-specific" after a lost line break, with "environment variables" further on: a common noun.
      if (lowerWords.has(lower) && /^-[a-z]/.test(text.slice(end, end + 2))) continue;
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
 * Backticked spans, keyword arguments (`unique=True`), identifier-like words (optionally dotted, optionally `()`), or
 * single punctuation. The dotted
 * parts are bounded: a group repeated without bound overflows the regex engine's stack on "a.a.a.…" millions long.
 */
const TOKEN =
  /`([^`\n]{1,80})`|\b([a-z_][a-z0-9_]{0,40}=(?:True|False|None))\b|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*){0,20}(?:\(\))?|\n|[^\sA-Za-z_$]/g;
/** Longer words are not keywords (and are not given to the patterns that classify words). */
const MAX_TOKEN = 100;
const SENTENCE_END = new Set(['.', '!', '?', ':', '\n']);

/** An answer's prose and its fenced code, apart. */
function splitFences(text: string): { prose: string; code: string } {
  const prose: string[] = [];
  const code: string[] = [];
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const m = /^\s*(`{3,}|~{3,})/.exec(line);
    if (m) {
      const marker = m[1]!.slice(0, 3);
      if (fence === null) fence = marker;
      else if (marker === fence) fence = null;
      continue;
    }
    (fence === null ? prose : code).push(line);
  }
  return { prose: prose.join('\n'), code: code.join('\n') };
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
  beginner intermediate advanced scenario because also another add adds remove removes install configure enable
  disable write writes read reads store stores pass passes wrap wraps move override register import imports keep
  keeps follow follows pick mark marks send sends load loads save saves change changes apply applies short long
  empty analyse analyze replace render increase look looks typical meaning inside outside track close open
  cross non`.split(/\s+/),
);

/** Python and JavaScript words that name no concept of the answer. */
const CODE_WORDS = new Set(['self', 'cls', 'print', 'len', 'range', 'str', 'int', 'list', 'dict', 'console.log']);

/** Frequent English words that are no keyword (COMMON holds the shorter ones). */
const FILLER = new Set(
  `which their there these those would could should about other every being after before while where again
  since until under above below right point value values thing things means makes another without within
  through never always often usually example something different difference between number single simple
  small large little works useful possible important common still rather across around called whole instead
  first second third already because whether really actually allows allow lets makes making means mostly
  needed needs often people place quick quickly short shorter longer based level levels usual exactly`.split(/\s+/),
);
