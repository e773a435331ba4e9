import type { DeckSummary } from '../../../../shared/types';
import {
  IMPORT_FORMATS,
  type DuplicateChoice,
  type ImportFormat,
  type ImportPreview,
} from '../../../../shared/transfer';
import { plural } from '../../lib/format';
import { RadioGroup, type RadioOption } from '../RadioGroup';
import { FORMAT_LABELS, type Options } from './import-request';
import styles from './Import.module.css';

const DUPLICATE_OPTIONS: Array<RadioOption<DuplicateChoice>> = [
  { value: 'skip', label: 'Skip them', hint: 'Questions the deck already has (same prompt or Id) stay as they are.' },
  { value: 'update', label: 'Update them', hint: 'Questions the deck already has are updated from this import.' },
];

type Set = (patch: Partial<Options>) => void;

/** "Read as": the format to read the source in, the detected one marked. */
export function ReadAs({ options, detected, set }: { options: Options; detected: ImportFormat | null; set: Set }) {
  return (
    <label className="field">
      <span className="field-label">Read as</span>
      <select
        className="input"
        value={options.format ?? detected ?? ''}
        onChange={(e) => set({ format: (e.target.value || null) as ImportFormat | null, mapping: null })}
      >
        {!options.format && !detected && <option value="">Automatic</option>}
        {IMPORT_FORMATS.map((f) => (
          <option key={f} value={f}>
            {FORMAT_LABELS[f]}
            {f === detected ? ' (detected)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Where the import goes, at which level, and what happens to questions the deck already has. */
export function ImportSettings({
  preview,
  failed,
  levelChoices,
  detected,
  decks,
  options,
  set,
}: {
  preview: ImportPreview;
  /** The last refresh failed: the preview's own remarks are out of date, so they are not shown. */
  failed: boolean;
  levelChoices: string[];
  detected: ImportFormat | null;
  decks: DeckSummary[];
  options: Options;
  set: Set;
}) {
  const duplicates = preview.duplicateCount;
  return (
    <div className={styles.importSettings}>
      <ReadAs options={options} detected={detected} set={set} />
      <TargetField preview={preview} failed={failed} decks={decks} options={options} set={set} />
      <label className="field">
        <span className="field-label">Level of the whole import</span>
        <select
          className="input"
          value={options.levelOverride}
          onChange={(e) => set({ levelOverride: e.target.value })}
        >
          <option value="">Keep each question’s level</option>
          {levelChoices.map((l) => (
            <option key={l} value={l}>
              All {l}
            </option>
          ))}
        </select>
      </label>
      <div className="field">
        <span className="field-label" id="duplicates-label">
          Already in the deck
        </span>
        <RadioGroup
          labelledBy="duplicates-label"
          value={options.duplicates}
          options={DUPLICATE_OPTIONS}
          onChange={(choice) => set({ duplicates: choice })}
        />
        {!failed && (
          <span className="muted small">
            {duplicates === 0 ? 'None so far.' : `${plural(duplicates, 'question')} of this import already there.`}
          </span>
        )}
      </div>
    </div>
  );
}

/** "Into deck": an existing deck, or a new one with its name. */
function TargetField({
  preview,
  failed,
  decks,
  options,
  set,
}: {
  preview: ImportPreview;
  failed: boolean;
  decks: DeckSummary[];
  options: Options;
  set: Set;
}) {
  const newName = options.target.kind === 'new' ? options.target.name : '';
  const nameMissing = options.target.kind === 'new' && !newName.trim();
  return (
    <div className="field">
      <label className="field-label" htmlFor="import-target">
        Into deck
      </label>
      <select
        id="import-target"
        className="input"
        value={options.target.kind === 'existing' ? String(options.target.deckId) : 'new'}
        onChange={(e) =>
          set({
            target:
              e.target.value === 'new'
                ? { kind: 'new', name: preview.sourceDeck.name || 'Imported deck' }
                : { kind: 'existing', deckId: Number(e.target.value) },
          })
        }
      >
        <option value="new">A new deck</option>
        {decks.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name} ({plural(d.questionCount, 'question')})
          </option>
        ))}
      </select>
      {options.target.kind === 'new' && (
        <input
          className="input"
          aria-label="New deck name"
          value={newName}
          maxLength={120}
          onChange={(e) => set({ target: { kind: 'new', name: e.target.value } })}
        />
      )}
      {!failed && preview.target.nameTaken && !nameMissing && (
        <span className="error-text small" role="alert">
          There is already a deck called “{preview.target.deckName}”: import into it, or choose another name.
        </span>
      )}
    </div>
  );
}
