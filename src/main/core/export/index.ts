/** Writers: a deck as Prepdeck Markdown, Prepdeck JSON or Anki-compatible CSV (core/import reads each back). */
export { writeDeckCsv } from './deck-csv';
export { writeDeckJson } from './deck-json';
export { writeDeckMarkdown } from './deck-markdown';
