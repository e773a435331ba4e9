import { describe, expect, it } from 'vitest';
import { keywordsToSave, relabel, rowProblem, splitList, toRows, type KeywordRow } from './keyword-rows';

const bank = [
  { id: 1, label: 'ORM', aliases: ['object-relational mapper'], questionCount: 3 },
  { id: 2, label: 'GIL', aliases: ['global interpreter lock', 'interpreter lock'], questionCount: 1 },
];
const row = (patch: Partial<KeywordRow> = {}): KeywordRow => ({ label: '', aliases: '', weight: 1, ...patch });

describe('keyword rows', () => {
  it('starts a new question with one empty row', () => {
    expect(toRows(null)).toEqual([row()]);
  });

  it('splits a list on commas, dropping blanks', () => {
    expect(splitList(' a, b ,, c ,')).toEqual(['a', 'b', 'c']);
  });

  it('refuses what the contract refuses, the label first', () => {
    expect(rowProblem(row({ label: 'ORM' }))).toBeNull();
    expect(rowProblem(row({ label: 'ORM; SQL' }))).toMatch(/\.$/);
    expect(rowProblem(row({ label: 'ORM', aliases: 'mapper; thing' }))).toMatch(/\.$/);
    expect(rowProblem(row({ label: 'a;b', aliases: 'c;d' }))).not.toBe(rowProblem(row({ label: 'a', aliases: 'c;d' })));
  });

  it('brings a known keyword’s aliases, case-insensitively, into an untouched row', () => {
    expect(relabel(row(), 'gil', bank)).toEqual(
      row({ label: 'gil', aliases: 'global interpreter lock, interpreter lock' }),
    );
  });

  it('takes the aliases away again when the label leaves the known keyword', () => {
    const known = row({ label: 'ORM', aliases: 'object-relational mapper' });
    expect(relabel(known, 'ORMs', bank)).toEqual(row({ label: 'ORMs', aliases: '' }));
  });

  it('keeps aliases the person typed', () => {
    const typed = row({ label: 'ORM', aliases: 'my own words' });
    expect(relabel(typed, 'GIL', bank)).toEqual(row({ label: 'GIL', aliases: 'my own words' }));
  });

  it('saves the filled rows, trimmed and split', () => {
    expect(keywordsToSave([row({ label: ' ORM ', aliases: 'a, b', weight: 2 }), row({ label: '  ' })])).toEqual([
      { label: 'ORM', aliases: ['a', 'b'], weight: 2 },
    ]);
  });
});
