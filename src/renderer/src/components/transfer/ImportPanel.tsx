import { useState } from 'react';
import type { DeckSummary } from '../../../../shared/types';
import type { ImportResult } from '../../../../shared/transfer';
import { href } from '../../hooks/useRoute';
import { plural } from '../../lib/format';
import { fileSize } from './files';
import {
  buildRequest,
  commitTarget,
  FORMAT_LABELS,
  INITIAL,
  whatToChange,
  type Chosen,
  type Options,
} from './import-request';
import { JobProgress } from '../Progress';
import { PreviewView } from './ImportPreview';
import { SourcePicker } from './SourcePicker';
import { useImportCommit } from './useImportCommit';
import { useImportPreview } from './useImportPreview';
import shared from './Transfer.module.css';
import styles from './Import.module.css';

/** Choose a file or paste text; see what would be created; adjust; import in one transaction. */
export function ImportPanel({ decks }: { decks: DeckSummary[] }) {
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [options, setOptions] = useState<Options>(INITIAL);
  /** A file that cannot be chosen (too big, or the dialog failed): shown above the source picker. */
  const [sourceError, setSourceError] = useState<string | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [pasted, setPasted] = useState('');
  const request = chosen ? buildRequest(chosen, options) : null;
  const { shown, failure, detected, pending, clear: clearPreview } = useImportPreview(request, setOptions);
  const importing = useImportCommit();

  const set = (patch: Partial<Options>) => {
    importing.reset();
    setOptions((o) => ({ ...o, ...patch }));
  };
  const clear = () => {
    clearPreview();
    setSourceError(null);
    importing.reset();
    setOptions(INITIAL);
  };
  const start = (next: Chosen) => {
    clear();
    setDone(null);
    setChosen(next);
  };
  const reset = () => {
    clear();
    setChosen(null);
  };

  const commit = () => {
    // Only the preview on screen is imported: never while it is being refreshed, or after it failed.
    if (!request || !shown || failure || pending) return;
    void importing.commit({ ...request, target: commitTarget(options.target, shown.preview) }).then((result) => {
      if (!result) return;
      setDone(result);
      reset();
      setPasted('');
    });
  };

  const what = chosen?.label === 'Pasted text' ? 'the pasted text' : `“${chosen?.label ?? ''}”`;
  // The format the request asks for: chosen under "Read as", else the one detected.
  const format = options.format ?? detected;

  return (
    <section className={`card ${styles.importCard}`} aria-labelledby="import-title">
      <div className="card-head">
        <div>
          <h2 id="import-title" className={shared.cardTitle}>
            Import questions
          </h2>
          <p className={`muted small ${shared.cardSub}`}>
            Prepdeck Markdown or JSON, CSV or TSV (Anki’s text export too), or the text of an interview-questions
            article. Nothing is written until you press Import.
          </p>
        </div>
        {chosen && (
          <button type="button" className="button button-small" onClick={reset}>
            Start over
          </button>
        )}
      </div>
      {done && <ImportDone done={done} />}
      {!chosen || !request ? (
        <>
          {sourceError && (
            <p className={`note ${shared.importError}`} role="alert">
              {sourceError}
            </p>
          )}
          <SourcePicker
            pasted={pasted}
            onPaste={setPasted}
            onChosen={start}
            onError={(message) => {
              setDone(null);
              setSourceError(message);
            }}
          />
        </>
      ) : (
        <>
          <ImportSource
            chosen={chosen}
            formatLabel={shown && !failure ? FORMAT_LABELS[shown.preview.format] : null}
            pending={pending}
          />
          {(shown || failure) && (
            <PreviewView
              preview={shown?.preview ?? null}
              // The last preview's columns and levels belong to its reading of the file; another format reads it anew.
              sameReading={shown !== null && format === shown.preview.format}
              failure={
                failure && (
                  <ImportFailure
                    title={shown ? `Cannot import ${what} this way.` : `Cannot import ${what}.`}
                    message={failure.message}
                    fix={whatToChange(failure.request, shown, detected)}
                  />
                )
              }
              commitError={importing.error}
              progress={<ImportProgress importing={importing} />}
              detected={detected}
              decks={decks}
              options={options}
              set={set}
              pending={pending}
              committing={importing.running}
              onCommit={commit}
            />
          )}
        </>
      )}
    </section>
  );
}

/** The import being written, with its Cancel; or, once cancelled, that nothing was imported. */
function ImportProgress({ importing }: { importing: ReturnType<typeof useImportCommit> }) {
  if (importing.cancelled) {
    return (
      <p className="muted small" role="status">
        Import cancelled: nothing was imported.
      </p>
    );
  }
  return <JobProgress job={importing.job} label="Importing questions" unit="questions" />;
}

/** What is being imported: its name and size, the format the preview read it as, and whether it is being read. */
function ImportSource({
  chosen,
  formatLabel,
  pending,
}: {
  chosen: Chosen;
  formatLabel: string | null;
  pending: boolean;
}) {
  return (
    <div className={styles.importSource}>
      <FileIcon />
      <strong>{chosen.label}</strong>
      {chosen.size > 0 && <span className="muted">{fileSize(chosen.size)}</span>}
      {formatLabel !== null && <span className="pill">{formatLabel}</span>}
      {pending && <span className="spinner" aria-label="Reading" />}
    </div>
  );
}

function ImportDone({ done }: { done: ImportResult }) {
  return (
    <div className={`note ${shared.noteSuccess}`} role="status">
      <span>
        Imported {plural(done.created, 'question')} into <strong>{done.deckName}</strong>
        {done.updated > 0 && `, updated ${done.updated}`}
        {done.skipped > 0 && `, skipped ${done.skipped}`}.
      </span>
      <a className="link" href={href('library', { deck: done.deckId })}>
        Open {done.deckName} in the library →
      </a>
    </div>
  );
}

/** Where the preview was: what went wrong, and what to change to get the preview back. */
function ImportFailure({ title, message, fix }: { title: string; message: string; fix: string }) {
  return (
    <div className={`note ${shared.importError} ${styles.previewError}`} role="alert">
      <strong>{title}</strong> {message}
      <span className={styles.importFix}>{fix}</span>
    </div>
  );
}

function FileIcon() {
  return (
    <span className={styles.importFileIcon} aria-hidden="true">
      <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round">
        <path d="M14 3H6.5A1.5 1.5 0 0 0 5 4.5v15A1.5 1.5 0 0 0 6.5 21h11a1.5 1.5 0 0 0 1.5-1.5V8z" />
        <path d="M14 3v5h5M8.5 13h7M8.5 16.5h5" strokeLinecap="round" />
      </svg>
    </span>
  );
}
