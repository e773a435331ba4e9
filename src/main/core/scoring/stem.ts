/**
 * Word stems for keyword matching: one stem for the forms of a word that say the same thing.
 *
 * Why not Porter: it strips derivational suffixes that change the meaning (`serializers` and `serial`
 * both become `serial`, `organization` becomes `organ`) and it does not know British spellings. Why not
 * a lemmatizer (wink-nlp with wink-eng-lite-web-model, measured): its lemmas are inflectional only
 * (`scalability`, `reusable`, `serializers`, `optimisation` stay as they are), so the rules below would
 * still be needed, and it took 250–480 ms per MB of text plus 240 ms to load its model.
 *
 * So this is a small, symmetric normaliser: it is applied to the answer and to the keyword alike, so a
 * rule only has to map the forms of one word to one string, never to a real word.
 * - British spellings to American: `-ise`/`-isation`/`-yse` → `-ize`/`-ization`/`-yze`, `-our` → `-or`
 *   (long words only: `four` stays), `-tre` → `-ter`, `-ence` spellings, `-elling`/`-elled` → `-eling`/`-eled`.
 * - Inflections: plural `-s`/`-es`/`-ies`, a few irregular plurals (`indices`), `-ed`, `-ing`, `-ly`.
 * - Derivations that keep the concept: `-ability`/`-able` (`scalability`, `scalable`, `scales` → scal),
 *   `-ization`/`-ation` → the verb (`optimisation`, `optimizing` → optimiz; `invalidation`, `invalidated`
 *   → invalidat, but `invalid` stays), `-icity` → `-ic` (`atomicity`), `-ency`/`-ence` → `-ent`
 *   (`concurrency`, `concurrent`).
 * - Never `-er`, `-ment`, `-ize` alone: `serializer` ≠ `serialize` ≠ `serial`, `statement` ≠ `state`.
 */

const IRREGULAR: Record<string, string> = {
  indices: 'index',
  matrices: 'matrix',
  vertices: 'vertex',
  criteria: 'criterion',
  analyses: 'analysis',
  children: 'child',
  data: 'data',
  schemata: 'schema',
};

const VOWEL = /[aeiouy]/;

function hasVowel(s: string): boolean {
  return VOWEL.test(s);
}

function british(w: string): string {
  if (w.length >= 6 && w.endsWith('our')) w = w.slice(0, -3) + 'or';
  else if (w.length >= 6 && w.endsWith('ours')) w = w.slice(0, -4) + 'ors';
  w = w
    .replace(/is(e|es|ed|ing|er|ers|ation|ations)$/, 'iz$1')
    .replace(/ys(e|es|ed|ing|er|ers)$/, 'yz$1')
    .replace(/(?<=\w{3})tre(s?)$/, 'ter$1')
    .replace(/(?<=\w{3})ell(ing|ed|er|ers)$/, 'el$1')
    .replace(/^(licen|defen|offen|preten)ce(s?)$/, '$1se$2')
    .replace(/ogue(s?)$/, 'og$1')
    .replace(/amme(s?)$/, 'am$1');
  return w;
}

function undouble(s: string): string {
  const n = s.length;
  if (n >= 3 && s[n - 1] === s[n - 2] && !'lsz'.includes(s[n - 1] ?? '') && !VOWEL.test(s[n - 1] ?? '')) {
    return s.slice(0, -1);
  }
  return s;
}

/** Strips a final `e` so that `cache`, `caches`, `cached` and `caching` meet at `cach`. */
function dropE(s: string): string {
  return s.length > 3 && s.endsWith('e') && !s.endsWith('ee') ? s.slice(0, -1) : s;
}

function inflection(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ied') && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(?:ss|x|z|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  if (w.endsWith('ing') && w.length >= 6) {
    const s = w.slice(0, -3);
    if (hasVowel(s)) return undouble(s);
  }
  if (w.endsWith('ed') && w.length >= 5) {
    const s = w.slice(0, -2);
    if (hasVowel(s)) return undouble(s);
  }
  return w;
}

function derivation(w: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^(.{3,}?)ically$/.exec(w))) return m[1] + 'ic';
  if ((m = /^(.{3,}?)ily$/.exec(w)) && w.length >= 6) return m[1] + 'y';
  if ((m = /^(.{4,}?)ly$/.exec(w)) && !w.endsWith('ply')) w = m[1] ?? w;
  if ((m = /^(.{3,}?)icity$/.exec(w))) return m[1] + 'ic';
  if ((m = /^(.{4,}?)(?:ability|able|ably)$/.exec(w))) return m[1] ?? w;
  if ((m = /^(.{4,}?)(?:ibility|ible|ibly)$/.exec(w))) return m[1] ?? w;
  if ((m = /^(.{3,}?)ization$/.exec(w))) return m[1] + 'iz';
  if ((m = /^(.{3,}?)uration$/.exec(w))) return m[1] + 'ur';
  if ((m = /^(.{3,}?)ation$/.exec(w))) return m[1] + 'at';
  if ((m = /^(.{4,}?)enc[ey]$/.exec(w))) return m[1] + 'ent';
  return w;
}

const cache = new Map<string, string>();
const CACHE_MAX = 20_000;

/** The stem of a lower-cased, diacritic-free word key. */
export function stem(key: string): string {
  let s = cache.get(key);
  if (s !== undefined) return s;
  s = IRREGULAR[key] ?? key;
  if (s.length > 3 && /^[a-z]+$/.test(s)) {
    s = british(s);
    s = inflection(s);
    s = derivation(s);
    s = dropE(s);
  }
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, s);
  return s;
}
