/** A deck written as Prepdeck Markdown, which core/deck-markdown.ts reads back (the bundled decks' format). */
import type { ParsedDeck, ParsedQuestion } from '../../../shared/domain';
import { ANSWER_CLOSE, ANSWER_OPEN, formatKeywordList, needsWrapping, oneLine } from '../deck-markdown';
import { writeWholeDeck, type DeckFileWriter } from './deck-stream';

function questionLines(q: ParsedQuestion): string[] {
  const out = [`### ${oneLine(q.prompt)}`, ''];
  if (q.key) out.push(`Id: ${q.key}`);
  out.push(`Keywords: ${formatKeywordList(q.keywords)}`);
  if (q.tags.length) out.push(`Tags: ${q.tags.join(', ')}`);
  const answer = q.answer.trim();
  if (needsWrapping(answer)) out.push('', ANSWER_OPEN, answer, ANSWER_CLOSE, '');
  else out.push('', answer, '');
  return out;
}

/** The file is one list of lines joined by line breaks: each part after the head starts with the break before it. */
export const deckMarkdownWriter: DeckFileWriter = {
  bySection: true,
  head: (deck) => {
    const out: string[] = [`# ${deck.name}`, ''];
    if (deck.description) out.push(deck.description, '');
    out.push(`Levels: ${deck.levels.join(', ')}`, '');
    return out.join('\n');
  },
  questions: (placed) => {
    let text = '';
    for (const { question, opensLevel } of placed) {
      const lines = questionLines(question);
      if (opensLevel) lines.unshift(`## ${question.level}`, '');
      text += `\n${lines.join('\n')}`;
    }
    return text;
  },
  tail: () => '',
};

export function writeDeckMarkdown(deck: Pick<ParsedDeck, 'name' | 'description' | 'levels' | 'questions'>): string {
  return writeWholeDeck(deckMarkdownWriter, deck);
}
