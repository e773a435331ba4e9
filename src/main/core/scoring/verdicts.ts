import type { Mention } from './match';
import { stem } from './stem';
import { CLAUSE_WORD, COLON_AFTER, FENCE, NEG, type TextIndex, type Tokens } from './text';

/**
 * The context of each mention: is it in a sentence that explains, in a bare list of terms, in a sentence
 * that only restates the prompt, or under a negation? (Rules at the top of index.ts.) Linear in the tokens.
 */

export type Context = 'explained' | 'listed' | 'echoed' | 'negated';

/** Words that make a run of terms into a sentence: articles, pronouns, auxiliaries, prepositions, conjunctions. */
export const FUNCTION_WORDS = new Set(
  (
    'a an the this that these those it its it’s they them their there here we us our you your i me my he she his her ' +
    'is are was were be been being am do does did done has have had having can could will would shall should may might must ' +
    'of to in on at for by with from into onto over under about after before between through during without within ' +
    'against across along around than then so because since if when while where which who whom whose what why how ' +
    'and or but nor not no yes also only just even still each every all any some both either neither other another ' +
    'such same own more most less least very too as like until unless though although whereas instead once'
  ).split(' '),
);

/** Explanation a sentence needs per keyword it names (words that are not part of a keyword mention). */
const OTHER_PER_KEYWORD = 2;
/** A sentence of LIST_MIN_SEGMENTS+ segments is list-shaped when this share of them are bare terms. */
const LIST_SHARE = 0.6;
const LIST_MIN_SEGMENTS = 4;
/** Up to this many words outside mentions, a sentence without a function word is a string of terms. */
const NO_FUNCTION_MAX = 5;
/** Words after a lead-in term's colon that make it a definition ("**Sessions**: the server keeps …"). */
const LEAD_IN_MIN = 4;
const RELATIVE = new Set(['which', 'that', 'who', 'whose', 'where']);
/** A segment of at most this many words is a term (bare when it has no function word outside mentions). */
const BARE_MAX = 6;
/** Words besides keyword mentions that a segment may have and still read as a term in a list. */
const TERM_EXTRA = 3;
/** New words (not in the prompt) a sentence needs to count as the answer's own. */
const OWN_WORDS = 2;
/** How far back (tokens, in the same clause) a negation reaches. */
const NEGATION_REACH = 5;
const NOT_NEGATING_NEXT = new Set(['only', 'just', 'merely', 'simply', 'also', 'always']);
const MODALS = new Set(['should', 'must', 'do', 'please']);
const ADVICE = new Set(['dont', 'never', 'shouldnt', 'mustnt']);

interface SentenceFacts {
  tokens: number;
  mentionTokens: number;
  keywords: Set<number>;
  functionWords: number;
  newWords: number;
  fence: boolean;
  segments: number;
  /** Segments (clauses) that are bare terms: at most BARE_MAX words, no function word outside mentions. */
  bareSegments: number;
}

function isNegation(tokens: Tokens, i: number): boolean {
  if (!tokens.has(i, NEG)) return false;
  const key = tokens.key(i);
  const clause = tokens.clause[i];
  if (i + 1 < tokens.length && tokens.clause[i + 1] === clause && NOT_NEGATING_NEXT.has(tokens.key(i + 1))) {
    return false;
  }
  const prev = i > 0 ? tokens.key(i - 1) : null;
  const clauseStart = prev === null || tokens.clause[i - 1] !== clause;
  if (key === 'not' && (prev === 'or' || prev === 'if')) return false;
  // Advice is not a denial: "never hard-code secrets", "don't use signals for that", "you should not …".
  if (ADVICE.has(key) && (clauseStart || (prev !== null && MODALS.has(prev)))) return false;
  if (prev !== null && MODALS.has(prev) && (key === 'not' || key === 'never')) {
    if (prev !== 'do' || i < 2 || tokens.clause[i - 2] !== clause) return false;
  }
  return true;
}

function negated(tokens: Tokens, a: number): boolean {
  const clause = tokens.clause[a];
  for (let i = a - 1; i >= 0 && i >= a - NEGATION_REACH; i--) {
    if (tokens.clause[i] !== clause) return false;
    if (isNegation(tokens, i)) return true;
    if (tokens.has(i, CLAUSE_WORD)) return false;
  }
  return false;
}

/**
 * One pass: per sentence its counts; per clause (segment) whether it reads as a term: at most TERM_EXTRA
 * words besides mentions, one of them a function word at most ("separation of concerns", not "then you need").
 */
function readSentences(
  tokens: Tokens,
  inMention: Uint8Array,
  isFunction: Uint8Array,
  isNew: Uint8Array | null,
): { facts: SentenceFacts[]; termClause: Uint8Array } {
  const { sentence: sentenceOf, clause: clauseOf } = tokens;
  const keyIds = tokens.keyId;
  const facts: SentenceFacts[] = [];
  const termClause = new Uint8Array((tokens.length > 0 ? (clauseOf[tokens.length - 1] as number) : 0) + 1);
  let segStart = 0;
  let segFunctionWords = 0;
  let segMentionTokens = 0;
  const closeSegment = (f: SentenceFacts | undefined, end: number): void => {
    if (!f || end <= segStart) return;
    f.segments++;
    if (end - segStart <= BARE_MAX && segFunctionWords === 0) f.bareSegments++;
    // The mention's own segment reads as a term when, besides keyword mentions, it has a few words at most.
    if (end - segStart - segMentionTokens <= TERM_EXTRA && segFunctionWords <= 1) {
      termClause[clauseOf[segStart] as number] = 1;
    }
    segFunctionWords = 0;
    segMentionTokens = 0;
    segStart = end;
  };
  for (let i = 0; i < tokens.length; i++) {
    const sentence = sentenceOf[i] as number;
    let f = facts[sentence];
    if (!f) {
      closeSegment(facts[sentence - 1], i);
      f = {
        tokens: 0,
        mentionTokens: 0,
        keywords: new Set(),
        functionWords: 0,
        newWords: 0,
        fence: false,
        segments: 0,
        bareSegments: 0,
      };
      facts[sentence] = f;
      segStart = i;
    } else if (clauseOf[i] !== clauseOf[i - 1]) closeSegment(f, i);
    f.tokens++;
    if (tokens.has(i, FENCE)) f.fence = true;
    if (inMention[i]) {
      f.mentionTokens++;
      segMentionTokens++;
      continue;
    }
    const id = keyIds[i] as number;
    if (isFunction[id]) {
      f.functionWords++;
      segFunctionWords++;
    } else if (isNew?.[id]) f.newWords++;
  }
  closeSegment(facts[facts.length - 1], tokens.length);
  return { facts, termClause };
}

/** Reads the sentences once (linear); the function it returns judges one mention in O(1). */
export function classifyMentions(
  idx: TextIndex,
  mentions: readonly Mention[],
  promptNames: ReadonlySet<number>,
  promptStems: ReadonlySet<string> | null,
): (m: Mention) => Context {
  const tokens = idx.tokens;
  const inMention = new Uint8Array(tokens.length);
  const { sentence: sentenceOf, clause: clauseOf } = tokens;
  for (const m of mentions) inMention.fill(1, m.a, m.b + 1);

  // Per distinct word, once: is it a function word, is it new (not in the prompt)?
  const isFunction = Uint8Array.from(idx.keys, (k) => (FUNCTION_WORDS.has(k) ? 1 : 0));
  const isNew = promptStems ? Uint8Array.from(idx.keys, (k) => (promptStems.has(stem(k)) ? 0 : 1)) : null;
  const keyIds = tokens.keyId;

  const { facts, termClause } = readSentences(tokens, inMention, isFunction, isNew);
  for (const m of mentions) facts[sentenceOf[m.a] as number]?.keywords.add(m.kw);

  const listed = facts.map((f) => {
    if (!f) return false;
    const other = f.tokens - f.mentionTokens;
    if (f.fence) return true;
    if (other < Math.max(2, OTHER_PER_KEYWORD * f.keywords.size)) return true;
    // A string of terms with no function word; a longer one is a sentence that happens to have none.
    return f.functionWords === 0 && other <= NO_FUNCTION_MAX;
  });
  /** A list of terms: 3+ segments, most of them bare terms. */
  const listShaped = facts.map(
    (f) => f !== undefined && f.segments >= LIST_MIN_SEGMENTS && f.bareSegments >= LIST_SHARE * f.segments,
  );
  // Where each clause starts and ends, to see what follows a term.
  const clauseFirst = new Int32Array(termClause.length).fill(-1);
  const clauseLast = new Int32Array(termClause.length);
  for (let i = 0; i < tokens.length; i++) {
    const c = clauseOf[i] as number;
    if (clauseFirst[c] === -1) clauseFirst[c] = i;
    clauseLast[c] = i;
  }
  /** A term that the sentence goes on to explain: "X, which …", or a lead-in "X: what it is …". */
  // Judged once per clause (0 unknown, 1 no, 2 yes): a clause may hold many mentions.
  const explainedClause = new Uint8Array(termClause.length);
  const explainedTerm = (m: Mention): boolean => {
    const c = clauseOf[m.a] as number;
    if (explainedClause[c] === 0) explainedClause[c] = termIsExplained(c) ? 2 : 1;
    return explainedClause[c] === 2;
  };
  const termIsExplained = (c: number): boolean => {
    const last = clauseLast[c] as number;
    const sentence = sentenceOf[last] as number;
    const next = clauseFirst[c + 1] ?? -1;
    if (next > 0 && sentenceOf[next] === sentence && RELATIVE.has(tokens.key(next))) return true;
    const first = clauseFirst[c] as number;
    const leadIn = first === 0 || sentenceOf[first - 1] !== sentence;
    if (!leadIn || !tokens.has(last, COLON_AFTER)) return false;
    // What follows the colon must read as a sentence: enough words, and a function word among them.
    let after = 0;
    let functionWords = 0;
    for (let i = last + 1; i < tokens.length && sentenceOf[i] === sentence; i++) {
      after++;
      if (isFunction[keyIds[i] as number]) functionWords++;
      if (after >= LEAD_IN_MIN && functionWords > 0) return true;
    }
    return false;
  };

  return (m: Mention): Context => {
    const sentence = sentenceOf[m.a] as number;
    const f = facts[sentence];
    if (promptNames.has(m.kw) && (!f || f.newWords < OWN_WORDS)) return 'echoed';
    if (negated(tokens, m.a)) return 'negated';
    if (f?.fence) return 'listed';
    if (listed[sentence] && !explainedTerm(m)) return 'listed';
    if (listShaped[sentence] && termClause[clauseOf[m.a] as number] && !explainedTerm(m)) return 'listed';
    return 'explained';
  };
}
