import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportPreviewQuestion } from '../../../../shared/transfer';
import { previewPage, SHOWN_AT_FIRST } from './import-paging';
import {
  buildRequest,
  commitTarget,
  INITIAL,
  settleTarget,
  whatToChange,
  type Chosen,
  type Request,
  type Shown,
} from './import-request';

const chosen: Chosen = { source: { kind: 'text', text: '# Go' }, label: 'Pasted text', size: 0 };

function preview(patch: Partial<ImportPreview> = {}): ImportPreview {
  return {
    format: 'markdown',
    fileName: null,
    sourceDeck: { name: 'Go', description: '', levels: [] },
    levels: [],
    noLevelHints: false,
    questions: [],
    offset: 0,
    questionCount: 0,
    duplicateCount: 0,
    warnings: [],
    table: null,
    target: { deckId: null, deckName: 'Go', levels: [], nameTaken: false },
    counts: { create: 0, update: 0, skip: 0 },
    ...patch,
  };
}

describe('the import request', () => {
  it('sends only the source and the duplicate rule when nothing was chosen', () => {
    expect(buildRequest(chosen, INITIAL)).toEqual({ source: chosen.source, duplicates: 'skip' });
  });

  it('sends every choice made, a new deck name trimmed, and a blank one not at all', () => {
    const mapping = { prompt: 0, answer: 1, level: null, keywords: null, tags: null };
    expect(
      buildRequest(chosen, {
        ...INITIAL,
        format: 'csv',
        mapping,
        target: { kind: 'new', name: '  Go basics ' },
        duplicates: 'update',
      }),
    ).toEqual({
      source: chosen.source,
      format: 'csv',
      mapping,
      target: { newDeckName: 'Go basics' },
      duplicates: 'update',
    });
    expect(buildRequest(chosen, { ...INITIAL, target: { kind: 'new', name: '   ' } }).target).toBeUndefined();
    expect(buildRequest(chosen, { ...INITIAL, target: { kind: 'existing', deckId: 4 } }).target).toEqual({ deckId: 4 });
  });

  it('sends the level of the whole import in place of the level map, never both', () => {
    const map = { Junior: 'Beginner' };
    expect(buildRequest(chosen, { ...INITIAL, levelMap: map })).toMatchObject({ levelMap: map });
    const both = buildRequest(chosen, { ...INITIAL, levelMap: map, levelOverride: 'Senior' });
    expect(both.levelOverride).toBe('Senior');
    expect(both.levelMap).toBeUndefined();
  });

  it('commits into the deck chosen, the new name typed, or the name the preview found', () => {
    const p = preview({ target: { deckId: null, deckName: 'Go', levels: [], nameTaken: false } });
    expect(commitTarget({ kind: 'existing', deckId: 3 }, p)).toEqual({ deckId: 3 });
    expect(commitTarget({ kind: 'new', name: ' Mine ' }, p)).toEqual({ newDeckName: 'Mine' });
    expect(commitTarget({ kind: 'auto' }, p)).toEqual({ newDeckName: 'Go' });
  });

  it('settles an automatic target from the first preview, and leaves a chosen one alone', () => {
    const existing = preview({ target: { deckId: 7, deckName: 'Django', levels: [], nameTaken: false } });
    expect(settleTarget(INITIAL, existing).target).toEqual({ kind: 'existing', deckId: 7 });
    expect(settleTarget(INITIAL, preview()).target).toEqual({ kind: 'new', name: 'Go' });
    const mine = { ...INITIAL, target: { kind: 'existing', deckId: 2 } as const };
    expect(settleTarget(mine, existing)).toBe(mine);
  });
});

describe('what to change after a failed preview', () => {
  const worked: Request = { source: chosen.source, duplicates: 'skip' };
  const shown: Shown = { request: worked, preview: preview({ questionCount: 12 }) };

  it('points at "Read as" when no preview ever worked', () => {
    expect(whatToChange(worked, null, null)).toMatch(/“Read as”/);
  });

  it('names the change since the last preview that worked', () => {
    expect(whatToChange({ ...worked, format: 'article' }, shown, 'markdown')).toBe(
      'Choose another format under “Read as” above: as Prepdeck Markdown, it read 12 questions.',
    );
    expect(whatToChange({ ...worked, target: { deckId: 3 } }, shown, 'markdown')).toBe(
      'Choose another deck under “Into deck” above.',
    );
    expect(whatToChange({ ...worked, levelOverride: 'Senior' }, shown, 'markdown')).toBe('Choose other levels above.');
    expect(whatToChange(worked, shown, 'markdown')).toBe('Change the choices above, or start over with another file.');
  });

  it('names the clash when the question and the answer are one column', () => {
    const table = {
      header: ['q', 'a'],
      rows: [],
      columnCount: 2,
      mapping: { prompt: 0, answer: 1, level: null, keywords: null, tags: null },
      obvious: true,
    };
    const csv: Shown = { request: worked, preview: preview({ format: 'csv', table }) };
    const clash = { ...worked, mapping: { ...table.mapping, answer: 0 } };
    expect(whatToChange(clash, csv, 'csv')).toBe('Choose another column for the Question or for the Answer above.');
  });
});

describe('the preview page', () => {
  const question = (line: number): ImportPreviewQuestion => ({
    line,
    prompt: `Q${line}`,
    level: 'Beginner',
    sourceLevel: 'Beginner',
    keywords: [],
    keywordsSuggested: false,
    tags: [],
    answerExcerpt: '',
    action: 'create',
  });
  const questions = (n: number) => Array.from({ length: n }, (_, i) => question(i + 1));

  it('lists a short import whole, with no button and no note', () => {
    const page = previewPage({ questions: questions(3), questionCount: 3 }, false);
    expect(page.rows).toHaveLength(3);
    expect(page.showMore).toBeNull();
    expect(page.partial).toBeNull();
  });

  it('lists the first ones, then all of the page', () => {
    const p = { questions: questions(80), questionCount: 80 };
    expect(previewPage(p, false).rows).toHaveLength(SHOWN_AT_FIRST);
    expect(previewPage(p, false).showMore).toBe('Show all 80 questions');
    expect(previewPage(p, true).rows).toHaveLength(80);
    expect(previewPage(p, true).showMore).toBeNull();
    expect(previewPage(p, true).partial).toBeNull();
  });

  it('says when the page is not the whole import', () => {
    const p = { questions: questions(500), questionCount: 1234 };
    expect(previewPage(p, false).showMore).toBe('Show the first 500 questions');
    expect(previewPage(p, false).partial).toBeNull();
    expect(previewPage(p, true).partial).toBe('The first 500 of 1,234 questions are listed; all of them are imported.');
  });
});
