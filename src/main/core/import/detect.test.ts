import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect';

const DECK =
  '# Django\n\n## Beginner\n\n### What is Django?\n\nId: what-is-django\nKeywords: ORM; MVT\n\nA framework.\n';
const ARTICLE = 'Top Django Questions\n\n## Beginner\n\n### 1. What is Django?\n\nA framework.\n\n🔑 Keywords: ORM\n';

describe('detectFormat', () => {
  it.each([
    ['deck.json', 'anything', 'json'],
    ['deck.JSON', 'anything', 'json'],
    ['cards.csv', 'a\tb', 'csv'],
    ['cards.tsv', 'a,b', 'tsv'],
    ['deck.md', DECK, 'markdown'],
    ['post.md', ARTICLE, 'article'],
    ['deck.txt', DECK, 'markdown'],
    ['post.txt', ARTICLE, 'article'],
  ] as const)('uses the extension of %s', (name, text, format) => {
    expect(detectFormat(text, name)).toBe(format);
  });

  it('sniffs content without a file name', () => {
    expect(detectFormat('  {\n  "format": "prepdeck-deck"\n}')).toBe('json');
    expect(detectFormat('{ format: 1 }')).toBe('json');
    expect(detectFormat('#separator:tab\n#html:true\nfront\tback\n')).toBe('tsv');
    expect(detectFormat('#separator:comma\n#html:false\nfront,back\n')).toBe('csv');
    expect(detectFormat('#html:true\n#tags column:3\nfront,back,tag\n')).toBe('csv');
    expect(detectFormat(DECK)).toBe('markdown');
    expect(detectFormat('What is X?\tX is Y\nWhat is Z?\tZ is W\n')).toBe('tsv');
    expect(detectFormat('question,answer\nWhat is X?,Y\n')).toBe('csv');
    expect(detectFormat(ARTICLE)).toBe('article');
    expect(detectFormat('')).toBe('article');
  });

  it('reads an Anki export saved as .txt as a table', () => {
    expect(detectFormat('#separator:tab\n#html:true\nfront\tback\n', 'Django.txt')).toBe('tsv');
  });

  it('does not take tab-indented code in an article for a table', () => {
    const text = '1. What is a goroutine?\nA light thread:\n\tgo work()\n\tgo other()\nKeywords: goroutine\n';
    expect(detectFormat(text, 'go.txt')).toBe('article');
  });

  it('does not take a Markdown article with a few Keywords lines for a deck unless they sit under the headings', () => {
    const text =
      '# Post\n\n## Beginner\n\n### 1. What is X?\n\nX is a thing.\n\nKeywords: x\n\n### 2. What is Y?\n\nY.\n';
    expect(detectFormat(text)).toBe('article');
  });
});
