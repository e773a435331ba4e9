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
class ExportSourceGone extends Error {
  readonly code = 'not_found';
}

export interface ExportChunks {
  /** Rows (answers, or questions) the file will hold. */
  total: number;
  chunks: Iterable<{ text: string; rows: number }>;
}

/**
 * An export's file as chunks of text, read from the store as they are written: the rows' ids in the file's order
 * first, then each chunk's rows by their ids, so that no statement stays open between chunks (better-sqlite3 refuses
 * every other statement on a connection while one iterates, and the calls answered between chunks may need it).
 */
export function exportChunks(db: Db, source: ExportSource, chunkRows: number): ExportChunks {
  if (source.kind === 'history') {
    return { total: attemptCount(db), chunks: historyCsvChunks(iterateHistoryRows(db, chunkRows), chunkRows) };
  }
  const head = deckExportHead(db, source.deckId);
  if (!head) throw new ExportSourceGone(`The deck was deleted before its export could start.`);
  const { ids, levels } = deckExportOrder(db, source.deckId);
  const load = (indices: readonly number[]) =>
    questionsForExport(
      db,
      indices.map((i) => ids[i]!),
    );
  return { total: ids.length, chunks: deckFileChunks(DECK_WRITERS[source.format], head, levels, load, chunkRows) };
}
