import { describe, expect, it } from 'vitest';
import { writeDeckCsv } from '../../src/main/core/export';
import { parseImport } from '../../src/main/core/import';
import type { ParsedQuestion } from '../../src/shared/domain';

const question = (prompt: string, answer: string): ParsedQuestion => ({
  key: null,
  level: 'Beginner',
  prompt,
  answer,
  keywords: [{ label: 'ORM', aliases: [], weight: 1 }],
  keywordsSuggested: false,
  tags: [],
  line: 0,
});

describe('the deck CSV keeps every record whole', () => {
  it('quotes a field holding a lone carriage return, so reading it back does not split the row', () => {
    const text = writeDeckCsv({
      name: 'Line ends',
      description: '',
      levels: ['Beginner'],
      questions: [
        question('What does the ORM map?', 'Tables to classes.\rRows to instances.'),
        question('Old Mac line ends?', 'One\r\rTwo'),
        question('And plain ones?', 'First\nSecond'),
      ],
    });
    const back = parseImport({ text, fileName: 'line-ends.csv' }).deck.questions;
    expect(back.map((q) => [q.prompt, q.answer])).toEqual([
      ['What does the ORM map?', 'Tables to classes.\nRows to instances.'],
      ['Old Mac line ends?', 'One\n\nTwo'],
      ['And plain ones?', 'First\nSecond'],
    ]);
  });
});
