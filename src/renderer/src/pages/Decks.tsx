import { useEffect, useId, useState } from 'react';
import type { DeckSummary } from '../../../shared/types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { EmptyState, ErrorNote, Loading } from '../components/States';
import { BackupPanel } from '../components/transfer/BackupPanel';
import { ExportPanel } from '../components/transfer/ExportPanel';
import { ImportPanel } from '../components/transfer/ImportPanel';
import { useApiMutation, useApiQuery } from '../data/hooks';
import { href, type RouteParams } from '../hooks/useRoute';
import { plural } from '../lib/format';
import styles from './Decks.module.css';

function DeckForm({ deck, onDone, onCancel }: { deck: DeckSummary | null; onDone: () => void; onCancel: () => void }) {
  const uid = useId();
  const [name, setName] = useState(deck?.name ?? '');
  const [description, setDescription] = useState(deck?.description ?? '');
  const [levels, setLevels] = useState(
    (deck?.levels ?? ['Beginner', 'Intermediate', 'Advanced', 'Scenario']).join(', '),
  );
  const create = useApiMutation('createDeck', { onSuccess: onDone });
  const update = useApiMutation('updateDeck', { onSuccess: onDone });
  const error = (deck ? update : create).error?.message;
  const save = () => {
    const fields = {
      name,
      description,
      levels: levels
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean),
    };
    if (deck) update.mutate({ id: deck.id, ...fields });
    else create.mutate(fields);
  };
  return (
    <form
      className={`card ${styles.deckForm}`}
      aria-label={deck ? `Edit ${deck.name}` : 'New deck'}
      onSubmit={(e) => {
        e.preventDefault();
        save();
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
        <button type="submit" className="button button-primary" disabled={create.isPending || update.isPending}>
          {deck ? 'Save' : 'Create deck'}
        </button>
      </div>
    </form>
  );
}

function DeleteDeck({ deck, onDone, onCancel }: { deck: DeckSummary; onDone: () => void; onCancel: () => void }) {
  // Read afresh each time the dialog opens (nothing kept once it closes): what goes with a deck is said as it is now.
  const impact = useApiQuery('getDeckImpact', { id: deck.id }, { gcTime: 0, staleTime: 0 });
  const remove = useApiMutation('deleteDeck', { onSuccess: onDone });
  // A refetch that fails once the deck is gone leaves the dialog as it was, until it closes.
  if (impact.error && !impact.data) return <ErrorNote error={impact.error} onRetry={() => void impact.refetch()} />;
  if (!impact.data) return null;
  const confirm = () => {
    if (!remove.isPending) remove.mutate({ id: deck.id });
  };
  return (
    <ConfirmDialog
      title={`Delete “${deck.name}”?`}
      confirmLabel="Delete deck"
      danger
      onCancel={onCancel}
      onConfirm={confirm}
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
      {remove.error && (
        <p className="error-text" role="alert">
          {remove.error.message}
        </p>
      )}
    </ConfirmDialog>
  );
}

/** The bundled decks the person deleted, each with a way to change their mind. Nothing shows while there are none. */
function RemovedBundledDecks({ onAdded }: { onAdded: () => void }) {
  const removed = useApiQuery('listRemovedBundledDecks');
  const adding = useApiMutation('addBundledDeck', { onSuccess: onAdded });
  if (!removed.data || removed.data.length === 0) return null;
  return (
    <div className="removed-bundled">
      {removed.data.map((d) => (
        <p key={d.slug} className="muted">
          You deleted the {d.name} deck that comes with Prepdeck ({plural(d.questionCount, 'question')}).{' '}
          <button
            type="button"
            className="button button-small"
            disabled={adding.isPending}
            onClick={() => adding.mutate({ slug: d.slug })}
          >
            Add the {d.name} deck again
          </button>
        </p>
      ))}
      {adding.error && (
        <p className="error-text" role="alert">
          {adding.error.message}
        </p>
      )}
    </div>
  );
}

/** The decks, and the tools that bring questions in and take them out (import, export, backup). */
export default function DecksPage({ panel }: { panel?: RouteParams<'decks'>['panel'] }) {
  const decks = useApiQuery('listDecks');
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
  };
  if (decks.error) return <ErrorNote error={decks.error} onRetry={() => void decks.refetch()} />;
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
                  <div className={styles.deckActions}>
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
        <RemovedBundledDecks onAdded={changed} />
      </section>
      {deleting && <DeleteDeck deck={deleting} onDone={changed} onCancel={() => setDeleting(null)} />}
      <ImportPanel decks={decks.data} />
      <ExportPanel decks={decks.data} />
      <BackupPanel onRestored={changed} />
    </div>
  );
}
