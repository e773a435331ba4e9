/**
 * Where a long identifier may wrap without being cut mid-word: before each capital that follows a lower-case
 * letter or digit (`FetchFromCache|Middleware`), and after a dot, underscore or slash (`transaction.|on_|commit`).
 * Returns the pieces in order; joined, they are the label again.
 */
export function wordBreakPieces(label: string): string[] {
  return label.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[._/])(?=[^\s._/])/);
}
