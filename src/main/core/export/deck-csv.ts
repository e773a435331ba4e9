/** A deck written as CSV that Anki imports and Prepdeck reads back (csv.ts and csv-columns.ts). */
import { stringify } from 'csv-stringify/sync';
import type { KeywordSpec, ParsedDeck } from '../../../shared/domain';
import { formatKeywordList, oneLine } from '../deck-markdown';
import { writeWholeDeck, type DeckFileWriter } from './deck-stream';

/**
 * Writes a deck as an Anki-compatible CSV.
 *
 * Choice: four columns Front, Back, Tags, Keywords, named in a `#columns:` header (Anki parses that header with
 * the file's own separator, so it is comma-separated here). Anki maps columns to note fields by name, so with the
 * Basic note type Front and Back land in their fields, Tags (`#tags column:3`) becomes the note's tags, and
 * Keywords, which matches no field, is ignored — while Prepdeck reads it back with aliases and weights intact
 * (the `Keywords:` syntax of Prepdeck Markdown). Encoding keywords as `kw::label` tags instead would lose aliases
 * and weights.
 * The level travels as a `level::<Level>` tag (Anki shows it as a nested tag); `#levels:` keeps the deck's level
 * order (Anki ignores header keys it does not know) and `#deck:` the deck name.
 * `#html:false`: the Markdown answers are text, and Anki escapes them rather than rendering them as HTML.
 * Limits: Anki tags cannot contain spaces, so a space in a tag (or level) is written as `_`; the deck description
 * and question ids are not written.
 */
export const deckCsvWriter: DeckFileWriter = {
  bySection: false,
  head: (deck) => {
    const head = ['#separator:comma', '#html:false', '#columns:Front,Back,Tags,Keywords', '#tags column:3'];
    if (deck.name.trim()) head.push(`#deck:${oneLine(deck.name).trim()}`);
    if (deck.allLevels.length) head.push(`#levels:${deck.allLevels.map((l) => oneLine(l).trim()).join(', ')}`);
    return `${head.join('\n')}\n`;
  },
  // Each record ends with its delimiter, so records stringified a chunk at a time join into the whole. A field that
  // starts like a header line is quoted, and so is one with a lone \r: csv-stringify quotes only the record
  // delimiter (\n), and a reader that takes \r as a line end would split the record there.
  questions: (placed) =>
    stringify(
      placed.map(({ question: q }) => [
        q.prompt,
        q.answer,
        [...q.tags.map(ankiTag), `level::${ankiTag(q.level)}`].join(' '),
        keywordCell(q.keywords),
      ]),
      { record_delimiter: '\n', quoted_match: [/^\s*#/, /\r/] },
    ),
  tail: () => '',
};

export function writeDeckCsv(deck: Pick<ParsedDeck, 'name' | 'description' | 'levels' | 'questions'>): string {
  return writeWholeDeck(deckCsvWriter, deck);
}

function ankiTag(tag: string): string {
  return tag.trim().replace(/\s+/g, '_');
}

/**
 * The keywords cell uses the `Keywords:` syntax. One keyword whose label holds a comma would be split by the
 * comma fallback for foreign files when read back, so it gets a trailing `;` to mark the syntax.
 */
function keywordCell(keywords: readonly KeywordSpec[]): string {
  const value = formatKeywordList(keywords);
  return value.includes(',') && !/[;|]/.test(value) ? `${value};` : value;
}
