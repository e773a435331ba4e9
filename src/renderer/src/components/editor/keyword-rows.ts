import { ALIAS_SEPARATOR_MESSAGE, hasKeywordSeparator, KEYWORD_SEPARATOR_MESSAGE } from '../../../../shared/api';
import type { KeywordSpec } from '../../../../shared/domain';
import type { KeywordCount, QuestionDetail } from '../../../../shared/types';

/** A keyword as the editor holds it while typed: aliases as one comma-separated text. */
export interface KeywordRow {
  label: string;
  aliases: string;
  weight: number;
}

export const EMPTY_ROW: KeywordRow = { label: '', aliases: '', weight: 1 };

export const toRows = (q: QuestionDetail | null): KeywordRow[] =>
  q ? q.keywords.map((k) => ({ label: k.label, aliases: k.aliases.join(', '), weight: k.weight })) : [EMPTY_ROW];

export const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export const sameLabel = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** What is wrong with a keyword row as typed (the contract refuses the same), or null. */
export function rowProblem(row: KeywordRow): string | null {
  if (hasKeywordSeparator(row.label)) return `${KEYWORD_SEPARATOR_MESSAGE}.`;
  if (splitList(row.aliases).some(hasKeywordSeparator)) return `${ALIAS_SEPARATOR_MESSAGE}.`;
  return null;
}

/**
 * A row whose keyword was retyped as `label`. Aliases the person has not touched follow the keyword
 * (they are the keyword's, not the row's): a known keyword brings its own, leaving one takes its away.
 */
export function relabel(row: KeywordRow, label: string, keywords: readonly KeywordCount[]): KeywordRow {
  const find = (text: string) => keywords.find((k) => sameLabel(k.label, text));
  const known = find(label);
  const before = find(row.label);
  const untouched = !row.aliases.trim() || (before && row.aliases === before.aliases.join(', '));
  if (untouched && (known || before)) return { ...row, label, aliases: known ? known.aliases.join(', ') : '' };
  return { ...row, label };
}

/** The keywords to save: blank rows left out, labels trimmed, aliases split. */
export const keywordsToSave = (rows: readonly KeywordRow[]): KeywordSpec[] =>
  rows
    .filter((r) => r.label.trim())
    .map((r) => ({ label: r.label.trim(), aliases: splitList(r.aliases), weight: r.weight }));
