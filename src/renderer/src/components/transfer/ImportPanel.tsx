import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { InputOf } from '../../../../shared/api';
import { DEFAULT_LEVELS } from '../../../../shared/domain';
import type { DeckSummary } from '../../../../shared/types';
import {
  IMPORT_FORMATS,
  MAX_IMPORT_BYTES,
  type ColumnMapping,
  type DuplicateChoice,
  type ImportAction,
  type ImportFormat,
  type ImportPreview,
  type ImportPreviewQuestion,
  type ImportResult,
  type ImportSource,
} from '../../../../shared/transfer';
import { api, isBrowserMode } from '../../api';
import { href } from '../../hooks/useRoute';
import { plural } from '../../lib/format';
import { LevelBadge } from '../LevelBadge';
import { RadioGroup, type RadioOption } from '../RadioGroup';
import { fileSize, fileToBase64 } from './files';
import { ImportLevels } from './ImportLevels';
import '../../styles/transfer.css';

const DUPLICATE_OPTIONS: Array<RadioOption<DuplicateChoice>> = [
  { value: 'skip', label: 'Skip them', hint: 'Questions the deck already has (same prompt or Id) stay as they are.' },
  { value: 'update', label: 'Update them', hint: 'Questions the deck already has are updated from this import.' },
];

const FORMAT_LABELS: Record<ImportFormat, string> = {
  markdown: 'Prepdeck Markdown',
  json: 'Prepdeck JSON',
  csv: 'CSV',
  tsv: 'TSV (tab-separated)',
  article: 'Article text',
};

const ACTIONS: Record<ImportAction, { label: string; className: string }> = {
  create: { label: 'New', className: 'status-new' },
  update: { label: 'Updates the deck’s copy', className: 'status-update' },
  'skip-duplicate': { label: 'Already in the deck: skipped', className: 'status-skip' },
  'skip-repeated': { label: 'Repeated in the file: skipped', className: 'status-skip' },
};

const ROLES: Array<{ key: keyof ColumnMapping; label: string; required: boolean }> = [
  { key: 'prompt', label: 'Question', required: true },
  { key: 'answer', label: 'Answer', required: true },
  { key: 'level', label: 'Level', required: false },
  { key: 'keywords', label: 'Keywords', required: false },
  { key: 'tags', label: 'Tags', required: false },
];

const SHOWN_AT_FIRST = 50;

interface Chosen {
  source: ImportSource;
  /** What the person recognises: the file name, or "Pasted text". */
  label: string;
  size: number;
}

type Target = { kind: 'auto' } | { kind: 'existing'; deckId: number } | { kind: 'new'; name: string };

interface Options {
  format: ImportFormat | null;
  mapping: ColumnMapping | null;
  target: Target;
  /** '' keeps each question's own level. */
  levelOverride: string;
  levelMap: Record<string, string>;
  duplicates: DuplicateChoice;
}

const INITIAL: Options = {
  format: null,
  mapping: null,
  target: { kind: 'auto' },
  levelOverride: '',
  levelMap: {},
  duplicates: 'skip',
};

type Request = InputOf<'previewImport'>;

function buildRequest(chosen: Chosen, o: Options): Request {
  const request: Request = { source: chosen.source, duplicates: o.duplicates };
  if (o.format) request.format = o.format;
  if (o.mapping) request.mapping = o.mapping;
  if (o.target.kind === 'existing') request.target = { deckId: o.target.deckId };
  if (o.target.kind === 'new' && o.target.name.trim()) request.target = { newDeckName: o.target.name.trim() };
  if (o.levelOverride) request.levelOverride = o.levelOverride;
  else if (Object.keys(o.levelMap).length > 0) request.levelMap = o.levelMap;
  return request;
}

/** The last preview that worked, with the request that produced it. */
interface Shown {
  key: string;
  request: Request;
  preview: ImportPreview;
}

/** The last preview request failed: the request, and main's message. */
interface Failure {
  key: string;
  request: Request;
  message: string;
}

const unique = (list: readonly string[]): string[] => [...new Set(list)];

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What the person can change after a failed preview, judged by what changed since the last one that worked. */
function whatToChange(request: Request, shown: Shown | null, detected: ImportFormat | null): string {
  const sameReading = shown !== null && (request.format ?? detected) === shown.preview.format;
  const table = sameReading ? shown.preview.table : null;
  const mapping = table ? (request.mapping ?? table.mapping) : null;
  if (mapping && mapping.prompt === mapping.answer) {
    return 'Choose another column for the Question or for the Answer above.';
  }
  if (!shown) {
    return 'If the file is in another format, choose it under “Read as” above; or start over with another file.';
  }
  const was = shown.request;
  if (!sameValue(request.format, was.format)) {
    return `Choose another format under “Read as” above: as ${FORMAT_LABELS[shown.preview.format]}, it read ${plural(shown.preview.questionCount, 'question')}.`;
  }
  if (!sameValue(request.mapping, was.mapping)) return 'Choose other columns above.';
  if (!sameValue(request.target, was.target)) return 'Choose another deck under “Into deck” above.';
  if (!sameValue(request.levelOverride, was.levelOverride) || !sameValue(request.levelMap, was.levelMap)) {
    return 'Choose other levels above.';
  }
  return 'Change the choices above, or start over with another file.';
}

/** Choose a file or paste text; see what would be created; adjust; import in one transaction. */
export function ImportPanel({ decks, onImported }: { decks: DeckSummary[]; onImported: () => void }) {
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [options, setOptions] = useState<Options>(INITIAL);
  const [shown, setShown] = useState<Shown | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  /** The format Prepdeck detected for the chosen source; null until a preview without a format override worked. */
  const [detected, setDetected] = useState<ImportFormat | null>(null);
  /** A file that cannot be chosen (too big, or the dialog failed): shown above the source picker. */
  const [sourceError, setSourceError] = useState<string | null>(null);
  const [commitError, setCommitError] = useState<string | null>(null);
  const [committing, setCommitting] = useState(false);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [pasted, setPasted] = useState('');
  const sequence = useRef(0);

  const set = (patch: Partial<Options>) => {
    setCommitError(null);
    setOptions((o) => ({ ...o, ...patch }));
  };
  const request = chosen ? buildRequest(chosen, options) : null;
  const requestKey = request ? JSON.stringify(request) : '';
  // The preview (or error) on screen answers these choices; until it does, the import waits.
  const settledKey = failure?.key ?? shown?.key ?? null;
  const pending = chosen !== null && settledKey !== requestKey;

  useEffect(() => {
    if (!chosen) return;
    const mine = ++sequence.current;
    // Typing a deck name should not send a request per key.
    const timer = setTimeout(() => {
      const sent = JSON.parse(requestKey) as Request;
      api.previewImport(sent).then(
        (result) => {
          if (mine !== sequence.current) return;
          setShown({ key: requestKey, request: sent, preview: result });
          setFailure(null);
          if (!sent.format) setDetected(result.format);
          setOptions((o) =>
            o.target.kind === 'auto'
              ? {
                  ...o,
                  target:
                    result.target.deckId !== null
                      ? { kind: 'existing', deckId: result.target.deckId }
                      : { kind: 'new', name: result.target.deckName },
                }
              : o,
          );
        },
        (e: unknown) => {
          if (mine !== sequence.current) return;
          // The last preview that worked stays: its controls are how the person gets out of this.
          setFailure({ key: requestKey, request: sent, message: (e as Error).message });
        },
      );
    }, 150);
    return () => clearTimeout(timer);
  }, [chosen, requestKey]);

  const clear = () => {
    sequence.current++;
    setShown(null);
    setFailure(null);
    setDetected(null);
    setSourceError(null);
    setCommitError(null);
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

  const chooseInDesktop = async () => {
    try {
      const file = await api.chooseImportFile();
      if (file) start({ source: { kind: 'picked', id: file.id }, label: file.fileName, size: file.size });
    } catch (e) {
      setSourceError((e as Error).message);
    }
  };

  const chooseInBrowser = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setChosen(null);
      setDone(null);
      setSourceError(
        `“${file.name}” is ${fileSize(file.size)}; Prepdeck imports files up to 20 MB. Split it into smaller files and import them one by one.`,
      );
      return;
    }
    start({
      source: { kind: 'bytes', base64: await fileToBase64(file), fileName: file.name },
      label: file.name,
      size: file.size,
    });
  };

  const commit = async () => {
    // Only the preview on screen is imported: never while it is being refreshed, or after it failed.
    if (!request || !shown || failure || pending) return;
    const { preview } = shown;
    const target =
      options.target.kind === 'existing'
        ? { deckId: options.target.deckId }
        : { newDeckName: options.target.kind === 'new' ? options.target.name.trim() : preview.target.deckName };
    setCommitting(true);
    setCommitError(null);
    try {
      const result = await api.commitImport({ ...request, target });
      setDone(result);
      reset();
      setPasted('');
      onImported();
    } catch (e) {
      setCommitError((e as Error).message);
    } finally {
      setCommitting(false);
    }
  };

  const what = chosen?.label === 'Pasted text' ? 'the pasted text' : `“${chosen?.label ?? ''}”`;
  // The format the request asks for: chosen under "Read as", else the one detected.
  const format = options.format ?? detected;
  // The last preview's columns and levels belong to its reading of the file; another format reads it anew.
  const sameReading = shown !== null && format === shown.preview.format;

  return (
    <section className="card import-card" aria-labelledby="import-title">
      <div className="card-head">
        <div>
          <h2 id="import-title">Import questions</h2>
          <p className="muted small card-sub">
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

      {done && (
        <div className="note note-success" role="status">
          <span>
            Imported {plural(done.created, 'question')} into <strong>{done.deckName}</strong>
            {done.updated > 0 && `, updated ${done.updated}`}
            {done.skipped > 0 && `, skipped ${done.skipped}`}.
          </span>
          <a className="link" href={href('library', { deck: done.deckId })}>
            Open {done.deckName} in the library →
          </a>
        </div>
      )}

      {!chosen || !request ? (
        <>
          {sourceError && (
            <p className="note import-error" role="alert">
              {sourceError}
            </p>
          )}
          <SourcePicker
            pasted={pasted}
            onPaste={setPasted}
            onPreviewPasted={() => {
              const size = new TextEncoder().encode(pasted).length;
              if (size > MAX_IMPORT_BYTES) {
                setSourceError(
                  `The pasted text is ${fileSize(size)}; Prepdeck imports up to 20 MB at a time. Paste less, or save it as a file and split it.`,
                );
                return;
              }
              start({ source: { kind: 'text', text: pasted }, label: 'Pasted text', size: 0 });
            }}
            onChooseDesktop={() => void chooseInDesktop()}
            onChooseBrowser={(f) => void chooseInBrowser(f)}
          />
        </>
      ) : (
        <>
          <div className="import-source">
            <FileIcon />
            <strong>{chosen.label}</strong>
            {chosen.size > 0 && <span className="muted">{fileSize(chosen.size)}</span>}
            {shown && !failure && <span className="pill">{FORMAT_LABELS[shown.preview.format]}</span>}
            {pending && <span className="spinner" aria-label="Reading" />}
          </div>
          {(shown || failure) && (
            <PreviewView
              preview={shown?.preview ?? null}
              sameReading={sameReading}
              failure={
                failure && (
                  <ImportFailure
                    title={shown ? `Cannot import ${what} this way.` : `Cannot import ${what}.`}
                    message={failure.message}
                    fix={whatToChange(failure.request, shown, detected)}
                  />
                )
              }
              commitError={commitError}
              detected={detected}
              decks={decks}
              options={options}
              set={set}
              pending={pending}
              committing={committing}
              onCommit={() => void commit()}
            />
          )}
        </>
      )}
    </section>
  );
}

/** Where the preview was: what went wrong, and what to change to get the preview back. */
function ImportFailure({ title, message, fix }: { title: string; message: string; fix: string }) {
  return (
    <div className="note import-error" role="alert">
      <strong>{title}</strong> {message}
      <span className="import-fix">{fix}</span>
    </div>
  );
}

function FileIcon() {
  return (
    <span className="import-file-icon" aria-hidden="true">
      <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round">
        <path d="M14 3H6.5A1.5 1.5 0 0 0 5 4.5v15A1.5 1.5 0 0 0 6.5 21h11a1.5 1.5 0 0 0 1.5-1.5V8z" />
        <path d="M14 3v5h5M8.5 13h7M8.5 16.5h5" strokeLinecap="round" />
      </svg>
    </span>
  );
}

function SourcePicker({
  pasted,
  onPaste,
  onPreviewPasted,
  onChooseDesktop,
  onChooseBrowser,
}: {
  pasted: string;
  onPaste: (text: string) => void;
  onPreviewPasted: () => void;
  onChooseDesktop: () => void;
  onChooseBrowser: (file: File | undefined) => void;
}) {
  return (
    <div className="import-sources">
      <div className="import-drop">
        <p className="import-drop-title">From a file</p>
        <p className="muted small">.md, .txt, .json, .csv, .tsv · up to 20 MB</p>
        {isBrowserMode ? (
          <label className="button button-primary file-button">
            Choose a file…
            <input
              type="file"
              className="visually-hidden"
              accept=".md,.markdown,.txt,.json,.csv,.tsv,.tab,text/*,application/json"
              onChange={(e) => {
                onChooseBrowser(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          </label>
        ) : (
          <button type="button" className="button button-primary" onClick={onChooseDesktop}>
            Choose a file…
          </button>
        )}
      </div>
      <div className="import-paste">
        <label className="field">
          <span className="field-label">Or paste text</span>
          <textarea
            className="input import-textarea"
            value={pasted}
            onChange={(e) => onPaste(e.target.value)}
            placeholder={
              '1. What is a race condition?\nTwo threads touch shared state without a lock…\nKeywords: mutex, atomicity'
            }
            rows={5}
          />
        </label>
        <div>
          <button type="button" className="button" disabled={!pasted.trim()} onClick={onPreviewPasted}>
            Preview pasted text
          </button>
        </div>
      </div>
    </div>
  );
}

function PreviewView({
  preview,
  sameReading,
  failure,
  commitError,
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
  detected: ImportFormat | null;
  decks: DeckSummary[];
  options: Options;
  set: (patch: Partial<Options>) => void;
  /** The choices changed and the preview is being refreshed. */
  pending: boolean;
  committing: boolean;
  onCommit: () => void;
}) {
  const [showAll, setShowAll] = useState(false);
  const readAs = (
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

  // The first preview of this source failed: choosing how to read it is the way on.
  if (!preview) {
    return (
      <div className="import-preview">
        <div className="import-settings">{readAs}</div>
        {failure}
      </div>
    );
  }

  const levelChoices = unique([...preview.target.levels, ...DEFAULT_LEVELS]);
  const { counts } = preview;
  const writes = counts.create + counts.update;
  const duplicates = preview.duplicateCount;
  const newName = options.target.kind === 'new' ? options.target.name : '';
  const nameMissing = options.target.kind === 'new' && !newName.trim();
  const blocked = nameMissing || preview.target.nameTaken;
  const shown = showAll ? preview.questions : preview.questions.slice(0, SHOWN_AT_FIRST);

  return (
    <div className="import-preview" data-testid="import-preview" aria-busy={pending}>
      <div className="import-settings">
        {readAs}
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
          {!failure && preview.target.nameTaken && !nameMissing && (
            <span className="error-text small" role="alert">
              There is already a deck called “{preview.target.deckName}”: import into it, or choose another name.
            </span>
          )}
        </div>
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
            onChange={(duplicates) => set({ duplicates })}
          />
          {!failure && (
            <span className="muted small">
              {duplicates === 0 ? 'None so far.' : `${plural(duplicates, 'question')} of this import already there.`}
            </span>
          )}
        </div>
      </div>

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

      {failure || (
        <>
          {preview.warnings.length > 0 && (
            <div className="import-warnings" aria-label="Warnings">
              <p className="section-label">
                {plural(preview.warnings.length, 'warning')} · the import can go ahead; check these lines
              </p>
              <ul>
                {preview.warnings.map((w, i) => (
                  <li key={i}>
                    <span className="line-ref">{w.line > 0 ? `Line ${w.line}` : 'File'}</span>
                    <span>{w.message}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}

          <div className="import-table-wrap">
            <table className="table import-table" aria-label="Questions to import">
              <thead>
                <tr>
                  <th className="num">Line</th>
                  <th>Question</th>
                  <th>Level</th>
                  <th>Keywords</th>
                  <th>Import</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((q, i) => (
                  <QuestionRow key={i} q={q} sourceNamedLevel={!preview.noLevelHints} />
                ))}
              </tbody>
            </table>
          </div>
          {preview.questions.length > shown.length && (
            <button type="button" className="button button-small show-all" onClick={() => setShowAll(true)}>
              Show {preview.questionCount > preview.questions.length ? 'the first' : 'all'}{' '}
              {preview.questions.length.toLocaleString('en-US')} questions
            </button>
          )}
          {showAll && preview.questionCount > preview.questions.length && (
            <p className="muted small">
              The first {preview.questions.length.toLocaleString('en-US')} of{' '}
              {preview.questionCount.toLocaleString('en-US')} questions are listed; all of them are imported.
            </p>
          )}
        </>
      )}

      {commitError && (
        <p className="note import-error" role="alert">
          {commitError}
        </p>
      )}

      <div className="import-footer">
        <p className="import-summary" data-testid="import-summary">
          {failure
            ? 'Nothing can be imported until the problem above is solved.'
            : writes === 0
              ? 'Nothing new to import: every question is already in the deck.'
              : summaryText(counts, preview.target.deckId === null, preview.target.deckName)}
        </p>
        <button
          type="button"
          className="button button-primary button-large"
          disabled={Boolean(failure) || pending || writes === 0 || blocked || committing}
          onClick={onCommit}
        >
          {committing ? 'Importing…' : failure ? 'Import' : `Import ${plural(writes, 'question')}`}
        </button>
      </div>
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

/** `sourceNamedLevel`: false for an article without level headings, whose default level it never named. */
function QuestionRow({ q, sourceNamedLevel }: { q: ImportPreviewQuestion; sourceNamedLevel: boolean }) {
  const action = ACTIONS[q.action];
  const skipped = q.action === 'skip-duplicate' || q.action === 'skip-repeated';
  return (
    <tr className={skipped ? 'row-skipped' : undefined}>
      <td className="num muted">{q.line || '—'}</td>
      <td>
        <div className="import-question">
          <span className="import-prompt">{q.prompt}</span>
          {q.answerExcerpt && <span className="import-excerpt">{q.answerExcerpt}</span>}
        </div>
      </td>
      <td>
        <LevelBadge level={q.level} />
        {sourceNamedLevel && q.level !== q.sourceLevel && (
          <span className="muted small level-was">was {q.sourceLevel}</span>
        )}
      </td>
      <td>
        {q.keywords.length === 0 ? (
          <span className="warn-text small">No keywords: add some after the import</span>
        ) : (
          <div className="import-keywords">
            {q.keywordsSuggested && (
              <span className="suggested-label" title="The source names no keywords: these come from the answer">
                Suggested
              </span>
            )}
            {q.keywords.map((k) => (
              <span
                key={k.label}
                className={`chip ${q.keywordsSuggested ? 'chip-suggested' : ''}`}
                title={k.aliases.length ? `Also: ${k.aliases.join(', ')}` : undefined}
              >
                {k.label}
                {k.aliases.length > 0 && <span className="muted"> +{k.aliases.length}</span>}
                {k.weight > 1 && <span className="muted"> ×{k.weight}</span>}
              </span>
            ))}
          </div>
        )}
      </td>
      <td>
        <span className={`import-status ${action.className}`}>{action.label}</span>
      </td>
    </tr>
  );
}

function ColumnMappingView({
  table,
  options,
  set,
}: {
  table: NonNullable<ImportPreview['table']>;
  options: Options;
  set: (patch: Partial<Options>) => void;
}) {
  const mapping = options.mapping ?? table.mapping;
  const columns = Array.from({ length: table.columnCount }, (_, i) => i);
  const columnName = (i: number) => table.header?.[i] || `Column ${i + 1}`;
  const rolesOf = (i: number) => ROLES.filter((r) => mapping[r.key] === i);
  // The question and the answer in one column cannot be imported: both their tags say so.
  const clash = (key: keyof ColumnMapping) =>
    mapping.prompt === mapping.answer && (key === 'prompt' || key === 'answer');
  return (
    <div className="import-columns" role="group" aria-label="Columns">
      {!table.obvious && (
        <p className="note note-warn">
          This table has no header row naming its columns: check which column holds what.
        </p>
      )}
      <div className="column-selects">
        {ROLES.map((role) => (
          <label key={role.key} className="field">
            <span className="field-label">{role.label}</span>
            <select
              className="input input-compact"
              value={mapping[role.key] ?? ''}
              onChange={(e) =>
                set({ mapping: { ...mapping, [role.key]: e.target.value === '' ? null : Number(e.target.value) } })
              }
            >
              {!role.required && <option value="">None</option>}
              {columns.map((i) => (
                <option key={i} value={i}>
                  {columnName(i)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <div className="import-table-wrap">
        <table className="table table-raw" aria-label="First rows of the file">
          <thead>
            <tr>
              {columns.map((i) => (
                <th key={i}>
                  {columnName(i)}
                  {rolesOf(i).length > 0 ? (
                    rolesOf(i).map((r) => (
                      <span key={r.key} className={`pill pill-role ${clash(r.key) ? 'pill-clash' : ''}`}>
                        {r.label}
                      </span>
                    ))
                  ) : (
                    <span className="muted"> · unused</span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.slice(0, 5).map((row, r) => (
              <tr key={r}>
                {columns.map((i) => (
                  <td key={i}>{row[i] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
