import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/shared/api';
import type {
  BackupInfo,
  BackupList,
  FileResult,
  ImportPreview,
  ImportResult,
  PickedFile,
  RestoreResult,
} from '../../src/shared/transfer';
import { createApi, type Handlers } from '../../src/main/api';
import { dispatch } from '../../src/main/api/dispatch';
import { Jobs } from '../../src/main/jobs/registry';
import type { FileDialogs } from '../../src/main/api/context';
import { planImport } from '../../src/main/core/import/plan';
import type { ParsedQuestion } from '../../src/shared/domain';
import type { AppCore } from '../../src/main/app';
import { migrations } from '../../src/main/store/migrations';
import { openMemoryDb, SCHEMA_VERSION, type Db } from '../../src/main/store/database';
import { diskApp, exportedHistory, storeFileHash } from './harness';

const NOW = Date.UTC(2026, 2, 10, 9, 30);
const clock = { now: () => NOW };
const ARTICLES = path.resolve('tests/fixtures/articles');
const article = (name: string): string => fs.readFileSync(path.join(ARTICLES, name), 'utf8');

let dir: string;
let api: Handlers;
let db: Db;
let jobs: Jobs;
let dispose: () => void;

beforeEach(async () => {
  let core: AppCore;
  ({ dir, core, dispose } = await diskApp(clock, 'prepdeck-transfer-'));
  ({ api, db, jobs } = core);
});
afterEach(() => dispose());

async function call<T>(name: string, input?: unknown, on: Handlers = api): Promise<T> {
  const result = await dispatch(on, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function failure(name: string, input?: unknown, on: Handlers = api): Promise<{ code: string; message: string }> {
  const result = await dispatch(on, name, input);
  if (result.ok) throw new Error(`${name} was expected to fail, and answered ${JSON.stringify(result.value)}`);
  return result.error;
}

const storeHash = (): string => storeFileHash(db, dir);

const text = (t: string, fileName?: string) => ({ kind: 'text', text: t, ...(fileName ? { fileName } : {}) });
const bytes = (b: Uint8Array, fileName: string) => ({
  kind: 'bytes',
  base64: Buffer.from(b).toString('base64'),
  fileName,
});

/** A deck's content as a person would compare it: no ids, no timestamps. */
function deckSnapshot(on: Db, deckName: string, { withKeys = true, withDescription = true } = {}) {
  const deck = on.prepare('SELECT id, name, description, levels FROM decks WHERE name = ?').get(deckName) as
    { id: number; name: string; description: string; levels: string } | undefined;
  if (!deck) return null;
  const questions = (
    on
      .prepare(
        'SELECT id, source_key, level, prompt, answer, tags FROM questions WHERE deck_id = ? AND deleted_at IS NULL ORDER BY position',
      )
      .all(deck.id) as Array<{
      id: number;
      source_key: string | null;
      level: string;
      prompt: string;
      answer: string;
      tags: string;
    }>
  ).map((q) => ({
    ...(withKeys ? { key: q.source_key } : {}),
    level: q.level,
    prompt: q.prompt,
    answer: q.answer,
    tags: JSON.parse(q.tags) as string[],
    keywords: on
      .prepare(
        `SELECT k.label, k.aliases, qk.weight FROM question_keywords qk JOIN keywords k ON k.id = qk.keyword_id
          WHERE qk.question_id = ? ORDER BY qk.position`,
      )
      .all(q.id)
      .map((k) => {
        const row = k as { label: string; aliases: string; weight: number };
        return { label: row.label, aliases: JSON.parse(row.aliases) as string[], weight: row.weight };
      }),
  }));
  return {
    name: deck.name,
    ...(withDescription ? { description: deck.description } : {}),
    levels: JSON.parse(deck.levels) as string[],
    questions,
  };
}

const questionCount = (): number =>
  (db.prepare('SELECT count(*) AS n FROM questions WHERE deleted_at IS NULL').get() as { n: number }).n;

/** A deck with what breaks naive readers and writers: aliases, weights, ids, tags, own levels, code, quotes. */
const ROUND_TRIP_DECK = `# Systems, "quoted"

Questions on systems — with a description; and commas.

Levels: Junior, Senior, Staff

## Junior

### What does a load balancer do?

Id: load-balancer
Keywords: load balancer | LB; health checks *2; round robin | round-robin
Tags: networking, basics

It spreads requests across servers and stops sending to unhealthy ones.

- **Health checks** take a server out.
- Algorithms: round robin, least connections.

## Senior

### How do you make a write idempotent?

Id: idempotency
Keywords: idempotency key *3 | idempotency-key; retries
Tags: api

Give each request an idempotency key and store the result:

\`\`\`python
if seen(key):
    return stored(key)  # "same answer", no second write
\`\`\`

## Staff

### Design a rate limiter for 1M users, "per tenant".

Keywords: token bucket; sliding window | sliding-window log; Redis

A token bucket per tenant in Redis, refilled lazily; a sliding window when bursts must be capped.
`;

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

describe('export', () => {
  it('exports a deck as Markdown, JSON and CSV for download in browser mode', async () => {
    const md = await call<FileResult>('exportDeck', { deckId: 1, format: 'markdown' });
    expect(md).toMatchObject({ kind: 'download', fileName: 'django.md', mimeType: 'text/markdown', encoding: 'utf8' });
    expect(md.kind === 'download' && md.content).toMatch(/^# Django\n/);
    const json = await call<FileResult>('exportDeck', { deckId: 1, format: 'json' });
    expect(json).toMatchObject({ fileName: 'django.json', mimeType: 'application/json' });
    const data = JSON.parse(json.kind === 'download' ? json.content : '') as { deck: { questions: unknown[] } };
    expect(data.deck.questions).toHaveLength(51);
    const csv = await call<FileResult>('exportDeck', { deckId: 1, format: 'csv' });
    expect(csv).toMatchObject({ fileName: 'django.csv', mimeType: 'text/csv' });
    expect(csv.kind === 'download' && csv.content.split('\n').slice(0, 4)).toEqual([
      '#separator:comma',
      '#html:false',
      '#columns:Front,Back,Tags,Keywords',
      '#tags column:3',
    ]);
    expect((await failure('exportDeck', { deckId: 42, format: 'csv' })).code).toBe('not_found');
    expect((await failure('exportDeck', { deckId: 1, format: 'xlsx' })).code).toBe('invalid_input');
  });

  describe.each(['markdown', 'json', 'csv'] as const)('round trip through %s', (format) => {
    it('import, export, import again gives the same bank', async () => {
      await call('commitImport', { source: text(ROUND_TRIP_DECK, 'systems.md'), target: { newDeckName: 'Systems' } });
      // CSV (Anki) carries neither the description nor the question ids.
      const opts = format === 'csv' ? { withKeys: false, withDescription: false } : {};
      const first = deckSnapshot(db, 'Systems', opts)!;
      expect(first.questions).toHaveLength(3);
      expect(first.levels).toEqual(['Junior', 'Senior', 'Staff']);
      // Keywords are shared across decks by label, and the bundled deck names this one too, with its own aliases.
      expect(first.questions[1]!.keywords[0]).toEqual({
        label: 'idempotency key',
        aliases: expect.arrayContaining(['idempotency-key']) as string[],
        weight: 3,
      });

      const exported = await call<FileResult>('exportDeck', { deckId: 2, format });
      if (exported.kind !== 'download') throw new Error('expected a download');

      // Into a fresh bank.
      const other = openMemoryDb();
      const otherApi = createApi(other, clock);
      const result = await call<ImportResult>(
        'commitImport',
        { source: text(exported.content, exported.fileName), target: { newDeckName: 'Systems' } },
        otherApi,
      );
      expect(result.created).toBe(3);
      expect(deckSnapshot(other, 'Systems', opts)).toEqual(first);

      // Back into the same bank: every question is a duplicate, and updating them changes nothing.
      const again = await call<ImportResult>('commitImport', {
        source: text(exported.content, exported.fileName),
        target: { deckId: 2 },
        duplicates: 'update',
      });
      expect(again).toMatchObject({ created: 0, updated: 3, skipped: 0 });
      expect(deckSnapshot(db, 'Systems', opts)).toEqual(first);
      other.close();
    });
  });

  it('exports the answer history as CSV, one row per attempt, dated on the local clock', async ({ onTestFinished }) => {
    // Local time, as the file name: New York is 4 hours behind UTC on 10 March 2026 (summer time began on the 8th).
    const tz = process.env['TZ'];
    process.env['TZ'] = 'America/New_York';
    onTestFinished(() => {
      if (tz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = tz;
    });
    const page = await call<{ items: Array<{ id: number; prompt: string }> }>('listQuestions', {
      search: 'transactions work',
    });
    const questionId = page.items[0]!.id;
    const view = await call<{ id: number }>('startSession', { questionIds: [questionId], count: 1, order: 'random' });
    const revealed = await call<{ revealed: { id: number } }>('submitAnswer', {
      sessionId: view.id,
      position: 0,
      answer: 'Wrap it in transaction.atomic() so a failure rolls back.',
      reason: 'answer',
    });
    await call('gradeAttempt', { sessionId: view.id, attemptId: revealed.revealed.id, grade: 3 });

    const file = await exportedHistory(api, jobs);
    expect(file.fileName).toBe('prepdeck-history-2026-03-10.csv');
    expect(file.text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(file.text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual([
      'date',
      'session',
      'deck',
      'question',
      'level',
      'outcome',
      'time allowed (s)',
      'time used (s)',
      'self-grade',
      'keyword score (%)',
      'keywords named',
      'keywords missed',
      'mode',
      'answer',
    ]);
    expect(rows).toEqual([
      {
        date: '2026-03-10 05:30:00',
        session: String(view.id),
        deck: 'Django',
        question: 'How do database transactions work in Django?',
        level: 'Advanced',
        outcome: 'answered',
        'time allowed (s)': '120',
        'time used (s)': '0',
        'self-grade': 'Good',
        'keyword score (%)': '33',
        'keywords named': 'transaction.atomic; all-or-nothing',
        'keywords missed':
          'autocommit by default; savepoints; lost update; row lock or F() expression; transaction.on_commit',
        mode: 'write',
        answer: 'Wrap it in transaction.atomic() so a failure rolls back.',
      },
    ]);
  });
});

describe('desktop file dialogs', () => {
  function withDialogs(answers: { open?: string | null; save?: string | null }): Handlers {
    const dialogs: FileDialogs = {
      openFile: () => Promise.resolve(answers.open ?? null),
      saveFile: () => Promise.resolve(answers.save ?? null),
    };
    return createApi(db, clock, { dataDir: dir, dialogs });
  }

  it('are not available in browser mode', async () => {
    expect(await failure('chooseImportFile')).toEqual({
      code: 'invalid_input',
      message: 'Not available in browser mode: use the file input instead.',
    });
    expect((await failure('chooseBackupFile')).message).toMatch(/Not available in browser mode/);
  });

  it('open a file in main and hand the renderer an id, never the path', async () => {
    const chosen = path.join(ARTICLES, 'system-design.txt');
    const desktop = withDialogs({ open: chosen });
    const file = await call<PickedFile>('chooseImportFile', undefined, desktop);
    expect(file).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      fileName: 'system-design.txt',
      size: fs.statSync(chosen).size,
    });
    const preview = await call<ImportPreview>('previewImport', { source: { kind: 'picked', id: file.id } }, desktop);
    expect(preview.questions).toHaveLength(6);
    expect(preview.fileName).toBe('system-design.txt');
    const result = await call<ImportResult>(
      'commitImport',
      { source: { kind: 'picked', id: file.id }, target: { newDeckName: 'SD' } },
      desktop,
    );
    expect(result.created).toBe(6);
    expect(await call('chooseImportFile', undefined, withDialogs({ open: null }))).toBeNull();
  });

  it('save exports where the person chose, or nothing when they cancel', async () => {
    const target = path.join(dir, 'out', 'my-django.md');
    fs.mkdirSync(path.dirname(target));
    const saved = await call<FileResult>(
      'exportDeck',
      { deckId: 1, format: 'markdown' },
      withDialogs({ save: target }),
    );
    expect(saved).toEqual({ kind: 'saved', fileName: 'my-django.md', path: target });
    expect(fs.readFileSync(target, 'utf8')).toMatch(/^# Django\n/);
    expect(await call('startHistoryExport', undefined, withDialogs({ save: null }))).toBeNull();
  });
});

describe('backup and restore', () => {
  const backups = () => path.join(dir, 'backups');
  const desktop = () => createApi(db, clock, { dataDir: dir });

  /** Every row of every table, in a stable order. */
  function allRows(on: Db): Record<string, unknown[]> {
    const tables = (
      on
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .all() as Array<{
        name: string;
      }>
    ).map((t) => t.name);
    const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
    return Object.fromEntries(tables.map((t) => [t, sorted(on.prepare(`SELECT * FROM "${t}"`).raw().all())]));
  }

  async function answerOne(on: Handlers = api): Promise<void> {
    const view = await call<{ id: number }>('startSession', { levels: ['Beginner'], count: 1, order: 'random' }, on);
    const revealed = await call<{ revealed: { id: number } }>(
      'submitAnswer',
      { sessionId: view.id, position: 0, answer: 'MVT and the ORM', reason: 'answer' },
      on,
    );
    await call('gradeAttempt', { sessionId: view.id, attemptId: revealed.revealed.id, grade: 2 }, on);
  }

  it('need a data folder', async () => {
    const memory = createApi(openMemoryDb(), clock);
    expect((await failure('createBackup', undefined, memory)).message).toMatch(/need a data folder/);
  });

  it('backs up into the backups folder as one self-contained file, and lists it', async () => {
    await answerOne();
    const api2 = desktop();
    const info = await call<BackupInfo>('createBackup', undefined, api2);
    expect(info).toMatchObject({
      fileName: 'prepdeck-2026-03-10T09-30-00-000Z.sqlite',
      kind: 'manual',
      counts: { decks: 1, questions: 51, attempts: 1 },
    });
    expect(fs.readdirSync(backups())).toEqual([info.fileName]);
    const second = await call<BackupInfo>('createBackup', undefined, api2);
    expect(second.fileName).toBe('prepdeck-2026-03-10T09-30-00-000Z-2.sqlite');
    const list = await call<BackupList>('listBackups', undefined, api2);
    expect(list.folder).toBe(backups());
    expect(list.backups.map((b) => b.fileName).sort()).toEqual([info.fileName, second.fileName].sort());
    // The listing writes nothing beside the files (no -wal, no -shm).
    expect(fs.readdirSync(backups()).sort()).toEqual([info.fileName, second.fileName].sort());

    const jobs = new Jobs();
    const browser = createApi(db, clock, { dataDir: dir, jobs });
    const download = await call<FileResult>('exportBackup', { fileName: info.fileName }, browser);
    if (download.kind !== 'stream') throw new Error('expected a streamed download');
    expect(download).toEqual({
      kind: 'stream',
      fileName: info.fileName,
      download: expect.stringMatching(/^\/download\/[0-9a-f-]{36}$/),
    });
    const offered = jobs.takeDownload(download.download.slice('/download/'.length))!;
    expect(offered).toMatchObject({ file: path.join(backups(), info.fileName), mimeType: 'application/vnd.sqlite3' });
    offered.sent();
    // The backup stays in its folder once sent, and is offered once.
    expect(fs.existsSync(path.join(backups(), info.fileName))).toBe(true);
    expect(jobs.takeDownload(download.download.slice('/download/'.length))).toBeNull();
    expect((await failure('exportBackup', { fileName: '../prepdeck.sqlite' }, api2)).code).toBe('not_found');
  });

  it('restores what was backed up, keeping the data it replaces', async () => {
    const api2 = desktop();
    await answerOne(api2);
    const info = await call<BackupInfo>('createBackup', undefined, api2);
    const backedUp = allRows(db);

    // Life goes on: a deck imported, another answer, a deck deleted.
    await call('commitImport', { source: text(article('sql-bold.md')), target: { newDeckName: 'SQL' } }, api2);
    await answerOne(api2);
    const changed = allRows(db);
    expect(changed).not.toEqual(backedUp);

    const result = await call<RestoreResult>(
      'restoreBackup',
      { source: { kind: 'backup', fileName: info.fileName } },
      api2,
    );
    expect(result.restored).toEqual({ decks: 1, questions: 51, attempts: 1 });
    expect(result.replacedBackup).toMatch(/^replaced-2026-03-10T09-30-00-000Z\.sqlite$/);
    // Every row of every table, the stats rollups included, is what was backed up.
    expect(allRows(db)).toEqual(backedUp);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    // The replaced data is kept, whole.
    const kept = new Database(path.join(backups(), result.replacedBackup), { readonly: true });
    expect(allRows(kept)).toEqual(changed);
    kept.close();

    // The live connection goes on working, triggers included.
    await answerOne(api2);
    expect((db.prepare('SELECT count(*) AS n FROM attempts').get() as { n: number }).n).toBe(2);
    const list = await call<BackupList>('listBackups', undefined, api2);
    expect(list.backups.find((b) => b.fileName === result.replacedBackup)).toMatchObject({
      kind: 'replaced',
      counts: { decks: 2, questions: 58, attempts: 2 },
    });
  });

  it('restores an uploaded file and one chosen in the open dialog', async () => {
    const api2 = desktop();
    const info = await call<BackupInfo>('createBackup', undefined, api2);
    const file = path.join(backups(), info.fileName);
    await call('commitImport', { source: text(article('sql-bold.md')), target: { newDeckName: 'SQL' } }, api2);
    const uploaded = await call<RestoreResult>(
      'restoreBackup',
      { source: { kind: 'bytes', base64: fs.readFileSync(file).toString('base64'), fileName: 'mine.sqlite' } },
      api2,
    );
    expect(uploaded.restored.decks).toBe(1);

    await call('commitImport', { source: text(article('sql-bold.md')), target: { newDeckName: 'SQL' } }, api2);
    const dialogs: FileDialogs = { openFile: () => Promise.resolve(file), saveFile: () => Promise.resolve(null) };
    const withDialogs = createApi(db, clock, { dataDir: dir, dialogs });
    const picked = await call<PickedFile>('chooseBackupFile', undefined, withDialogs);
    const restored = await call<RestoreResult>(
      'restoreBackup',
      { source: { kind: 'picked', id: picked.id } },
      withDialogs,
    );
    expect(restored.restored).toEqual({ decks: 1, questions: 51, attempts: 0 });
  });

  it('refuses the open data file itself as a backup to restore, changing nothing', async () => {
    const live = path.join(dir, 'prepdeck.sqlite');
    expect(fs.existsSync(live)).toBe(true);
    const dialogs: FileDialogs = { openFile: () => Promise.resolve(live), saveFile: () => Promise.resolve(null) };
    const withDialogs = createApi(db, clock, { dataDir: dir, dialogs });
    const picked = await call<PickedFile>('chooseBackupFile', undefined, withDialogs);
    const before = storeHash();
    const refused = await failure('restoreBackup', { source: { kind: 'picked', id: picked.id } }, withDialogs);
    expect(refused).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/data file Prepdeck has open now/),
    });
    expect(storeHash()).toBe(before);
  });

  it('restores a backup from an older Prepdeck, upgrading it', async () => {
    const old = path.join(dir, 'old.sqlite');
    const oldDb = new Database(old);
    oldDb.pragma('foreign_keys = ON');
    migrations[0]!.up(oldDb);
    oldDb.pragma('user_version = 1');
    oldDb
      .prepare(
        "INSERT INTO decks (name, description, levels, created_at, updated_at) VALUES ('Old deck', '', '[\"Beginner\"]', 1, 1)",
      )
      .run();
    oldDb.close();
    const api2 = desktop();
    const result = await call<RestoreResult>(
      'restoreBackup',
      { source: { kind: 'bytes', base64: fs.readFileSync(old).toString('base64'), fileName: 'old.sqlite' } },
      api2,
    );
    expect(result.restored).toEqual({ decks: 1, questions: 0, attempts: 0 });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect((await call<Array<{ name: string }>>('listDecks', undefined, api2)).map((d) => d.name)).toEqual([
      'Old deck',
    ]);
  });

  describe('refuses a file it cannot trust, changing nothing', () => {
    function sqliteFile(build: (d: Database.Database) => void): Buffer {
      const file = path.join(dir, `probe-${Math.random().toString(36).slice(2)}.sqlite`);
      const probe = new Database(file);
      build(probe);
      probe.close();
      return fs.readFileSync(file);
    }
    const cases: Array<[string, () => Buffer, RegExp]> = [
      ['not a database', () => Buffer.from('just some text, not sqlite at all '.repeat(50)), /not an SQLite database/],
      ['an empty file', () => Buffer.alloc(0), /empty/],
      [
        'a damaged database',
        () => {
          const good = fs.readFileSync(path.join(backups(), fs.readdirSync(backups())[0]!));
          // Keep the header, scribble over the pages that hold the tables.
          const bad = Buffer.from(good);
          for (let i = 4096; i < Math.min(bad.length, 4096 * 6); i++) bad[i] = (i * 7) & 0xff;
          return bad;
        },
        /damaged|cannot be opened/,
      ],
      ['another app’s database', () => sqliteFile((d) => d.exec('CREATE TABLE notes (x)')), /not a Prepdeck backup/],
      [
        'a backup from a newer Prepdeck',
        () =>
          sqliteFile((d) => {
            for (const m of migrations) m.up(d);
            d.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
          }),
        new RegExp(
          `newer version of Prepdeck \\(data format ${SCHEMA_VERSION + 1}; this app reads up to ${SCHEMA_VERSION}\\)`,
        ),
      ],
    ];
    it.each(cases)('%s', async (_what, make, message) => {
      const api2 = desktop();
      await call('createBackup', undefined, api2);
      const content = make();
      const before = storeHash();
      const listed = fs.readdirSync(backups()).sort();
      const error = await failure(
        'restoreBackup',
        { source: { kind: 'bytes', base64: content.toString('base64'), fileName: 'x.sqlite' } },
        api2,
      );
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/Nothing was changed\.$/);
      expect(storeHash()).toBe(before);
      // No replaced-… backup: nothing was replaced.
      expect(fs.readdirSync(backups()).sort()).toEqual(listed);
    });
  });
});
