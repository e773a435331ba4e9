import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult, PickedFile } from '../../src/shared/transfer';
import { createApi, type Handlers } from '../../src/main/api';
import type { FileDialogs } from '../../src/main/api/context';
import { openMemoryDb } from '../../src/main/store/database';
import { exportedDeck, exportedHistory, jobFinished } from './harness';

import {
  api,
  ARTICLES,
  call,
  clock,
  db,
  deckSnapshot,
  dir,
  failure,
  freshTransferApp,
  jobs,
  ROUND_TRIP_DECK,
  text,
} from './transfer-harness';

freshTransferApp();

describe('export: decks', () => {
  it('exports a deck as Markdown, JSON and CSV for download in browser mode', async () => {
    const md = await exportedDeck(api, jobs, 1, 'markdown');
    expect(md.fileName).toBe('django.md');
    expect(md.text).toMatch(/^# Django\n/);
    const json = await exportedDeck(api, jobs, 1, 'json');
    expect(json.fileName).toBe('django.json');
    const data = JSON.parse(json.text) as { deck: { questions: unknown[] } };
    expect(data.deck.questions).toHaveLength(51);
    const csv = await exportedDeck(api, jobs, 1, 'csv');
    expect(csv.fileName).toBe('django.csv');
    expect(csv.text.split('\n').slice(0, 4)).toEqual([
      '#separator:comma',
      '#html:false',
      '#columns:Front,Back,Tags,Keywords',
      '#tags column:3',
    ]);
    expect((await failure('startDeckExport', { deckId: 42, format: 'csv' })).code).toBe('not_found');
    expect((await failure('startDeckExport', { deckId: 1, format: 'xlsx' })).code).toBe('invalid_input');
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

      const exported = await exportedDeck(api, jobs, 2, format);

      // Into a fresh bank.
      const other = openMemoryDb();
      const otherApi = createApi(other, clock);
      const result = await call<ImportResult>(
        'commitImport',
        { source: text(exported.text, exported.fileName), target: { newDeckName: 'Systems' } },
        otherApi,
      );
      expect(result.created).toBe(3);
      expect(deckSnapshot(other, 'Systems', opts)).toEqual(first);

      // Back into the same bank: every question is a duplicate, and updating them changes nothing.
      const again = await call<ImportResult>('commitImport', {
        source: text(exported.text, exported.fileName),
        target: { deckId: 2 },
        duplicates: 'update',
      });
      expect(again).toMatchObject({ created: 0, updated: 3, skipped: 0 });
      expect(deckSnapshot(db, 'Systems', opts)).toEqual(first);
      other.close();
    });
  });
});

describe('export: the answer history', () => {
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
    const desktop = withDialogs({ save: target });
    const started = await call<{ jobId: string }>('startDeckExport', { deckId: 1, format: 'markdown' }, desktop);
    expect(await jobFinished(desktop, started.jobId)).toMatchObject({
      state: 'done',
      fileName: 'my-django.md',
      path: target,
    });
    expect(fs.readFileSync(target, 'utf8')).toMatch(/^# Django\n/);
    expect(await call('startHistoryExport', undefined, withDialogs({ save: null }))).toBeNull();
    expect(await call('startDeckExport', { deckId: 1, format: 'csv' }, withDialogs({ save: null }))).toBeNull();
  });
});
