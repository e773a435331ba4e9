/** The names a table's header may give its columns, as csv.ts (is it a header?) and csv-columns.ts (which is which?) read them. */

/** A header cell as compared: lower case, letters only, single spaces. */
export function normalizeHeaderName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

export const PROMPT_NAMES: ReadonlySet<string> = new Set(['question', 'questions', 'front', 'prompt', 'q', 'term']);

export const ANSWER_NAMES: ReadonlySet<string> = new Set([
  'answer',
  'answers',
  'back',
  'a',
  'model answer',
  'definition',
  'response',
]);

export const LEVEL_NAMES: ReadonlySet<string> = new Set(['level', 'difficulty', 'levels']);

export const KEYWORD_NAMES: ReadonlySet<string> = new Set(['keywords', 'keyword', 'key terms', 'key words']);

export const TAG_NAMES: ReadonlySet<string> = new Set(['tags', 'tag']);
