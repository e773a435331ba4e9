/** A deck written as Prepdeck Markdown, which core/deck-markdown.ts reads back (the bundled decks' format). */
import type { ParsedDeck } from '../../../shared/domain';
import { ANSWER_CLOSE, ANSWER_OPEN, formatKeywordList, needsWrapping, oneLine } from '../deck-markdown';

export function writeDeckMarkdown(deck: Pick<ParsedDeck, 'name' | 'description' | 'levels' | 'questions'>): string {
  const out: string[] = [`# ${deck.name}`, ''];
  if (deck.description) out.push(deck.description, '');
  out.push(`Levels: ${deck.levels.join(', ')}`, '');
  const levels = [...deck.levels];
  for (const q of deck.questions) if (!levels.includes(q.level)) levels.push(q.level);
  for (const level of levels) {
    const qs = deck.questions.filter((q) => q.level === level);
    if (qs.length === 0) continue;
    out.push(`## ${level}`, '');
    for (const q of qs) {
      out.push(`### ${oneLine(q.prompt)}`, '');
      if (q.key) out.push(`Id: ${q.key}`);
      out.push(`Keywords: ${formatKeywordList(q.keywords)}`);
      if (q.tags.length) out.push(`Tags: ${q.tags.join(', ')}`);
      const answer = q.answer.trim();
      if (needsWrapping(answer)) out.push('', ANSWER_OPEN, answer, ANSWER_CLOSE, '');
      else out.push('', answer, '');
    }
  }
  return out.join('\n');
}
