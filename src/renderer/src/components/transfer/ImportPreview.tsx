import type { ReactNode } from 'react';
import { DEFAULT_LEVELS } from '../../../../shared/domain';
import type { DeckSummary } from '../../../../shared/types';
import type { ImportFormat, ImportPreview } from '../../../../shared/transfer';
import { plural } from '../../lib/format';
import { ColumnMappingView } from './ColumnMapping';
import type { Options } from './import-request';
import { ImportLevels } from './ImportLevels';
import { ImportSettings, ReadAs } from './ImportSettings';
import { PreviewQuestions } from './PreviewQuestions';
import shared from './Transfer.module.css';
import styles from './Import.module.css';

const unique = (list: readonly string[]): string[] => [...new Set(list)];

/** What the import would do, the choices that change it, and the Import button. */
export function PreviewView({
  preview,
  sameReading,
  failure,
  commitError,
  progress,
  detected,
  decks,
  options,
  set,
  pending,
  committing,
  onCommit,
}: {
  /** The last preview that worked for this source; null when none has yet. */
  preview: ImportPreview | null;
  /** The preview read the file in the format asked for now: its columns and levels still apply. */
  sameReading: boolean;
  /** The last refresh failed: shown instead of the questions. */
  failure: ReactNode;
  commitError: string | null;
  /** The running import's progress with its Cancel, or what became of a cancelled one. */
  progress: ReactNode;
  detected: ImportFormat | null;
  decks: DeckSummary[];
  options: Options;
  set: (patch: Partial<Options>) => void;
  /** The choices changed and the preview is being refreshed. */
  pending: boolean;
  committing: boolean;
  onCommit: () => void;
}) {
  // The first preview of this source failed: choosing how to read it is the way on.
  if (!preview) {
    return (
      <div className={styles.importPreview}>
        <div className={styles.importSettings}>
          <ReadAs options={options} detected={detected} set={set} />
        </div>
        {failure}
      </div>
    );
  }

  const levelChoices = unique([...preview.target.levels, ...DEFAULT_LEVELS]);
  const nameMissing = options.target.kind === 'new' && !options.target.name.trim();
  const blocked = nameMissing || preview.target.nameTaken;

  return (
    <div className={styles.importPreview} data-testid="import-preview" aria-busy={pending}>
      <ImportSettings
        preview={preview}
        failed={Boolean(failure)}
        levelChoices={levelChoices}
        detected={detected}
        decks={decks}
        options={options}
        set={set}
      />
      {sameReading && (
        <ImportLevels
          preview={preview}
          choices={levelChoices}
          levelOverride={options.levelOverride}
          levelMap={options.levelMap}
          set={set}
        />
      )}
      {sameReading && preview.table && <ColumnMappingView table={preview.table} options={options} set={set} />}
      {failure || <PreviewQuestions preview={preview} />}
      {commitError && (
        <p className={`note ${shared.importError} ${styles.previewError}`} role="alert">
          {commitError}
        </p>
      )}
      {progress}
      <ImportFooter
        preview={preview}
        failed={Boolean(failure)}
        disabled={pending || blocked || committing}
        committing={committing}
        onCommit={onCommit}
      />
    </div>
  );
}

function ImportFooter({
  preview,
  failed,
  disabled,
  committing,
  onCommit,
}: {
  preview: ImportPreview;
  failed: boolean;
  disabled: boolean;
  committing: boolean;
  onCommit: () => void;
}) {
  const { counts } = preview;
  const writes = counts.create + counts.update;
  return (
    <div className={styles.importFooter}>
      <p className={styles.importSummary} data-testid="import-summary">
        {failed
          ? 'Nothing can be imported until the problem above is solved.'
          : writes === 0
            ? 'Nothing new to import: every question is already in the deck.'
            : summaryText(counts, preview.target.deckId === null, preview.target.deckName)}
      </p>
      <button
        type="button"
        className="button button-primary button-large"
        disabled={failed || disabled || writes === 0}
        onClick={onCommit}
      >
        {committing ? 'Importing…' : failed ? 'Import' : `Import ${plural(writes, 'question')}`}
      </button>
    </div>
  );
}

function summaryText(counts: ImportPreview['counts'], newDeck: boolean, deckName: string): ReactNode {
  const parts = [`${plural(counts.create, 'new question')}`];
  if (counts.update) parts.push(`${counts.update} updated`);
  if (counts.skip) parts.push(`${counts.skip} skipped`);
  return (
    <>
      {parts.join(', ')} → {newDeck ? 'a new deck, ' : ''}
      <strong>{deckName}</strong>
    </>
  );
}
