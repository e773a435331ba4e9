/**
 * How big a question may be: where a person never goes and a mistake easily does. The editor's schemas and the
 * importer read these same numbers, so that every imported question can be opened and saved in the editor.
 */
import { nameProblem } from './names';

export const LIMITS = {
  /** Questions in one import. */
  importQuestions: 20_000,
  prompt: 1000,
  /** Characters of a model answer (about 200 KB of text). */
  answer: 200_000,
  level: 60,
  keywords: 50,
  keyword: 120,
  aliasesPerKeyword: 20,
  tags: 30,
  tag: 60,
} as const;

/** Questions per preview page: the preview shows what an import does without sending every question at once. */
export const PREVIEW_PAGE = 500;

const n = (value: number): string => value.toLocaleString('en-US');

interface QuestionShape {
  prompt: string;
  answer: string;
  level: string;
  tags: readonly string[];
  keywords: ReadonlyArray<{ label: string; aliases: readonly string[] }>;
}

/** Why the editor would refuse this question, in words; null when it fits. */
export function questionLimitProblem(q: QuestionShape): string | null {
  if (q.prompt.length > LIMITS.prompt) {
    return `its question is ${n(q.prompt.length)} characters long; a question can be up to ${n(LIMITS.prompt)}`;
  }
  if (q.answer.length > LIMITS.answer) {
    return `its answer is ${n(q.answer.length)} characters long; an answer can be up to ${n(LIMITS.answer)}`;
  }
  if (q.level.length > LIMITS.level) return `its level is longer than ${LIMITS.level} characters`;
  if (q.keywords.length > LIMITS.keywords) {
    return `it has ${q.keywords.length} keywords; a question can have up to ${LIMITS.keywords}`;
  }
  if (q.tags.length > LIMITS.tags) return `it has ${q.tags.length} tags; a question can have up to ${LIMITS.tags}`;
  for (const k of q.keywords) {
    if (k.label.length > LIMITS.keyword)
      return `its keyword “${k.label.slice(0, 40)}…” is longer than ${LIMITS.keyword} characters`;
    if (k.aliases.length > LIMITS.aliasesPerKeyword) {
      return `its keyword “${k.label}” has ${k.aliases.length} aliases; a keyword can have up to ${LIMITS.aliasesPerKeyword}`;
    }
    const long = k.aliases.find((a) => a.length > LIMITS.keyword);
    if (long) return `an alias of “${k.label}” is longer than ${LIMITS.keyword} characters`;
  }
  const longTag = q.tags.find((t) => t.length > LIMITS.tag);
  if (longTag) return `its tag “${longTag.slice(0, 40)}…” is longer than ${LIMITS.tag} characters`;
  const names: Array<[string, string]> = [
    ['level', q.level],
    ...q.tags.map((t): [string, string] => ['tag', t]),
    ...q.keywords.flatMap((k): Array<[string, string]> => [
      ['keyword', k.label],
      ...k.aliases.map((a): [string, string] => ['alias', a]),
    ]),
  ];
  for (const [what, value] of names) {
    const problem = nameProblem(value);
    if (problem) return `its ${what} “${value.replace(/[^\p{L}\p{N} ._-]/gu, '?').slice(0, 40)}” ${problem}`;
  }
  return null;
}
