/** Import: planning and previewing an import, before anything is written. */
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../src/shared/transfer';
import { planImport } from '../../../src/main/core/import/plan';
import type { ParsedQuestion } from '../../../src/shared/domain';
import { useDataFolder, article, call, storeHash, text } from './fixture';

useDataFolder();

describe('planImport', () => {
  const q = (prompt: string, key: string | null = null): ParsedQuestion => ({
    key,
    prompt,
    level: 'Beginner',
    answer: 'A',
    keywords: [],
    keywordsSuggested: false,
    tags: [],
    line: 1,
  });
  const existing = [
    { id: 1, prompt: 'What is a mutex?', key: 'mutex', deleted: false },
    { id: 2, prompt: 'What is a semaphore?', key: null, deleted: false },
    { id: 3, prompt: 'What is a spinlock?', key: 'spinlock', deleted: true },
  ];
  const actions = (incoming: ParsedQuestion[], duplicates: 'skip' | 'update') =>
    planImport(incoming, existing, duplicates).map((s) =>
      s.action === 'update' ? `update ${s.id}` : s.action === 'create' ? `create key=${s.key}` : s.action,
    );

  it('matches by id before prompt, and never reuses an id a deleted question holds', () => {
    expect(
      actions(
        [
          q('What is a MUTEX?'),
          q('Mutexes, reworded?', 'mutex'),
          q('What is a spinlock?', 'spinlock'),
          q('New?', 'new'),
        ],
        'update',
      ),
    ).toEqual(['update 1', 'skip-repeated', 'create key=null', 'create key=new']);
  });

  it('skips an update that would give a question the prompt another one has', () => {
    expect(actions([q('What is a semaphore?', 'mutex')], 'update')).toEqual(['skip-duplicate']);
    expect(actions([q('What is a semaphore?', 'mutex')], 'skip')).toEqual(['skip-duplicate']);
  });

  it('keeps the first of two questions with one prompt or one id', () => {
    expect(actions([q('A?', 'x'), q('a?'), q('B?', 'x')], 'skip')).toEqual([
      'create key=x',
      'skip-repeated',
      'create key=null',
    ]);
  });
});

describe('previewImport', () => {
  it('shows what an article would create, writing nothing', async () => {
    const before = storeHash();
    const preview = await call<ImportPreview>('previewImport', {
      source: text(article('python-plain.txt'), 'python-plain.txt'),
    });
    expect(preview.format).toBe('article');
    expect(preview.fileName).toBe('python-plain.txt');
    expect(preview.target).toEqual({
      deckId: null,
      deckName: 'PYTHON INTERVIEW QUESTIONS',
      levels: ['Beginner', 'Intermediate', 'Advanced', 'Scenario'],
      nameTaken: false,
    });
    expect(preview.questions).toHaveLength(7);
    expect(preview.counts).toEqual({ create: 7, update: 0, skip: 0 });
    expect(preview.questions[0]).toMatchObject({
      line: 5,
      prompt: 'What is the difference between a list and a tuple?',
      level: 'Beginner',
      keywordsSuggested: false,
      action: 'create',
    });
    expect(preview.questions[0]!.keywords.map((k) => k.label)).toEqual(['mutable', 'immutable', 'hashable']);
    expect(preview.questions[1]!.keywordsSuggested).toBe(true);
    expect(preview.questions[0]!.answerExcerpt).toMatch(/^A list is mutable/);
    // The two warm-up questions before "Questions for Freshers" take its level.
    expect(preview.levels).toEqual([
      { source: 'Beginner', level: 'Beginner', count: 4, hints: ['Questions for Freshers'] },
      { source: 'Advanced', level: 'Advanced', count: 3, hints: ['Questions for Experienced Developers'] },
    ]);
    expect(preview.noLevelHints).toBe(false);
    expect(preview.warnings).toEqual([
      {
        line: 5,
        message:
          '2 questions come before the first level heading; they were put under Beginner, the level of that heading.',
      },
    ]);
    expect(preview.table).toBeNull();
    expect(storeHash()).toBe(before);
  });

  it('applies the level map and the level of the whole import to what it shows', async () => {
    const source = text(article('python-plain.txt'), 'python-plain.txt');
    const mapped = await call<ImportPreview>('previewImport', { source, levelMap: { Advanced: 'Intermediate' } });
    expect(mapped.questions.map((q) => q.level)).toEqual([
      'Beginner',
      'Beginner',
      'Beginner',
      'Beginner',
      'Intermediate',
      'Intermediate',
      'Intermediate',
    ]);
    expect(mapped.questions[4]!.sourceLevel).toBe('Advanced');
    expect(mapped.levels.find((l) => l.source === 'Advanced')!.level).toBe('Intermediate');
    const whole = await call<ImportPreview>('previewImport', { source, levelOverride: 'scenario' });
    // Named as the bank names it.
    expect(new Set(whole.questions.map((q) => q.level))).toEqual(new Set(['Scenario']));
  });

  it('says when an article names no level, and puts it all at the level picked', async () => {
    const source = text(article('go-noheadings.md'), 'go-noheadings.md');
    const preview = await call<ImportPreview>('previewImport', { source });
    expect(preview.noLevelHints).toBe(true);
    expect(preview.levels).toEqual([{ source: 'Intermediate', level: 'Intermediate', count: 4, hints: [] }]);
    expect(preview.warnings).toEqual([]);
    const picked = await call<ImportPreview>('previewImport', { source, levelOverride: 'Advanced' });
    expect(picked.questions.map((q) => q.level)).toEqual(['Advanced', 'Advanced', 'Advanced', 'Advanced']);
  });

  it('puts a level hint under the level the target deck names that way', async () => {
    const deck = await call<{ id: number }>('createDeck', { name: 'Python', levels: ['Junior', 'Senior'] });
    const preview = await call<ImportPreview>('previewImport', {
      source: text(article('python-plain.txt'), 'python-plain.txt'),
      target: { deckId: deck.id },
    });
    expect(preview.levels.map((l) => [l.source, l.level])).toEqual([
      ['Beginner', 'Junior'],
      ['Advanced', 'Senior'],
    ]);
    expect(preview.target.levels).toEqual(['Junior', 'Senior']);
  });
});

describe('previewImport: tables, and prompts the deck already has', () => {
  it('shows a table and the column mapping for CSV, and follows a changed mapping', async () => {
    const csv = 'What is a mutex?,lock,Advanced\nWhat is a semaphore?,counter,Beginner\n';
    const preview = await call<ImportPreview>('previewImport', { source: text(csv, 'os.csv') });
    expect(preview.format).toBe('csv');
    expect(preview.table).toMatchObject({
      header: null,
      columnCount: 3,
      obvious: false,
      rows: [
        ['What is a mutex?', 'lock', 'Advanced'],
        ['What is a semaphore?', 'counter', 'Beginner'],
      ],
      mapping: { prompt: 0, answer: 1, level: null, keywords: null, tags: null },
    });
    expect(preview.questions.map((q) => q.level)).toEqual(['Intermediate', 'Intermediate']);
    const mapped = await call<ImportPreview>('previewImport', {
      source: text(csv, 'os.csv'),
      mapping: { prompt: 0, answer: 1, level: 2, keywords: null, tags: null },
    });
    expect(mapped.questions.map((q) => [q.prompt, q.level])).toEqual([
      ['What is a mutex?', 'Advanced'],
      ['What is a semaphore?', 'Beginner'],
    ]);
    const headed = await call<ImportPreview>('previewImport', {
      source: text('Question,Answer,Level\nWhat is a mutex?,lock,Advanced\n', 'os.csv'),
    });
    expect(headed.table).toMatchObject({ header: ['Question', 'Answer', 'Level'], obvious: true });
  });

  it('marks the prompts the target deck already has, as skipped or updated', async () => {
    const md = `# Django\n\nLevels: Beginner\n\n## Beginner\n\n### What are Django's key features?\n\nKeywords: ORM\n\nNew answer.\n\n### A brand new question?\n\nKeywords: new\n\nYes.\n`;
    const skip = await call<ImportPreview>('previewImport', { source: text(md, 'django.md') });
    // The file names the Django deck, which exists: it is the default target.
    expect(skip.target).toMatchObject({ deckId: 1, deckName: 'Django', nameTaken: false });
    expect(skip.questions.map((q) => q.action)).toEqual(['skip-duplicate', 'create']);
    expect(skip.counts).toEqual({ create: 1, update: 0, skip: 1 });
    const update = await call<ImportPreview>('previewImport', { source: text(md, 'django.md'), duplicates: 'update' });
    expect(update.questions.map((q) => q.action)).toEqual(['update', 'create']);
    const elsewhere = await call<ImportPreview>('previewImport', {
      source: text(md, 'django.md'),
      target: { newDeckName: 'Django' },
    });
    expect(elsewhere.target.nameTaken).toBe(true);
  });
});
