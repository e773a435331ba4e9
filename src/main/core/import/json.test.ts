import { describe, expect, it } from 'vitest';
import { deckJsonSchema, findJsonErrorOffset, parseDeckJson } from './json';
import { writeDeckJson } from '../export/deck-json';
import { errorOf } from '../../../../tests/expect-import-error';

const VALID = `{
  "format": "prepdeck-deck",
  "version": 1,
  "deck": {
    "name": "SQL",
    "description": "Joins and indexes.",
    "levels": ["Beginner", "Advanced"],
    "questions": [
      {
        "id": "primary-key",
        "level": "Beginner",
        "prompt": "What is a primary key?",
        "answer": "A column that identifies a row.",
        "keywords": [{ "label": "unique", "aliases": ["uniquely identifies"], "weight": 2 }],
        "tags": ["basics"]
      },
      {
        "level": "Advanced",
        "prompt": "What is a phantom read?",
        "answer": "Rows appear between two reads in one transaction.",
        "keywords": [{ "label": "phantom read" }]
      }
    ]
  }
}`;

describe('parseDeckJson', () => {
  it('reads a version 1 deck, with defaults for optional fields and the line of each question', () => {
    const deck = parseDeckJson(VALID);
    expect(deck.name).toBe('SQL');
    expect(deck.description).toBe('Joins and indexes.');
    expect(deck.levels).toEqual(['Beginner', 'Advanced']);
    expect(deck.questions).toEqual([
      {
        key: 'primary-key',
        level: 'Beginner',
        prompt: 'What is a primary key?',
        answer: 'A column that identifies a row.',
        keywords: [{ label: 'unique', aliases: ['uniquely identifies'], weight: 2 }],
        keywordsSuggested: false,
        tags: ['basics'],
        line: 9,
      },
      {
        key: null,
        level: 'Advanced',
        prompt: 'What is a phantom read?',
        answer: 'Rows appear between two reads in one transaction.',
        keywords: [{ label: 'phantom read', aliases: [], weight: 1 }],
        keywordsSuggested: false,
        tags: [],
        line: 17,
      },
    ]);
    expect(deck.warnings).toEqual([]);
  });

  it('exports a zod schema', () => {
    expect(deckJsonSchema.safeParse(JSON.parse(VALID)).success).toBe(true);
    expect(deckJsonSchema.safeParse({ format: 'x' }).success).toBe(false);
  });

  it('names line and column of a syntax error', () => {
    const text = '{\n  "format": "prepdeck-deck",\n  "version": 1\n  "deck": {}\n}';
    const err = errorOf(() => parseDeckJson(text));
    expect(err.line).toBe(4);
    expect(err.message).toMatch(/^The JSON is malformed at line 4, column 3: /);
  });

  it.each([
    ['a bad literal', '{\n  "a": nope\n}', 2, 8],
    ['a trailing comma in a list', '{"a": [1,\n2,]}', 2, 3],
    ['an unclosed string', '{\n"a": "abc\n}', 2, 10],
    ['a truncated file', '{\n  "a": [1, 2', 2, 13],
    ['an unquoted key', '{\n  format: 1\n}', 2, 3],
    ['text after the value', '{}\nx', 2, 1],
  ])('locates %s', (_name, text, line, column) => {
    const err = errorOf(() => parseDeckJson(text));
    expect(err.line).toBe(line);
    expect(err.message).toContain(`line ${line}, column ${column}`);
  });

  it('refuses a deck made by a newer Prepdeck', () => {
    const err = errorOf(() => parseDeckJson('{"format":"prepdeck-deck","version":2,"deck":{}}'));
    expect(err.message).toContain('made by a newer Prepdeck');
    expect(err.message).toContain('version 2');
  });

  it('refuses JSON that is not a Prepdeck deck', () => {
    expect(errorOf(() => parseDeckJson('[1,2]')).message).toContain('not a Prepdeck deck');
    expect(errorOf(() => parseDeckJson('{"format":"anki"}')).message).toContain('not "anki"');
    expect(errorOf(() => parseDeckJson('{"format":"prepdeck-deck","version":"1"}')).message).toContain(
      'unknown format version',
    );
    expect(errorOf(() => parseDeckJson('')).message).toBe('The file is empty.');
  });

  it('says which question and which field is wrong', () => {
    const bad = JSON.parse(VALID) as { deck: { questions: Record<string, unknown>[] } };
    bad.deck.questions[1]!.keywords = [{ label: 'x', weight: 9 }];
    const pretty = JSON.stringify(bad, null, 2);
    let err = errorOf(() => parseDeckJson(pretty));
    expect(err.message).toBe(
      'Question 2 (“What is a phantom read?”): “keywords[0].weight” must be a whole number from 1 to 5.',
    );
    const promptLine = pretty.split('\n').findIndex((l) => l.includes('phantom read?')) + 1;
    expect(err.line).toBe(promptLine - 2); // the line of the question's "{", above "level" and "prompt"

    bad.deck.questions[1]!.keywords = [];
    delete bad.deck.questions[1]!.level;
    err = errorOf(() => parseDeckJson(JSON.stringify(bad)));
    expect(err.message).toBe('Question 2 (“What is a phantom read?”): “level” is missing.');
    expect(err.line).toBe(1);

    bad.deck.questions[0]!.prompt = 42;
    err = errorOf(() => parseDeckJson(JSON.stringify(bad)));
    expect(err.message).toBe('Question 1: “prompt” should be text, not a number.');
  });

  it('accepts a deck without the envelope, with a warning', () => {
    const deck = parseDeckJson('{"name":"X","questions":[{"level":"Beginner","prompt":"Q?","answer":"A."}]}');
    expect(deck.questions).toHaveLength(1);
    expect(deck.warnings.map((w) => w.message)).toEqual([
      'The file has no "format" and "version"; it was read as a version 1 Prepdeck deck.',
      '"Q?" has no keywords.',
    ]);
  });
});

describe('writeDeckJson', () => {
  it('writes pretty JSON that reads back the same', () => {
    const deck = parseDeckJson(VALID);
    const text = writeDeckJson(deck);
    expect(text).toContain('\n  "format": "prepdeck-deck",\n  "version": 1,');
    expect(text.endsWith('}\n')).toBe(true);
    const withoutLines = (d: typeof deck) => ({ ...d, questions: d.questions.map((q) => ({ ...q, line: 0 })) });
    expect(withoutLines(parseDeckJson(text))).toEqual(withoutLines(deck));
    expect(writeDeckJson(parseDeckJson(text))).toBe(text);
  });
});

describe('findJsonErrorOffset', () => {
  it('finds the first error in deeply nested input without overflowing the stack', () => {
    const text = `${'['.repeat(100_000)}x`;
    expect(findJsonErrorOffset(text)).toBe(100_000);
  });
});
