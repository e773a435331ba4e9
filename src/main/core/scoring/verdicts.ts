import type { Mention } from './match';
import { stem } from './stem';
import { CLAUSE_WORD, FENCE, NEG, type TextIndex, type Tokens } from './text';

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

  const facts: SentenceFacts[] = [];
  let lastClause = -1;
  let segBare = true;
  let segLen = 0;
  const closeSegment = (f: SentenceFacts | undefined): void => {
    if (!f || segLen === 0) return;
    f.segments++;
    if (segBare && segLen <= 5) f.bareSegments++;
    segBare = true;
    segLen = 0;
  };
  for (let i = 0; i < tokens.length; i++) {
    const sentence = sentenceOf[i] as number;
    const clause = clauseOf[i] as number;
    let f = facts[sentence];
    if (!f) {
      closeSegment(facts[sentence - 1]);
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
      lastClause = clause;
    }
    if (clause !== lastClause) {
      closeSegment(f);
      lastClause = clause;
    }
    segLen++;
    f.tokens++;
    if (tokens.has(i, FENCE)) f.fence = true;
    if (inMention[i]) {
      f.mentionTokens++;
      continue;
    }
    const id = keyIds[i] as number;
    if (isFunction[id]) {
      f.functionWords++;
      segBare = false;
    } else if (isNew?.[id]) f.newWords++;
  }
  closeSegment(facts[facts.length - 1]);
  for (const m of mentions) facts[sentenceOf[m.a] as number]?.keywords.add(m.kw);

  const listed = facts.map((f) => {
    if (!f) return false;
    const other = f.tokens - f.mentionTokens;
    if (f.fence) return true;
    if (other < Math.max(2, f.mentionTokens, OTHER_PER_KEYWORD * f.keywords.size)) return true;
    if (f.functionWords === 0) return true;
    return f.segments >= 3 && f.bareSegments / f.segments >= 0.6;
  });

  return (m: Mention): Context => {
    const sentence = sentenceOf[m.a] as number;
    const f = facts[sentence];
    if (promptNames.has(m.kw) && (!f || f.newWords < OWN_WORDS)) return 'echoed';
    if (negated(tokens, m.a)) return 'negated';
    if (listed[sentence]) return 'listed';
    return 'explained';
  };
}
