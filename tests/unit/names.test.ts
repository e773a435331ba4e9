import { describe, expect, it } from 'vitest';
import { callApi, failureOf, memoryApi } from './harness';

const clock = { now: () => Date.UTC(2026, 2, 10, 9, 30) };

const BAD: Array<[string, string, RegExp]> = [
  ['a NUL byte', 'Py\u0000thon', /control characters/],
  ['a right-to-left override', 'deck\u202Egpj.exe', /control characters/],
  ['a bidi isolate', '\u2066Python\u2069', /control characters/],
  ['a line break', 'Two\nlines', /control characters/],
  ['a lone surrogate', 'Broken \uD800 name', /not valid Unicode/],
];

describe('names refuse control characters and invalid Unicode', () => {
  it.each(BAD)('a deck name with %s', async (_what, value, message) => {
    const { api } = memoryApi(clock);
    const failure = await failureOf(api, 'createDeck', { name: value });
    expect(failure.code).toBe('invalid_input');
    expect(failure.message).toMatch(message);
    expect(failure.message).toMatch(/^Invalid input for createDeck: name: This name /);
  });

  it.each(BAD)('a level, a tag, a keyword and an alias with %s', async (_what, value, message) => {
    const { api } = memoryApi(clock);
    const deck = await callApi(api, 'createDeck', { name: 'Good' });
    expect((await failureOf(api, 'updateDeck', { id: deck.id, levels: ['Beginner', value] })).message).toMatch(message);
    const question = { deckId: deck.id, level: 'Beginner', prompt: 'Why?', answer: 'Because.', keywords: [] };
    for (const input of [
      { ...question, level: value },
      { ...question, tags: [value] },
      { ...question, keywords: [{ label: value }] },
      { ...question, keywords: [{ label: 'ok', aliases: [value] }] },
    ]) {
      const failure = await failureOf(api, 'saveQuestion', input);
      expect(failure.code).toBe('invalid_input');
      expect(failure.message).toMatch(message);
    }
    expect(
      (
        await failureOf(api, 'commitImport', {
          source: { kind: 'text', text: '# A\n' },
          target: { newDeckName: value },
        })
      ).message,
    ).toMatch(message);
  });

  it('keeps names in any script, with emoji and their joiners', async () => {
    const { api } = memoryApi(clock);
    for (const name of ['עברית', 'Русский', '日本語', '👩‍💻 Dev', 'Café déjà vu', 'C++ / C#']) {
      expect((await callApi(api, 'createDeck', { name })).name).toBe(name);
    }
  });
});
