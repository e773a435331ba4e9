/** Writers: a deck as Prepdeck Markdown, Prepdeck JSON or Anki-compatible CSV (core/import reads each back). */
export { deckCsvWriter, writeDeckCsv } from './deck-csv';
export { deckJsonWriter, writeDeckJson } from './deck-json';
export { deckMarkdownWriter, writeDeckMarkdown } from './deck-markdown';
export { deckFileChunks, type DeckFileWriter } from './deck-stream';
