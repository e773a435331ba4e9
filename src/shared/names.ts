/**
 * What a name (deck, level, tag, keyword, alias) may not hold: control characters (NUL, tab, line breaks…), the
 * invisible marks that reorder text (bidi overrides and isolates, which can make one name read as another), and
 * broken UTF-16 (a lone surrogate, which no file format can write back). Shared by the editor's schemas and the
 * importer, so that whatever is imported can be edited.
 */
const CONTROL = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029\uFEFF\uFFFE\uFFFF]/u;
const LONE_SURROGATE = /\p{Cs}/u;

export const NAME_CONTROL_MESSAGE =
  'cannot contain control characters or invisible direction marks (such as NUL, a line break or a right-to-left override)';
export const NAME_UNICODE_MESSAGE = 'is not valid Unicode (it holds half of a character)';

/** Why `value` cannot be a name, in words to follow "A deck name …", or null when it can. */
export function nameProblem(value: string): string | null {
  if (LONE_SURROGATE.test(value)) return NAME_UNICODE_MESSAGE;
  if (CONTROL.test(value)) return NAME_CONTROL_MESSAGE;
  return null;
}
