import type { ParsedDeck } from '../../../shared/domain';
import { parseDeckMarkdown } from '../deck-markdown';
import { parseArticle } from './article';
import { parseDelimitedTable } from './csv';
import { suggestMapping, tableToDeck, type ColumnMapping } from './csv-columns';
import { decodeImportBytes } from './decode';
import { detectFormat } from './detect';
import type { ImportFormat } from './detect';
import { ImportError } from './errors';
import { parseDeckJson } from './json';

export { ImportError } from './errors';
export { decodeImportBytes, MAX_IMPORT_BYTES } from './decode';
export { detectFormat } from './detect';
export type { ImportFormat } from './detect';
export { parseDeckJson, deckJsonSchema } from './json';
export { parseDelimitedTable } from './csv';
export { suggestMapping, tableToDeck } from './csv-columns';
export type { DelimitedTable } from './csv';
export type { ColumnMapping } from './csv-columns';
export { parseArticle } from './article';
export { suggestKeywords } from './suggest';

export interface ImportInput {
  text: string;
  fileName?: string;
  /** Overrides detection. */
  format?: ImportFormat;
  /** Overrides the name the file gives the deck (or the one derived from the file name). */
  deckName?: string;
  /** Level for questions whose source names none (tables without a level column, article text before any level heading). */
  defaultLevel?: string;
  /** Words every question is about (the target deck's name): never suggested as a keyword of an article's question. */
  topicWords?: string[];
  /** Column separator for csv/tsv; detected when absent. */
  delimiter?: string;
  /** Column mapping for csv/tsv; suggested from the header when absent. */
  mapping?: ColumnMapping;
}

export interface ImportParseResult {
  format: ImportFormat;
  deck: ParsedDeck;
  /** For csv/tsv: a preview (first 20 rows) and the mapping used, so the UI can let the user change it. */
  table?: { header: string[] | null; rows: string[][]; mapping: ColumnMapping };
}

const PREVIEW_ROWS = 20;

export function parseImport(input: ImportInput): ImportParseResult {
  const format = input.format ?? detectFormat(input.text, input.fileName);
  const override = input.deckName?.trim() || '';
  const fallbackName = override || nameFromFile(input.fileName) || 'Imported deck';
  const defaultLevel = input.defaultLevel?.trim() || 'Intermediate';
  let deck: ParsedDeck;
  let table: ImportParseResult['table'];
  switch (format) {
    case 'markdown':
      deck = parseDeckMarkdown(input.text);
      break;
    case 'json':
      deck = parseDeckJson(input.text);
      break;
    case 'csv':
    case 'tsv': {
      const parsed = parseDelimitedTable(input.text, input.delimiter ?? (format === 'tsv' ? '\t' : undefined));
      const mapping = input.mapping ?? suggestMapping(parsed);
      deck = tableToDeck(parsed, mapping, {
        deckName: override || parsed.ankiHeaders.deck?.trim() || fallbackName,
        defaultLevel,
      });
      table = { header: parsed.header, rows: parsed.rows.slice(0, PREVIEW_ROWS), mapping };
      break;
    }
    case 'article':
      deck = parseArticle(input.text, {
        deckName: override || undefined,
        fallbackName,
        defaultLevel,
        topicWords: input.topicWords,
      });
      break;
    default:
      throw new ImportError(`Unknown import format "${String(format)}".`);
  }
  if (override) deck = { ...deck, name: override };
  else if (!deck.name.trim()) deck = { ...deck, name: fallbackName };
  if (deck.questions.length === 0) {
    const what = input.fileName ? `“${input.fileName}”` : 'The text';
    throw new ImportError(`${what} contains no questions.`);
  }
  return table ? { format, deck, table } : { format, deck };
}

/** Decodes the bytes of a file (see decodeImportBytes), then parses them. */
export function parseImportBytes(bytes: Uint8Array, opts: Omit<ImportInput, 'text'> = {}): ImportParseResult {
  return parseImport({ ...opts, text: decodeImportBytes(bytes) });
}

function nameFromFile(fileName: string | undefined): string {
  if (!fileName) return '';
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return base
    .replace(/\.[A-Za-z0-9]+$/, '')
    .replace(/[_-]+/g, ' ')
    .trim();
}
