import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/shared/api';
import type { ImportPreview, ImportResult } from '../../src/shared/transfer';
import { dispatch } from '../../src/main/api/dispatch';
import { planImport } from '../../src/main/core/import/plan';
import type { ParsedQuestion } from '../../src/shared/domain';

import {
  api,
  article,
  bytes,
  call,
  db,
  deckSnapshot,
  failure,
  freshTransferApp,
  NOW,
  questionCount,
  ROUND_TRIP_DECK,
  storeHash,
  text,
} from './transfer-harness';

freshTransferApp();

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

describe('previewImport: articles and their levels', () => {
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

describe('previewImport: tables and duplicates', () => {
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

describe('commitImport', () => {
  it('imports an article into a new deck in one go, with the level fixed', async () => {
    const result = await call<ImportResult>('commitImport', {
      source: text(article('python-plain.txt'), 'python-plain.txt'),
      target: { newDeckName: 'Python' },
      levelMap: { Intermediate: 'Beginner' },
    });
    expect(result).toEqual({ deckId: 2, deckName: 'Python', created: 7, updated: 0, skipped: 0 });
    const deck = deckSnapshot(db, 'Python')!;
    expect(deck.levels).toEqual(['Beginner', 'Intermediate', 'Advanced', 'Scenario']);
    expect(deck.questions.map((q) => [q.level, q.prompt])).toEqual([
      ['Beginner', 'What is the difference between a list and a tuple?'],
      ['Beginner', 'What does the GIL do?'],
      ['Beginner', 'What are *args and **kwargs?'],
      ['Beginner', 'What is a list comprehension?'],
      ['Advanced', 'How do generators save memory?'],
      ['Advanced', 'Explain decorators.'],
      ['Advanced', 'How is memory managed in CPython?'],
    ]);
    expect(deck.questions[0]!.keywords.map((k) => k.label)).toEqual(['mutable', 'immutable', 'hashable']);
    // The library finds them, as any other question.
    const page = await call<{ total: number; items: Array<{ prompt: string; deckName: string }> }>('listQuestions', {
      keywordIds: [],
      search: 'hashable',
    });
    expect(page.items.map((q) => [q.deckName, q.prompt])).toEqual([
      ['Python', 'What is the difference between a list and a tuple?'],
    ]);
    expect(questionCount()).toBe(51 + 7);
  });

  it('puts every question at the level of the whole import', async () => {
    await call('commitImport', {
      source: text(article('sql-bold.md'), 'sql-bold.md'),
      target: { newDeckName: 'SQL' },
      levelOverride: 'Advanced',
    });
    const deck = deckSnapshot(db, 'SQL')!;
    expect(deck.questions).toHaveLength(7);
    expect(new Set(deck.questions.map((q) => q.level))).toEqual(new Set(['Advanced']));
  });

  it('imports into an existing deck, skipping or updating the prompts it already has', async () => {
    const md = (answer: string) =>
      `# Whatever\n\nLevels: Beginner, Expert\n\n## Beginner\n\n### what are django's key features?\n\nKeywords: ORM\n\n${answer}\n\n## Expert\n\n### How do you shard a Django database?\n\nKeywords: database routers\n\nWith database routers.\n`;
    const skipped = await call<ImportResult>('commitImport', {
      source: text(md('Skipped answer.')),
      target: { deckId: 1 },
      duplicates: 'skip',
    });
    expect(skipped).toMatchObject({ deckId: 1, deckName: 'Django', created: 1, updated: 0, skipped: 1 });
    const django = deckSnapshot(db, 'Django')!;
    expect(django.levels).toEqual(['Beginner', 'Intermediate', 'Advanced', 'Scenario', 'Expert']);
    const features = () => deckSnapshot(db, 'Django')!.questions.find((q) => /key features/i.test(q.prompt))!;
    expect(features().answer).not.toBe('Skipped answer.');

    const updated = await call<ImportResult>('commitImport', {
      source: text(md('Updated answer.')),
      target: { deckId: 1 },
      duplicates: 'update',
    });
    // The sharding question is in the deck now: a duplicate too.
    expect(updated).toMatchObject({ created: 0, updated: 2, skipped: 0 });
    expect(features().answer).toBe('Updated answer.');
    expect(features().keywords.map((k) => k.label)).toEqual(['ORM']);
    expect(questionCount()).toBe(52);
    // An update of the bundled deck is the person's choice: a newer bundled version leaves it alone.
    expect(
      (
        db.prepare("SELECT edited_at FROM questions WHERE prompt LIKE 'what are django%'").get() as {
          edited_at: number;
        }
      ).edited_at,
    ).toBe(NOW);
  });

  it('keeps the first of two questions with the same prompt in one import', async () => {
    const result = await call<ImportResult>('commitImport', {
      source: text(article('django-emoji.txt'), 'django-emoji.txt'),
      target: { newDeckName: 'Django articles' },
    });
    expect(result).toMatchObject({ created: 9, skipped: 1 });
  });

  it('reads UTF-16 (with a BOM) and UTF-8 with a BOM correctly', async () => {
    const md =
      '# Français\n\nLevels: Beginner\n\n## Beginner\n\n### Qu’est-ce qu’un café ? ☕\n\nKeywords: café\n\nUne boisson.\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(md, 'utf16le')]);
    await call('commitImport', { source: bytes(utf16, 'fr.md'), target: { newDeckName: 'FR 16' } });
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(md, 'utf8')]);
    await call('commitImport', { source: bytes(utf8, 'fr.md'), target: { newDeckName: 'FR 8' } });
    for (const name of ['FR 16', 'FR 8']) {
      const deck = deckSnapshot(db, name)!;
      expect(deck.questions.map((q) => [q.prompt, q.keywords[0]!.label])).toEqual([
        ['Qu’est-ce qu’un café ? ☕', 'café'],
      ]);
    }
  });
});

describe('commitImport: what it refuses', () => {
  it('refuses a new deck with the name of an existing one, writing nothing', async () => {
    const before = storeHash();
    const error = await failure('commitImport', {
      source: text(article('python-plain.txt')),
      target: { newDeckName: 'django' },
    });
    expect(error).toEqual({
      code: 'conflict',
      message: 'There is already a deck called “django”. Import into it, or give the new deck another name.',
    });
    expect(storeHash()).toBe(before);
  });

  describe('bad input gets a clear error and writes nothing', () => {
    const BIG = Buffer.alloc(20 * 1024 * 1024 + 10, 'a');
    const BINARY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    it.each([
      ['empty text', text(''), /nothing to import: the text is empty/i],
      ['blank text', text('  \n\t\n'), /the text is empty/i],
      ['an empty file', bytes(new Uint8Array(), 'empty.md'), /The file is empty\. Nothing was imported\./],
      ['a binary file', bytes(BINARY, 'image.png'), /binary file/],
      ['a file over 20 MB', bytes(BIG, 'huge.txt'), /20\.0 MB .*up to 20 MB/],
      [
        'malformed JSON',
        text('{\n  "format": "prepdeck-deck",\n  "version": 1,\n  "deck": { "questions": [ } }\n', 'deck.json'),
        /line 4/,
      ],
      ['malformed CSV', text('Question,Answer\nWhat?,This\n"Never closed,at all\n', 'q.csv'), /line 3 is never closed/],
      [
        'a deck with no questions',
        text('{ "format": "prepdeck-deck", "version": 1, "deck": { "name": "E", "questions": [] } }', 'empty.json'),
        /“empty\.json” contains no questions\. Nothing was imported\./,
      ],
      [
        'text with no questions',
        text('Just some notes about nothing in particular.\n\nMore notes.'),
        /No questions found/,
      ],
      ['an unknown chosen file', { kind: 'picked', id: 'not-a-real-id' }, /choose it again/],
    ])('%s', async (_what, source, message) => {
      const before = storeHash();
      for (const name of ['previewImport', 'commitImport']) {
        const error = await failure(name, { source, target: { newDeckName: 'Bad' } });
        expect(error.code).toMatch(/invalid_input|not_found/);
        expect(error.message).toMatch(message);
      }
      expect(storeHash()).toBe(before);
      expect(questionCount()).toBe(51);
    });
  });
});

describe('commitImport: random and mutated input', () => {
  it('never crashes on random and mutated input, and a failure leaves the store byte for byte as it was', async () => {
    const seeds = [
      ROUND_TRIP_DECK,
      article('django-emoji.txt'),
      article('react-markdown.md'),
      'Question,Answer,Level,Keywords\n"What, quoted?",Yes,Beginner,a; b\nNext?,No,Expert,c\n',
      '#separator:tab\n#html:true\n#tags column:3\nFront\t<b>Back</b><br>more\tlevel::Advanced x\n',
      JSON.stringify({
        format: 'prepdeck-deck',
        version: 1,
        deck: { name: 'J', levels: ['Beginner'], questions: [{ level: 'Beginner', prompt: 'P?', answer: 'A' }] },
      }),
    ];
    const mutated = fc
      .tuple(
        fc.constantFrom(...seeds),
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 40 }),
        fc.constantFrom('cut', 'insert', 'dup'),
      )
      .map(([seed, a, b, insert, how]) => {
        const i = a % (seed.length + 1);
        const j = Math.min(seed.length, i + (b % 200));
        if (how === 'cut') return seed.slice(0, i) + seed.slice(j);
        if (how === 'dup') return seed.slice(0, j) + seed.slice(i, j) + seed.slice(i);
        return seed.slice(0, i) + insert + seed.slice(i);
      });
    const source = fc.oneof(
      mutated.map((t) => text(t)),
      fc.tuple(mutated, fc.constantFrom('a.md', 'a.json', 'a.csv', 'a.tsv', 'a.txt')).map(([t, f]) => text(t, f)),
      fc.string({ maxLength: 300 }).map((t) => text(t)),
      fc.uint8Array({ maxLength: 400 }).map((b) => bytes(b, 'random.bin')),
    );
    const request = fc.record(
      {
        source,
        format: fc.option(fc.constantFrom('markdown', 'json', 'csv', 'tsv', 'article'), { nil: undefined, freq: 3 }),
        target: fc.oneof(
          { weight: 4, arbitrary: fc.nat(1000).map((n) => ({ newDeckName: `Fuzz ${n}` })) },
          fc.constant({ deckId: 1 }),
          fc.constant({ deckId: 999 }),
          fc.constant({ newDeckName: 'Django' }),
        ),
        duplicates: fc.constantFrom('skip', 'update'),
        levelOverride: fc.constantFrom('Beginner', 'Expert'),
        levelMap: fc.dictionary(
          fc.constantFrom('Beginner', 'Advanced', 'Junior'),
          fc.constantFrom('Senior', 'Scenario'),
        ),
        mapping: fc.record({
          prompt: fc.nat(4),
          answer: fc.nat(4),
          level: fc.option(fc.nat(4)),
          keywords: fc.option(fc.nat(4)),
          tags: fc.option(fc.nat(4)),
        }),
      },
      { requiredKeys: ['source', 'target'] },
    );
    let before = storeHash();
    const outcomes: string[] = [];
    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        const result: Envelope<unknown> = await dispatch(api, 'commitImport', input);
        outcomes.push(result.ok ? 'ok' : result.error.code);
        if (result.ok) {
          before = storeHash();
          return;
        }
        expect(['invalid_input', 'conflict', 'not_found']).toContain(result.error.code);
        expect(storeHash()).toBe(before);
      }),
      { numRuns: 200, seed: 20260310 },
    );
    // Both paths were taken, many times: imports that went in and failures that wrote nothing.
    expect(outcomes.filter((o) => o === 'ok').length).toBeGreaterThan(20);
    expect(outcomes.filter((o) => o !== 'ok').length).toBeGreaterThan(20);
  }, 60_000);
});
