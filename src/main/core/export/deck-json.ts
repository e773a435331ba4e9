/** A deck written as Prepdeck JSON, which import/json.ts reads back. */
import type { ParsedDeck, ParsedQuestion } from '../../../shared/domain';
import { DECK_JSON_FORMAT, DECK_JSON_VERSION } from '../deck-json-format';
import { writeWholeDeck, type DeckFileWriter, type DeckHead } from './deck-stream';

/** Where the questions go in the pretty-printed file: the deck's last key, the file's last value. */
const QUESTIONS = '\n    "questions": []';

/** The file with no questions, cut where they go: JSON.stringify(file, null, 2) is that text around the array. */
function around(deck: DeckHead): [string, string] {
  const file = {
    format: DECK_JSON_FORMAT,
    version: DECK_JSON_VERSION,
    deck: { name: deck.name, description: deck.description, levels: deck.allLevels, questions: [] },
  };
  const text = `${JSON.stringify(file, null, 2)}\n`;
  const at = text.lastIndexOf(QUESTIONS) + QUESTIONS.length - 1;
  return [text.slice(0, at), text.slice(at + 1)];
}

const item = (q: ParsedQuestion) => ({
  ...(q.key ? { id: q.key } : {}),
  level: q.level,
  prompt: q.prompt,
  answer: q.answer,
  keywords: q.keywords.map((k) => ({ label: k.label, aliases: [...k.aliases], weight: k.weight })),
  tags: [...q.tags],
});

/** An array item three levels deep: stringified alone, each of its lines indented by 6 (strings hold no line break). */
const indented = (q: ParsedQuestion) => `      ${JSON.stringify(item(q), null, 2).replaceAll('\n', '\n      ')}`;

/** Prepdeck JSON, pretty-printed with 2 spaces. */
export const deckJsonWriter: DeckFileWriter = {
  bySection: false,
  head: (deck) => around(deck)[0],
  questions: (placed, before) =>
    placed.map(({ question }, i) => `${before + i === 0 ? '\n' : ',\n'}${indented(question)}`).join(''),
  tail: (count) => `${count > 0 ? '\n    ' : ''}]${tailAfterQuestions}`,
};

/** What follows the questions' array: the same for every deck (the closing braces). */
const tailAfterQuestions = around({ name: '', description: '', levels: [], allLevels: [] })[1];

export function writeDeckJson(deck: Pick<ParsedDeck, 'name' | 'description' | 'levels' | 'questions'>): string {
  return writeWholeDeck(deckJsonWriter, deck);
}
