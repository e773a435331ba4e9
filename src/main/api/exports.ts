import { ApiError } from '../../shared/api';
import type { ExportFormat } from '../../shared/transfer';
import { deckExportHead } from '../store/deck-export';
import type { ApiContext, Handlers } from './context';
import { startExportJob } from './export-jobs';
import { fileSlug } from './file-output';

const EXPORTS: Record<ExportFormat, { ext: string; mimeType: string; label: string }> = {
  markdown: { ext: 'md', mimeType: 'text/markdown', label: 'Prepdeck Markdown' },
  json: { ext: 'json', mimeType: 'application/json', label: 'Prepdeck JSON' },
  csv: { ext: 'csv', mimeType: 'text/csv', label: 'CSV (Anki)' },
};

/** A deck as a file in one of the formats Prepdeck imports again, written as a job (see startExportJob). */
export function exportsApi(context: ApiContext) {
  return {
    startDeckExport: async ({ deckId, format }) => {
      const deck = deckExportHead(context.db, deckId);
      if (!deck) throw new ApiError('not_found', `Deck ${deckId} does not exist (it may have been deleted).`);
      const spec = EXPORTS[format];
      return startExportJob(
        context,
        {
          fileName: `${fileSlug(deck.name)}.${spec.ext}`,
          mimeType: spec.mimeType,
          label: spec.label,
          extensions: [spec.ext],
        },
        { kind: 'deck', deckId, format },
      );
    },
  } satisfies Partial<Handlers>;
}
