import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { DeletedQuestion, QuestionDetail, SearchMatch } from '../../../shared/types';
import { QuestionEditor } from '../components/QuestionEditor';
import { api } from '../api';
import { KeywordPicker } from '../components/KeywordPicker';
import { LevelBadge } from '../components/LevelBadge';
import { LevelToggles } from '../components/LevelToggles';
import { Markdown } from '../components/Markdown';
import { EmptyState, ErrorNote, Loading } from '../components/States';
import { useQuery } from '../hooks/useQuery';
import { useModalDialog } from '../hooks/useModalDialog';
import { replaceRoute, type RouteParams } from '../hooks/useRoute';

interface Filters {
  deck: number | undefined;
  levels: string[];
  keywordIds: number[];
  search: string;
  open: number | undefined;
}

function readFilters(params: RouteParams<'library'>): Filters {
  return { deck: params.deck, levels: params.level, keywordIds: params.kw, search: params.q ?? '', open: params.id };
}

function writeFilters(f: Filters): void {
  replaceRoute('library', { deck: f.deck, level: f.levels, kw: f.keywordIds, q: f.search, id: f.open });
}

function QuestionDetailPanel({
  id,
  version,
  onClose,
  onEdit,
  onDelete,
}: {
  id: number;
  version: number;
  onClose: () => void;
  onEdit: (q: QuestionDetail) => void;
  onDelete: (q: QuestionDetail) => void;
}) {
  const detail = useQuery(() => api.getQuestion({ id }), `q${id}-${version}`);
  return (
    <aside className="detail" aria-label="Question">
      <div className="detail-tools">
        {detail.data && (
          <>
            <button type="button" className="button button-small" onClick={() => onEdit(detail.data!)}>
              Edit
            </button>
            <button type="button" className="button button-small button-danger" onClick={() => onDelete(detail.data!)}>
              Delete
            </button>
          </>
        )}
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close question">
          ×
        </button>
      </div>
      {detail.error && <ErrorNote error={detail.error} />}
      {!detail.data && !detail.error && <Loading />}
      {detail.data && (
        <article>
          <div className="detail-meta">
            <LevelBadge level={detail.data.level} />
            <span className="muted">{detail.data.deckName}</span>
            {detail.data.edited && <span className="pill">Edited</span>}
          </div>
          <h2 className="detail-prompt">{detail.data.prompt}</h2>
          <h3 className="section-label">Keywords a strong answer names</h3>
          <ul className="chip-row" aria-label="Keywords of this question">
            {detail.data.keywords.map((k) => (
              <li key={k.id} className="chip" title={k.aliases.length ? `Also: ${k.aliases.join(', ')}` : undefined}>
                {k.label}
                {k.weight > 1 && <span className="muted"> ×{k.weight}</span>}
              </li>
            ))}
          </ul>
          <h3 className="section-label">Model answer</h3>
          <Markdown>{detail.data.answer}</Markdown>
        </article>
      )}
    </aside>
  );
}

/** Where a search found a question, in words, with the matching words of the answer marked. */
function MatchNote({ match, search }: { match: SearchMatch; search: string }) {
  const where = [
    match.fields.includes('prompt') && 'the question',
    match.fields.includes('answer') && 'the model answer',
    match.keywords?.length &&
      `${match.keywords.length === 1 ? 'keyword' : 'keywords'} ${match.keywords.map((k) => `“${k}”`).join(', ')}`,
  ].filter(Boolean);
  const snippet = match.answerSnippet ?? '';
  const at = snippet.toLowerCase().indexOf(search.toLowerCase());
  return (
    <span className="match-note" data-testid="match-note">
      <span className="match-where">Found in {where.join(', ').replace(/, ([^,]*)$/, ' and $1')}</span>
      {snippet && (
        <span className="match-snippet">
          {at < 0 ? (
            snippet
          ) : (
            <>
              {snippet.slice(0, at)}
              <mark>{snippet.slice(at, at + search.length)}</mark>
              {snippet.slice(at + search.length)}
            </>
          )}
        </span>
      )}
    </span>
  );
}

const deletedOn = (at: number): string =>
  new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const answersKept = (n: number): string =>
  n === 0 ? 'No answers in its history' : `${n} ${n === 1 ? 'answer' : 'answers'} kept in its history`;

/** "Recently deleted": soft-deleted questions, each with a Restore; an error shows on its own row. */
function RecentlyDeletedDialog({
  items,
  error,
  onRestore,
  onClose,
}: {
  items: DeletedQuestion[] | undefined;
  error: Error | null;
  onRestore: (id: number) => Promise<void>;
  onClose: () => void;
}) {
  const ref = useModalDialog();
  const [busy, setBusy] = useState<number | null>(null);
  const [failed, setFailed] = useState<{ id: number; message: string } | null>(null);
  const restore = async (id: number) => {
    setBusy(id);
    setFailed(null);
    try {
      await onRestore(id);
    } catch (e) {
      setFailed({ id, message: (e as Error).message });
    } finally {
      setBusy(null);
    }
  };
  return (
    <dialog
      ref={ref}
      className="dialog dialog-wide"
      aria-labelledby="deleted-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="deleted-title">Recently deleted</h2>
      <div className="dialog-body">
        {error && <ErrorNote error={error} />}
        {!items && !error && <Loading />}
        {items && items.length === 0 && (
          <p className="deleted-empty">
            Nothing deleted. Deleted questions wait here, with their answer history, until you restore them.
          </p>
        )}
        {items && items.length > 0 && (
          <ul className="deleted-list" aria-label="Deleted questions">
            {items.map((q) => (
              <li key={q.id} className="deleted-item">
                <div className="deleted-text">
                  <span className="deleted-meta">
                    <LevelBadge level={q.level} />
                    <span className="muted small">{q.deckName}</span>
                  </span>
                  <span className="deleted-prompt">{q.prompt}</span>
                  <span className="muted small">
                    Deleted {deletedOn(q.deletedAt)} · {answersKept(q.attempts)}
                  </span>
                  {failed?.id === q.id && (
                    <span className="error-text small" role="alert">
                      {failed.message}
                    </span>
                  )}
                </div>
                <button
                  type="button"
                  className="button button-small"
                  disabled={busy !== null}
                  aria-label={`Restore “${q.prompt}”`}
                  onClick={() => void restore(q.id)}
                >
                  Restore
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          Close <kbd>Esc</kbd>
        </button>
      </div>
    </dialog>
  );
}

export function LibraryPage({ params }: { params: RouteParams<'library'> }) {
  const filters = readFilters(params);
  const [searchText, setSearchText] = useState(filters.search);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<QuestionDetail | 'new' | null>(null);
  /** The toast after a delete: Undo while it shows; `error` when the delete or the undo failed. */
  const [toast, setToast] = useState<{ id: number; prompt: string; deleted: boolean; error?: string } | null>(null);
  const [showDeleted, setShowDeleted] = useState(false);
  const overview = useQuery(() => api.libraryOverview(), `overview-${version}`);
  // The level and keyword filters offer what the chosen deck holds, with its counts.
  const facets = useQuery(
    () => api.getLibraryFacets(filters.deck ? { deckId: filters.deck } : {}),
    `facets-${filters.deck ?? 'all'}-${version}`,
  );
  const deleted = useQuery(() => api.listDeletedQuestions({}), `deleted-${version}`);

  // Typing is debounced so the list follows the words, not each key.
  useEffect(() => {
    if (searchText === filters.search) return;
    const timer = setTimeout(() => writeFilters({ ...filters, search: searchText.trim() }), 200);
    return () => clearTimeout(timer);
  });

  const queryKey = JSON.stringify([filters.deck, filters.levels, filters.keywordIds, filters.search, version]);
  const list = useQuery(
    () =>
      api.listQuestions({
        deckIds: filters.deck ? [filters.deck] : undefined,
        levels: filters.levels.length ? filters.levels : undefined,
        keywordIds: filters.keywordIds.length ? filters.keywordIds : undefined,
        search: filters.search || undefined,
        limit: 500,
      }),
    queryKey,
  );

  const update = (patch: Partial<Filters>) => writeFilters({ ...filters, ...patch });
  const changed = () => setVersion((v) => v + 1);
  const remove = async (q: QuestionDetail) => {
    try {
      await api.deleteQuestion({ id: q.id });
    } catch (e) {
      setToast({ id: q.id, prompt: q.prompt, deleted: false, error: (e as Error).message });
      return;
    }
    setToast({ id: q.id, prompt: q.prompt, deleted: true });
    update({ open: undefined });
    changed();
  };
  const restore = async () => {
    if (!toast?.deleted) return;
    try {
      const restored = await api.restoreQuestion({ id: toast.id });
      setToast(null);
      update({ open: restored.id });
      changed();
    } catch (e) {
      setToast({ ...toast, error: (e as Error).message });
    }
  };
  /** A restore from "Recently deleted": the list and the library refresh; a failure is the dialog's to show. */
  const restoreDeleted = async (id: number) => {
    await api.restoreQuestion({ id });
    if (toast?.id === id) setToast(null);
    changed();
  };
  const filtered =
    filters.deck !== undefined || filters.levels.length > 0 || filters.keywordIds.length > 0 || !!filters.search;

  if (overview.error) return <ErrorNote error={overview.error} onRetry={overview.reload} />;
  if (!overview.data) return <Loading />;
  const { decks, keywords } = overview.data;
  const shown = facets.data ?? overview.data;
  // A level or keyword chosen before the deck changed stays visible (at 0), so it can be cleared.
  const levelFacets = [
    ...shown.levels,
    ...filters.levels.filter((l) => !shown.levels.some((x) => x.level === l)).map((level) => ({ level, count: 0 })),
  ];
  const keywordFacets = [
    ...shown.keywords,
    ...keywords.filter((k) => filters.keywordIds.includes(k.id) && !shown.keywords.some((x) => x.id === k.id)),
  ];

  return (
    <div className={`library ${filters.open || editing ? 'library-with-detail' : ''}`}>
      <aside className="filters" aria-label="Filters">
        <h1 className="filters-title">Library</h1>
        <label className="field">
          <span className="field-label">Deck</span>
          <select
            className="input"
            value={filters.deck ?? ''}
            onChange={(e) => update({ deck: e.target.value ? Number(e.target.value) : undefined })}
          >
            <option value="">All decks</option>
            {decks.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.questionCount})
              </option>
            ))}
          </select>
        </label>
        <fieldset className="field">
          <legend className="field-label">Level</legend>
          <LevelToggles levels={levelFacets} selected={filters.levels} onChange={(l) => update({ levels: l })} />
        </fieldset>
        <div className="field">
          <span className="field-label">Keywords</span>
          <KeywordPicker
            keywords={keywordFacets}
            selected={filters.keywordIds}
            onChange={(ids) => update({ keywordIds: ids })}
          />
        </div>
        {filtered && (
          <button
            type="button"
            className="button button-ghost"
            onClick={() => {
              setSearchText('');
              writeFilters({ deck: undefined, levels: [], keywordIds: [], search: '', open: filters.open });
            }}
          >
            Clear filters
          </button>
        )}
        <button
          type="button"
          className="button button-ghost button-small deleted-link"
          onClick={() => setShowDeleted(true)}
        >
          Recently deleted{deleted.data ? ` (${deleted.data.length})` : ''}
        </button>
      </aside>

      <section className="question-list" aria-label="Questions">
        <div className="list-head">
          <input
            type="search"
            className="input input-search"
            placeholder="Search prompts, answers and keywords…"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            aria-label="Search questions"
          />
          <div className="list-meta">
            <p className="muted small" data-testid="result-count" aria-live="polite">
              {list.data ? `${list.data.total} ${list.data.total === 1 ? 'question' : 'questions'}` : ' '}
            </p>
            <button type="button" className="button button-small" onClick={() => setEditing('new')}>
              New question
            </button>
          </div>
        </div>
        {list.error && <ErrorNote error={list.error} onRetry={list.reload} />}
        {!list.data && !list.error && <Loading />}
        {list.data && list.data.total === 0 && (
          <EmptyState title="No question matches">
            <p>Try fewer filters, or a shorter search.</p>
          </EmptyState>
        )}
        {list.data && list.data.total > 0 && (
          <ol className="questions">
            {list.data.items.map((q) => (
              <li key={q.id}>
                <button
                  type="button"
                  className={`question-row ${filters.open === q.id ? 'question-row-open' : ''}`}
                  aria-current={filters.open === q.id ? 'true' : undefined}
                  data-question-id={q.id}
                  onClick={() => update({ open: q.id })}
                >
                  <span className="question-row-top">
                    <LevelBadge level={q.level} />
                    {decks.length > 1 && <span className="muted small">{q.deckName}</span>}
                  </span>
                  <span className="question-prompt">{q.prompt}</span>
                  {q.match && <MatchNote match={q.match} search={filters.search} />}
                  <span className="question-keywords">
                    {q.keywords.slice(0, 5).map((k) => (
                      <span key={k.id} className="chip chip-quiet">
                        {k.label}
                      </span>
                    ))}
                    {q.keywords.length > 5 && <span className="muted small">+{q.keywords.length - 5}</span>}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        )}
      </section>

      {filters.open && !editing && (
        <QuestionDetailPanel
          id={filters.open}
          version={version}
          onClose={() => {
            const id = filters.open;
            // Rendered at once: in a narrow window the list comes back only as the question goes.
            flushSync(() => update({ open: undefined }));
            // Back to the row that opened it, not to <body>.
            document.querySelector<HTMLElement>(`[data-question-id="${id}"]`)?.focus();
          }}
          onEdit={setEditing}
          onDelete={(q) => void remove(q)}
        />
      )}
      {editing && (
        <aside className="detail" aria-label="Editor">
          <QuestionEditor
            question={editing === 'new' ? null : editing}
            decks={decks}
            keywords={keywords}
            defaultDeckId={filters.deck}
            onSaved={(saved) => {
              setEditing(null);
              update({ open: saved.id });
              changed();
            }}
            onCancel={() => setEditing(null)}
          />
        </aside>
      )}
      {showDeleted && (
        <RecentlyDeletedDialog
          items={deleted.data}
          error={deleted.error}
          onRestore={restoreDeleted}
          onClose={() => setShowDeleted(false)}
        />
      )}
      {toast && (
        <div className="toast" role="status">
          {toast.error ? (
            <span role="alert">
              <strong>
                {toast.deleted ? `Could not restore “${toast.prompt}”.` : `Could not delete “${toast.prompt}”.`}
              </strong>{' '}
              {toast.error}
            </span>
          ) : (
            <span>Deleted “{toast.prompt}”. Its answers stay in your history.</span>
          )}
          {toast.deleted && (
            // The Delete button went with the question: focus lands on the way back, not on <body>.
            <button type="button" className="button button-small" onClick={() => void restore()} autoFocus>
              {toast.error ? 'Try again' : 'Undo'}
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setToast(null)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
