import { ApiError } from '../../shared/api';
import type { ParsedDeck } from '../../shared/domain';
import type { ExportFormat } from '../../shared/transfer';
import { writeDeckCsv, writeDeckJson, writeDeckMarkdown } from '../core/export';
import * as store from '../store/transfer';
import type { ApiContext, Handlers } from './context';
import { deliver, fileSlug } from './file-output';

const EXPORTS: Record<
  ExportFormat,
  { ext: string; mimeType: string; label: string; write: (d: ParsedDeck) => string }
> = {
  markdown: { ext: 'md', mimeType: 'text/markdown', label: 'Prepdeck Markdown', write: writeDeckMarkdown },
  json: { ext: 'json', mimeType: 'application/json', label: 'Prepdeck JSON', write: writeDeckJson },
  csv: { ext: 'csv', mimeType: 'text/csv', label: 'CSV (Anki)', write: writeDeckCsv },
};

/** A deck as a file in one of the formats Prepdeck imports again. */
export function exportsApi({ db, dialogs }: ApiContext) {
  return {
    exportDeck: async ({ deckId, format }) => {
      const deck = store.deckForExport(db, deckId);
      if (!deck) throw new ApiError('not_found', `Deck ${deckId} does not exist (it may have been deleted).`);
      const spec = EXPORTS[format];
      return deliver(
        dialogs,
        {
          fileName: `${fileSlug(deck.name)}.${spec.ext}`,
          mimeType: spec.mimeType,
          label: spec.label,
          extensions: [spec.ext],
        },
        spec.write(deck),
      );
    },
  } satisfies Partial<Handlers>;
}
