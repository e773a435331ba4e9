import { describe, expect, it } from 'vitest';
import type { ParsedDeck, ParsedQuestion } from '../../../shared/domain';
import { parseDeckMarkdown } from '../deck-markdown';
import { writeDeckMarkdown } from '../export/deck-markdown';
import { writeDeckCsv } from '../export/deck-csv';
import { parseImport, parseImportBytes } from './index';
import { parseDeckJson } from './json';
import { writeDeckJson } from '../export/deck-json';
import { errorOf } from '../../../../tests/expect-import-error';

const q = (over: Partial<ParsedQuestion> & Pick<ParsedQuestion, 'prompt' | 'answer'>): ParsedQuestion => ({
  key: null,
  level: 'Beginner',
  keywords: [],
  keywordsSuggested: false,
  tags: [],
  line: 0,
  ...over,
});

/** A deck with the content that breaks naive writers: quotes, commas, newlines, fences, unicode, | and ;. */
const TRICKY: ParsedDeck = {
  name: 'Tricky, "quoted" — déjà vu 日本',
  description: 'Commas, "quotes", pipes | and semicolons ; in the description.',
  levels: ['Beginner', 'Intermediate', 'Advanced', 'Scenario'],
  warnings: [],
  questions: [
    q({
      key: 'csv-escaping',
      prompt: 'What does "escaping" mean, in CSV?',
      answer:
        'Wrap the field in "double quotes", and double any quote inside: ""like this"".\n\nCommas, too; and | pipes.',
      keywords: [
        { label: 'double quotes', aliases: ['quoting', 'quote marks'], weight: 2 },
        { label: 'escape', aliases: [], weight: 1 },
      ],
      tags: ['csv', 'formats'],
    }),
    q({
      key: 'orm-unicode',
      level: 'Intermediate',
      prompt: 'Qu’est-ce que l’ORM ? — ORMの説明 🚀',
      answer: [
        'An **ORM** maps rows to objects:',
        '',
        '```python',
        '### not a heading',
        '## not a level',
        'rows = Book.objects.filter(title__contains="a|b;c")  # comma, "quote"',
        '```',
        '',
        '| col | val |',
        '| --- | --- |',
        '| a;b | c\\|d |',
      ].join('\n'),
      keywords: [{ label: 'ORM', aliases: ['object-relational mapper', 'object relational mapping'], weight: 3 }],
      tags: ['orm', 'unicode-ß'],
    }),
    q({
      level: 'Advanced',
      prompt: '#1 reason to add an index?',
      answer: '- Faster reads\n- Slower writes, sometimes\n\n> A quote, "nested".',
      keywords: [
        { label: 'ACID, BASE', aliases: [], weight: 1 },
        { label: 'B-tree', aliases: ['btree'], weight: 5 },
      ],
      tags: [],
    }),
    q({
      key: 'tabs-and-crlf',
      level: 'Scenario',
      prompt: 'A tab\there and a trailing backslash \\',
      answer: 'Line one\nLine two with a tab\tinside\n\n~~~\ncode ~~~ fence\n~~~',
      keywords: [{ label: 'whitespace', aliases: ['tabs'], weight: 1 }],
      tags: ['edge'],
    }),
  ],
};

type Core = Pick<ParsedQuestion, 'key' | 'level' | 'prompt' | 'answer' | 'keywords' | 'tags'>;
const core = (d: Pick<ParsedDeck, 'questions'>): Core[] =>
  d.questions.map(({ key, level, prompt, answer, keywords, tags }) => ({ key, level, prompt, answer, keywords, tags }));
const noKey = (list: Core[]): Omit<Core, 'key'>[] => list.map(({ key: _key, ...rest }) => rest);

describe('round trips on a deck with tricky content', () => {
  it('Markdown: write → parse → write → parse is stable and keeps every field', () => {
    const first = parseDeckMarkdown(writeDeckMarkdown(TRICKY));
    expect(first.warnings).toEqual([]);
    expect(first.name).toBe(TRICKY.name);
    expect(first.description).toBe(TRICKY.description);
    expect(first.levels).toEqual(TRICKY.levels);
    expect(core(first)).toEqual(core(TRICKY));
    const second = parseDeckMarkdown(writeDeckMarkdown(first));
    expect(second).toEqual(first);
  });

  it('Markdown: an answer whose first line looks like metadata stays in the answer', () => {
    // Found while testing: parseDeckMarkdown read such a line as metadata ("Level: it depends." moved the question
    // to a level called "it depends."). Fixed in deck-markdown.ts: the blank line after the metadata ends it.
    const deck: ParsedDeck = {
      ...TRICKY,
      questions: [
        q({ prompt: 'P1', answer: 'Level: it depends.\nMore.', keywords: [{ label: 'k', aliases: [], weight: 1 }] }),
        q({ prompt: 'P2', answer: 'Tags: are free text.', tags: ['t'], key: 'p2' }),
      ],
    };
    expect(core(parseDeckMarkdown(writeDeckMarkdown(deck)))).toEqual(core(deck));
  });

  it('JSON: write → parse keeps everything; writing again gives the same text', () => {
    const text = writeDeckJson(TRICKY);
    const back = parseDeckJson(text);
    expect(back.name).toBe(TRICKY.name);
    expect(back.description).toBe(TRICKY.description);
    expect(back.levels).toEqual(TRICKY.levels);
    expect(core(back)).toEqual(core(TRICKY));
    expect(writeDeckJson(back)).toBe(text);
  });

  it('CSV: write → parse keeps prompt, answer, level, keywords (aliases, weights) and tags', () => {
    const text = writeDeckCsv(TRICKY);
    const result = parseImport({ text, fileName: 'export.csv' });
    expect(result.format).toBe('csv');
    expect(result.deck.name).toBe(TRICKY.name);
    expect(result.deck.levels).toEqual(TRICKY.levels);
    expect(result.deck.warnings).toEqual([]);
    expect(noKey(core(result.deck))).toEqual(noKey(core(TRICKY)));
    expect(result.deck.questions.every((x) => !x.keywordsSuggested)).toBe(true);
    expect(writeDeckCsv(result.deck)).toBe(text);
  });

  it('Markdown → JSON → CSV → Markdown ends where it started', () => {
    const md = writeDeckMarkdown(TRICKY);
    const viaJson = parseImport({ text: writeDeckJson(parseImport({ text: md, fileName: 'a.md' }).deck) }).deck;
    const viaCsv = parseImport({ text: writeDeckCsv(viaJson), format: 'csv' }).deck;
    expect(noKey(core(parseDeckMarkdown(writeDeckMarkdown({ ...viaCsv, description: TRICKY.description }))))).toEqual(
      noKey(core(TRICKY)),
    );
  });
});

describe('parseImport', () => {
  it('dispatches on the file name and content', () => {
    const md = writeDeckMarkdown(TRICKY);
    expect(parseImport({ text: md, fileName: 'deck.md' }).format).toBe('markdown');
    expect(parseImport({ text: writeDeckJson(TRICKY) }).format).toBe('json');
    expect(parseImport({ text: 'Question\tAnswer\nWhat is X?\tY\n', fileName: 'cards.tsv' }).format).toBe('tsv');
    const article = parseImport({ text: '## Beginner\n1. What is X?\nX is Y.\n', fileName: 'post.txt' });
    expect(article.format).toBe('article');
    expect(article.deck.name).toBe('post');
    expect(article.table).toBeUndefined();
  });

  it('returns a preview of the first 20 rows and the mapping for tables', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `Question ${i + 1}?,Answer ${i + 1}.,hard`);
    const result = parseImport({ text: `Front,Back,Difficulty\n${rows.join('\n')}\n`, fileName: 'my_cards-2024.csv' });
    expect(result.deck.questions).toHaveLength(30);
    expect(result.deck.name).toBe('my cards 2024');
    expect(result.deck.questions[0]!.level).toBe('Advanced');
    expect(result.table!.header).toEqual(['Front', 'Back', 'Difficulty']);
    expect(result.table!.rows).toHaveLength(20);
    expect(result.table!.mapping).toEqual({ prompt: 0, answer: 1, level: 2, keywords: null, tags: null });
  });

  it('honours an explicit format, delimiter, mapping, deck name and default level', () => {
    const result = parseImport({
      text: 'x;What is A?;A is a letter.\ny;What is B?;B too.\n',
      format: 'csv',
      delimiter: ';',
      mapping: { prompt: 1, answer: 2, level: null, keywords: null, tags: 0 },
      deckName: 'Letters',
      defaultLevel: 'Scenario',
    });
    expect(result.deck.name).toBe('Letters');
    expect(result.deck.questions.map((x) => [x.prompt, x.level, x.tags])).toEqual([
      ['What is A?', 'Scenario', ['x']],
      ['What is B?', 'Scenario', ['y']],
    ]);
  });

  it('uses the Anki #deck: header as the name of a table deck', () => {
    expect(parseImport({ text: '#separator:tab\n#deck:Spanish\nhola\thello\n' }).deck.name).toBe('Spanish');
  });

  it('refuses a deck with no questions', () => {
    expect(
      errorOf(() => parseImport({ text: '# Empty\n\nNothing here.\n', format: 'markdown', fileName: 'empty.md' }))
        .message,
    ).toBe('“empty.md” contains no questions.');
    expect(
      errorOf(() => parseImport({ text: '{"format":"prepdeck-deck","version":1,"deck":{"name":"x","questions":[]}}' }))
        .message,
    ).toBe('The text contains no questions.');
    expect(errorOf(() => parseImport({ text: 'Front,Back\n', format: 'csv' })).message).toBe(
      'The text contains no questions.',
    );
    expect(errorOf(() => parseImport({ text: 'hello', format: 'article' })).message).toContain('No questions found');
  });

  it('reports malformed inputs with their line', () => {
    expect(errorOf(() => parseImport({ text: '{\n  "format": "prepdeck-deck",\n  oops\n}' })).line).toBe(3);
    expect(errorOf(() => parseImport({ text: 'a,b\nc,"d\n', fileName: 'x.csv' })).line).toBe(2);
  });
});

describe('large inputs', () => {
  // How long this takes is measured by the benchmark (tests/bench/import-parsers.ts), not here.
  it('parses CSV and JSON decks of several megabytes', () => {
    const big: ParsedDeck = {
      ...TRICKY,
      questions: Array.from({ length: 10_000 }, (_, i) => ({
        ...TRICKY.questions[i % 4]!,
        prompt: `Q${i}: ${TRICKY.questions[i % 4]!.prompt}`,
        key: null,
      })),
    };
    for (const [name, text] of [
      ['csv', writeDeckCsv(big)],
      ['json', writeDeckJson(big)],
    ] as const) {
      const result = parseImport({ text, format: name });
      expect(result.deck.questions).toHaveLength(10_000);
    }
  });
});

describe('parseImportBytes', () => {
  it('decodes, then parses', () => {
    const text = writeDeckJson(TRICKY);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(core(parseImportBytes(bytes, { fileName: 'deck.json' }).deck)).toEqual(core(TRICKY));
  });

  it('passes decoding errors through', () => {
    expect(errorOf(() => parseImportBytes(new Uint8Array(), {})).message).toBe('The file is empty.');
  });
});
