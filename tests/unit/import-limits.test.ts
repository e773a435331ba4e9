/** Limits on what comes in: where a person never goes and a mistake easily does; the editor agrees with them. */
import { describe, expect, it } from 'vitest';
import { LIMITS, PREVIEW_PAGE } from '../../src/shared/limits';
import { callApi, failureOf, memoryApi } from './harness';

const clock = { now: () => Date.UTC(2026, 2, 10, 9, 30) };

function deck(count: number, question: (i: number) => string = (i) => `### Question ${i}?\n\nAnswer ${i}.\n`): string {
  const parts = ['# Big\n\n## Beginner\n'];
  for (let i = 0; i < count; i++) parts.push(question(i));
  return parts.join('\n');
}
const source = (text: string) => ({ kind: 'text' as const, text, fileName: 'big.md' });

describe('import limits', () => {
  it(`refuses more than ${LIMITS.importQuestions.toLocaleString('en-US')} questions, importing nothing`, async () => {
    const { api } = memoryApi(clock);
    const failure = await failureOf(api, 'previewImport', { source: source(deck(LIMITS.importQuestions + 1)) });
    expect(failure).toEqual({
      code: 'invalid_input',
      message:
        'The file holds 20,001 questions; Prepdeck imports up to 20,000 at a time. Split it into smaller files and import them one by one. Nothing was imported.',
    });
    expect(
      (await failureOf(api, 'commitImport', { source: source(deck(20_001)), target: { newDeckName: 'Big' } })).code,
    ).toBe('invalid_input');
    expect((await callApi(api, 'libraryOverview')).decks).toHaveLength(1);
  });

  it('pages the preview: the counts cover every question, the list one page', async () => {
    const { api } = memoryApi(clock);
    const text = deck(LIMITS.importQuestions);
    const first = await callApi(api, 'previewImport', { source: source(text) });
    expect(first.questionCount).toBe(20_000);
    expect(first.counts).toEqual({ create: 20_000, update: 0, skip: 0 });
    expect(first.questions).toHaveLength(PREVIEW_PAGE);
    expect(first.offset).toBe(0);
    expect(JSON.stringify(first).length).toBeLessThan(500_000);
    const later = await callApi(api, 'previewImport', { source: source(text), offset: 19_900, limit: 500 });
    expect(later.questions.map((q) => q.prompt)).toEqual(
      Array.from({ length: 100 }, (_, i) => `Question ${19_900 + i}?`),
    );
    expect((await failureOf(api, 'previewImport', { source: source(text), limit: PREVIEW_PAGE + 1 })).code).toBe(
      'invalid_input',
    );
  });

  it('refuses an answer longer than the editor takes, naming its line; one at the limit imports and edits', async () => {
    const { api } = memoryApi(clock);
    const long = 'a'.repeat(LIMITS.answer + 1);
    const failure = await failureOf(api, 'previewImport', {
      source: source(deck(3, (i) => `### Question ${i}?\n\n${i === 2 ? long : 'Short.'}\n`)),
    });
    expect(failure.message).toBe(
      'The question on line 13 cannot be imported: its answer is 200,001 characters long; an answer can be up to 200,000. Nothing was imported.',
    );

    const atLimit = 'b'.repeat(LIMITS.answer);
    const result = await callApi(api, 'commitImport', {
      source: source(deck(1, () => `### The longest answer?\n\nKeywords: length\n\n${atLimit}\n`)),
      target: { newDeckName: 'Long' },
    });
    const page = await callApi(api, 'listQuestions', { deckIds: [result.deckId] });
    const detail = await callApi(api, 'getQuestion', { id: page.items[0]!.id });
    expect(detail.answer).toHaveLength(LIMITS.answer);
    const saved = await callApi(api, 'saveQuestion', {
      id: detail.id,
      deckId: detail.deckId,
      level: detail.level,
      prompt: detail.prompt,
      answer: detail.answer,
      keywords: detail.keywords.map((k) => ({ label: k.label, aliases: k.aliases, weight: k.weight })),
      tags: detail.tags,
    });
    expect(saved.answer).toHaveLength(LIMITS.answer);
  });

  it.each([
    [
      'too many keywords',
      `Keywords: ${Array.from({ length: 51 }, (_, i) => `k${i}`).join('; ')}`,
      /it has 51 keywords; a question can have up to 50/,
    ],
    [
      'a keyword with a right-to-left override',
      'Keywords: safe; evil\u202Etxt',
      /its keyword “evil\?txt” cannot contain control characters/,
    ],
    ['a tag with a bidi isolate', 'Tags: ok, \u2066odd', /its tag “\?odd” cannot contain control characters/],
  ])('refuses a question with %s, naming its line', async (_what, line, message) => {
    const { api } = memoryApi(clock);
    const failure = await failureOf(api, 'previewImport', {
      source: source(deck(2, (i) => `### Question ${i}?\n\n${i === 1 ? `${line}\n\n` : ''}Answer.\n`)),
      format: 'markdown',
    });
    expect(failure.code).toBe('invalid_input');
    expect(failure.message).toMatch(/^The question on line 9 cannot be imported: /);
    expect(failure.message).toMatch(message);
  });
});
