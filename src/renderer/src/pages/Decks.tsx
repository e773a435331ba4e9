import { useEffect, useId, useState } from 'react';
import type { DeckSummary } from '../../../shared/types';
import { api } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { EmptyState, ErrorNote, Loading } from '../components/States';
import { BackupPanel } from '../components/transfer/BackupPanel';
import { ExportPanel } from '../components/transfer/ExportPanel';
import { ImportPanel } from '../components/transfer/ImportPanel';
import { useQuery } from '../hooks/useQuery';
import { href, type RouteParams } from '../hooks/useRoute';
import { plural } from '../lib/format';

function DeckForm({ deck, onDone, onCancel }: { deck: DeckSummary | null; onDone: () => void; onCancel: () => void }) {
  const uid = useId();
  const [name, setName] = useState(deck?.name ?? '');
  const [description, setDescription] = useState(deck?.description ?? '');
  const [levels, setLevels] = useState(
    (deck?.levels ?? ['Beginner', 'Intermediate', 'Advanced', 'Scenario']).join(', '),
  );
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    const fields = {
      name,
      description,
      levels: levels
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean),
    };
    try {
      if (deck) await api.updateDeck({ id: deck.id, ...fields });
      else await api.createDeck(fields);
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form
      className="card deck-form"
      aria-label={deck ? `Edit ${deck.name}` : 'New deck'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="form-cols">
        <label className="field">
          <span className="field-label">Name</span>
          <input className="input" value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
        </label>
        <div className="field">
          <label className="field-label" htmlFor={`${uid}-levels`}>
            Levels, easiest first
          </label>
          <input
            id={`${uid}-levels`}
            className="input"
            value={levels}
            onChange={(e) => setLevels(e.target.value)}
            aria-describedby={deck ? `${uid}-levels-hint` : undefined}
          />
          {deck && (
            <span className="muted small" id={`${uid}-levels-hint`}>
              Change a name in place to rename that level on its questions.
            </span>
          )}
        </div>
      </div>
      <label className="field">
        <span className="field-label">Description</span>
        <input className="input" value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary">
          {deck ? 'Save' : 'Create deck'}
        </button>
      </div>
    </form>
  );
}

function DeleteDeck({ deck, onDone, onCancel }: { deck: DeckSummary; onDone: () => void; onCancel: () => void }) {
  const impact = useQuery(() => api.getDeckImpact({ id: deck.id }), `impact-${deck.id}`);
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  if (impact.error) return <ErrorNote error={impact.error} onRetry={impact.reload} />;
  if (!impact.data) return null;
  const confirm = async () => {
    if (deleting) return;
    setDeleting(true);
    setError(null);
    try {
      await api.deleteDeck({ id: deck.id });
      onDone();
    } catch (e) {
      setError((e as Error).message);
      setDeleting(false);
    }
  };
  return (
    <ConfirmDialog
      title={`Delete “${deck.name}”?`}
      confirmLabel="Delete deck"
      danger
      onCancel={onCancel}
      onConfirm={() => void confirm()}
    >
      <p>
        {plural(impact.data.questions, 'question')} and {plural(impact.data.attempts, 'past answer')} go with it. This
        cannot be undone; export the deck first if you may want it back.
      </p>
      {deck.bundled && (
        <p>
          This deck comes with Prepdeck: it will not come back when the app starts again. You can add it again on this
          page, as it ships, without your answers or edits.
        </p>
      )}
      {impact.data.endsSession && (
        <p>
          <strong>Your unfinished session asks questions of this deck: it will be ended.</strong> The answers it already
          has from other decks are kept.
        </p>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </ConfirmDialog>
  );
}

/** The bundled decks the person deleted, each with a way to change their mind. Nothing shows while there are none. */
function RemovedBundledDecks({ version, onAdded }: { version: number; onAdded: () => void }) {
  const removed = useQuery(() => api.listRemovedBundledDecks(), `removed-bundled-${version}`);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  if (!removed.data || removed.data.length === 0) return null;
  const add = async (slug: string) => {
    if (adding) return;
    setAdding(true);
    setError(null);
    try {
      await api.addBundledDeck({ slug });
      onAdded();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setAdding(false);
    }
  };
  return (
    <div className="removed-bundled">
      {removed.data.map((d) => (
        <p key={d.slug} className="muted">
          You deleted the {d.name} deck that comes with Prepdeck ({plural(d.questionCount, 'question')}).{' '}
          <button type="button" className="button button-small" disabled={adding} onClick={() => void add(d.slug)}>
            Add the {d.name} deck again
          </button>
        </p>
      ))}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The decks, and the tools that bring questions in and take them out (import, export, backup). */
export default function DecksPage({ panel }: { panel?: RouteParams<'decks'>['panel'] }) {
  const [version, setVersion] = useState(0);
  const decks = useQuery(() => api.listDecks(), `decks-${version}`);
  const [editing, setEditing] = useState<DeckSummary | 'new' | null>(null);
  const [deleting, setDeleting] = useState<DeckSummary | null>(null);
  // The desktop menu's Import questions… and Export… open this page at their panel (#/decks?panel=import).
  const loaded = decks.data !== undefined;
  useEffect(() => {
    if (!loaded || !panel) return;
    document.getElementById(`${panel}-title`)?.scrollIntoView({ block: 'start' });
  }, [loaded, panel]);
  const changed = () => {
    setEditing(null);
    setDeleting(null);
    setVersion((v) => v + 1);
  };
  if (decks.error) return <ErrorNote error={decks.error} onRetry={decks.reload} />;
  if (!decks.data) return <Loading />;
  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>Decks</h1>
          <p className="lead">Your question bank: create decks, bring questions in, take everything out.</p>
        </div>
        <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
          New deck
        </button>
      </header>
      {editing === 'new' && <DeckForm deck={null} onDone={changed} onCancel={() => setEditing(null)} />}
      <section className="card" aria-label="Your decks">
        {decks.data.length === 0 ? (
          <EmptyState title="No decks">
            <p>Create a deck, or import one below.</p>
          </EmptyState>
        ) : (
          <ul className="deck-list">
            {decks.data.map((d) =>
              editing !== 'new' && editing?.id === d.id ? (
                <li key={d.id}>
                  <DeckForm deck={d} onDone={changed} onCancel={() => setEditing(null)} />
                </li>
              ) : (
                <li key={d.id} className="deck-item">
                  <div>
                    <a className="deck-name" href={href('library', { deck: d.id })}>
                      {d.name}
                    </a>
                    <p className="muted">{d.description || 'No description'}</p>
                    <p className="muted small">{d.levels.join(' · ')}</p>
                  </div>
                  <div className="deck-actions">
                    <span className="pill">{plural(d.questionCount, 'question')}</span>
                    <button type="button" className="button button-small" onClick={() => setEditing(d)}>
                      Rename
                    </button>
                    <button type="button" className="button button-small button-danger" onClick={() => setDeleting(d)}>
                      Delete
                    </button>
                  </div>
                </li>
              ),
            )}
          </ul>
        )}
        <RemovedBundledDecks version={version} onAdded={changed} />
      </section>
      {deleting && <DeleteDeck deck={deleting} onDone={changed} onCancel={() => setDeleting(null)} />}
      <ImportPanel decks={decks.data} onImported={changed} />
      <ExportPanel decks={decks.data} />
      <BackupPanel bankVersion={version} onRestored={changed} />
    </div>
  );
}
