/**
 * A deck file in parts: its head, its questions a chunk at a time, its tail. The whole-deck writers are these parts
 * joined, and the export job writes the same parts as it reads the questions, so both make the same bytes.
 */
import type { ParsedDeck, ParsedQuestion } from '../../../shared/domain';

/** What a deck file says before its questions. */
export interface DeckHead {
  name: string;
  description: string;
  /** The deck's own levels, in its order. */
  levels: string[];
  /** Those, then the levels of questions the deck does not list, in the order the questions first name them. */
  allLevels: string[];
}

/** A question in the order the file lists them; `opensLevel` when it is the first of its level's section. */
export interface PlacedQuestion {
  question: ParsedQuestion;
  opensLevel: boolean;
}

export interface DeckFileWriter {
  /** Markdown lists the questions level by level (sections); the others in the deck's own order. */
  bySection: boolean;
  head(deck: DeckHead): string;
  /** The next questions; `before` of them were written already. */
  questions(placed: readonly PlacedQuestion[], before: number): string;
  /** After the last question, `count` of them written. */
  tail(count: number): string;
}

/** The levels a file names, in its order: the deck's, then those only questions name (first named, first). */
function fileLevels(deckLevels: readonly string[], questionLevels: Iterable<string>): string[] {
  const levels = [...deckLevels];
  const known = new Set(levels);
  for (const level of questionLevels) {
    if (known.has(level)) continue;
    known.add(level);
    levels.push(level);
  }
  return levels;
}

/**
 * The order a writer lists questions in, as indices into `levels` (the questions' levels in the deck's order), each
 * once: the deck's order, or section by section (a level the deck names twice gets its section twice, as the
 * whole-deck writer always did). Linear: one bucket per level.
 */
function fileOrder(
  writer: Pick<DeckFileWriter, 'bySection'>,
  fileLevelList: readonly string[],
  levels: readonly string[],
): Array<{ index: number; opensLevel: boolean }> {
  if (!writer.bySection) return levels.map((_, index) => ({ index, opensLevel: false }));
  const buckets = new Map<string, number[]>();
  levels.forEach((level, index) => {
    const bucket = buckets.get(level);
    if (bucket) bucket.push(index);
    else buckets.set(level, [index]);
  });
  const order: Array<{ index: number; opensLevel: boolean }> = [];
  for (const level of fileLevelList) {
    (buckets.get(level) ?? []).forEach((index, i) => order.push({ index, opensLevel: i === 0 }));
  }
  return order;
}

/**
 * A deck's file a chunk at a time: the head (no questions), the questions `chunkRows` at a time as `load` reads them
 * (it is given indices into `levels` and answers those questions, in that order), then the tail.
 */
export function* deckFileChunks(
  writer: DeckFileWriter,
  deck: Pick<DeckHead, 'name' | 'description' | 'levels'>,
  levels: readonly string[],
  load: (indices: readonly number[]) => ParsedQuestion[],
  chunkRows: number,
): Generator<{ text: string; rows: number }> {
  const allLevels = fileLevels(deck.levels, levels);
  const order = fileOrder(writer, allLevels, levels);
  yield { text: writer.head({ ...deck, allLevels }), rows: 0 };
  for (let at = 0; at < order.length; at += chunkRows) {
    const slice = order.slice(at, at + chunkRows);
    const questions = load(slice.map((o) => o.index));
    const placed = questions.map((question, i) => ({ question, opensLevel: slice[i]!.opensLevel }));
    yield { text: writer.questions(placed, at), rows: slice.length };
  }
  yield { text: writer.tail(order.length), rows: 0 };
}

/** The whole file at once, from a deck in memory: the same parts, joined. */
export function writeWholeDeck(
  writer: DeckFileWriter,
  deck: Pick<ParsedDeck, 'name' | 'description' | 'levels' | 'questions'>,
): string {
  const levels = deck.questions.map((q) => q.level);
  const load = (indices: readonly number[]) => indices.map((i) => deck.questions[i]!);
  let text = '';
  for (const chunk of deckFileChunks(writer, deck, levels, load, Math.max(1, levels.length))) text += chunk.text;
  return text;
}
