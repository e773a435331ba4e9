import { describe, expect, it } from 'vitest';
import type { ParsedQuestion } from '../../../shared/domain';
import { ImportError } from './errors';
import type { ImportParseResult } from './index';
import { checkLimits, excerpt, importPreview, levelResolver, mergeLevels, planParsedImport } from './prepare';

const q = (prompt: string, level: string, line = 1): ParsedQuestion => ({
  key: null,
  prompt,
  answer: `**${prompt}** answered`,
  level,
  keywords: [],
  keywordsSuggested: false,
  tags: [],
  line,
});

const parsed = (questions: ParsedQuestion[], levels: string[] = []): ImportParseResult => ({
  format: 'markdown',
  deck: { name: 'Django', description: '', levels, warnings: [], questions },
});

describe('import planning without a database', () => {
  it('names levels as the deck names them, after an override or a map', () => {
    const deck = ['Junior', 'Advanced'];
    expect(levelResolver(deck, {})('Beginner')).toBe('Junior');
    expect(levelResolver(deck, {})('advanced')).toBe('Advanced');
    expect(levelResolver(deck, {})('Scenario')).toBe('Scenario');
    expect(levelResolver(deck, { levelOverride: 'advanced' })('beginner')).toBe('Advanced');
    expect(levelResolver(deck, { levelMap: { Easy: 'intermediate' } })('Easy')).toBe('Intermediate');
  });

  it('merges levels without case duplicates, keeping the first order', () => {
    expect(mergeLevels(['Beginner', 'Scenario'], ['scenario', 'Expert'])).toEqual(['Beginner', 'Scenario', 'Expert']);
  });

  it('plans a new deck with the default levels, and skips a question the file has twice', () => {
    const plan = planParsedImport(
      parsed([q('What is a view?', 'Beginner', 3), q('what is a view?', 'Advanced', 9)]),
      'django.md',
      { deck: null, name: 'Django', nameTaken: false },
      [],
      { duplicates: 'skip' },
    );
    expect(plan.levels).toEqual(['Beginner', 'Intermediate', 'Advanced', 'Scenario']);
    expect(plan.steps.map((s) => s.action)).toEqual(['create', 'skip-repeated']);
    const preview = importPreview(plan, 1, 5);
    expect(preview.questions).toHaveLength(1);
    expect(preview.questions[0]).toMatchObject({
      line: 9,
      action: 'skip-repeated',
      answerExcerpt: 'what is a view? answered',
    });
    expect(preview.counts).toEqual({ create: 1, update: 0, skip: 1 });
    expect(preview.levels.map((l) => [l.source, l.count])).toEqual([
      ['Beginner', 1],
      ['Advanced', 1],
    ]);
  });

  it('matches an existing question of the target deck and adds its new levels after the deck’s', () => {
    const plan = planParsedImport(
      parsed([q('What is a view?', 'Scenario'), q('What is a model?', 'Junior')]),
      null,
      { deck: { id: 4, name: 'Django', levels: ['Junior'] }, name: 'Django', nameTaken: false },
      [{ id: 7, prompt: 'WHAT IS A VIEW?', key: null, deleted: false }],
      { duplicates: 'update' },
    );
    expect(plan.levels).toEqual(['Junior', 'Scenario']);
    expect(plan.steps.map((s) => s.action)).toEqual(['update', 'create']);
  });

  it('refuses a question over the limits, naming its line', () => {
    const huge = { ...q('Too long?', 'Beginner', 12), answer: 'x'.repeat(2_000_000) };
    const error = (() => {
      try {
        checkLimits(parsed([huge]));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/line 12/);
  });

  it('excerpts a Markdown answer as plain text, cut with an ellipsis', () => {
    expect(excerpt('## Heading\n```py\ncode\n```\n**bold** and `code`')).toBe('Heading code bold and code');
    expect(excerpt('word '.repeat(100), 20)).toBe('word word word word…');
  });
});
