/** A deck written as Prepdeck JSON, which import/json.ts reads back. */
import type { ParsedDeck } from '../../../shared/domain';
import { DECK_JSON_FORMAT, DECK_JSON_VERSION } from '../import/json';

/** Prepdeck JSON, pretty-printed with 2 spaces. */
export function writeDeckJson(deck: Pick<ParsedDeck, 'name' | 'description' | 'levels' | 'questions'>): string {
  const levels = [...deck.levels];
  for (const q of deck.questions) if (!levels.includes(q.level)) levels.push(q.level);
  const file = {
    format: DECK_JSON_FORMAT,
    version: DECK_JSON_VERSION,
    deck: {
      name: deck.name,
      description: deck.description,
      levels,
      questions: deck.questions.map((q) => ({
        ...(q.key ? { id: q.key } : {}),
        level: q.level,
        prompt: q.prompt,
        answer: q.answer,
        keywords: q.keywords.map((k) => ({ label: k.label, aliases: [...k.aliases], weight: k.weight })),
        tags: [...q.tags],
      })),
    },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
