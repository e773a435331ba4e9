import { deckCsvWriter, deckFileChunks, deckJsonWriter, deckMarkdownWriter } from '../core/export';
import type { DeckFileWriter } from '../core/export';
import { historyCsvChunks } from '../core/export/history-csv';
import { deckExportHead, deckExportOrder, questionsForExport } from '../store/deck-export';
import type { Db } from '../store/db';
import { attemptCount, iterateHistoryRows } from '../store/history-export';
import type { ExportFormat } from '../../shared/transfer';
import type { ExportSource } from './export-protocol';

const DECK_WRITERS: Record<ExportFormat, DeckFileWriter> = {
  markdown: deckMarkdownWriter,
  json: deckJsonWriter,
  csv: deckCsvWriter,
};

/** The deck an export was asked for is gone (deleted since): the job fails with these words. */
export class ExportSourceGone extends Error {
  readonly code = 'not_found';
}

export interface ExportChunks {
  /** Rows (answers, or questions) the file will hold. */
  total: number;
  chunks: Iterable<{ text: string; rows: number }>;
}

/**
 * An export's file as chunks of text, read from the store as they are written. `inline`: the calls answered
 * between chunks share this connection, so no statement may stay open across chunks (better-sqlite3 refuses other
 * statements while an iterator is open); the worker's own connection streams the history instead.
 */
export function exportChunks(db: Db, source: ExportSource, chunkRows: number, inline: boolean): ExportChunks {
  if (source.kind === 'history') {
    const rows = iterateHistoryRows(db);
    return { total: attemptCount(db), chunks: historyCsvChunks(inline ? [...rows] : rows, chunkRows) };
  }
  const head = deckExportHead(db, source.deckId);
  if (!head) throw new ExportSourceGone(`The deck was deleted before its export could start.`);
  const { ids, levels } = deckExportOrder(db, source.deckId);
  // Each chunk reads its questions in two queries, and nothing stays open between them.
  const load = (indices: readonly number[]) =>
    questionsForExport(
      db,
      indices.map((i) => ids[i]!),
    );
  return { total: ids.length, chunks: deckFileChunks(DECK_WRITERS[source.format], head, levels, load, chunkRows) };
}
