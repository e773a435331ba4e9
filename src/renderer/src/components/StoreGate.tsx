import { useState, type ReactNode } from 'react';
import type { BankCounts, RecoveryAction, StoreHealth } from '../../../shared/transfer';
import { useApiMutation, useApiQuery } from '../data/hooks';
import { dateTime, plural } from '../lib/format';
import { ErrorNote, Loading } from './States';
import { fileSize } from './transfer/files';
import '../styles/store-gate.css';

type Damaged = Extract<StoreHealth, { status: 'damaged' }>;

const holds = (c: BankCounts): string =>
  `${plural(c.decks, 'deck')}, ${plural(c.questions, 'question')}, ${plural(c.attempts, 'answer')}`;

const KIND_WORDS: Record<string, string> = {
  auto: 'an automatic backup',
  manual: 'a backup you made',
  replaced: 'kept before a restore',
  migration: 'kept before an upgrade',
  other: 'a backup file',
};

/** The one screen of a damaged store: what happened, where the damaged file goes, and the two ways on. */
function DamagedStore({ health, onDone }: { health: Damaged; onDone: (h: StoreHealth) => void }) {
  const recover = useApiMutation('recoverStore', { onSuccess: onDone });
  const working: RecoveryAction | null = recover.isPending ? recover.variables.action : null;
  const error = recover.error;
  const good = health.newestGood;
  const choose = (action: RecoveryAction) => recover.mutate({ action });

  return (
    <main className="store-gate" aria-labelledby="store-gate-title">
      <section className="card store-gate-card">
        <h1 id="store-gate-title">Your data file is damaged</h1>
        <p>
          When Prepdeck started, it checked its data file and found it damaged, so it did not open it and wrote nothing
          to it. Nothing else has changed.
        </p>
        <p className="muted small store-gate-problem">{health.problem}</p>
        <dl className="store-gate-paths">
          <dt>Data file</dt>
          <dd>
            <code className="path">{health.file}</code>
          </dd>
          <dt>Kept, untouched, as</dt>
          <dd>
            <code className="path">{health.keepAs}</code>
          </dd>
        </dl>
        <p>Whichever you choose, the damaged file is moved there and kept, never deleted.</p>

        {error && <ErrorNote error={error} />}

        <div className="store-gate-choices">
          {good ? (
            <button
              type="button"
              className="button button-primary button-large"
              disabled={working !== null}
              onClick={() => choose('restore-newest')}
            >
              {working === 'restore-newest' ? 'Restoring…' : 'Restore the newest good backup'}
              <span className="store-gate-detail">
                {dateTime(good.createdAt)} · {KIND_WORDS[good.kind]} · {good.counts ? holds(good.counts) : ''} ·{' '}
                {fileSize(good.size)}
              </span>
            </button>
          ) : (
            <p className="note note-warn store-gate-none">
              No backup passes its check, so there is none to restore. If you have a backup elsewhere, start with an
              empty store and restore it from Decks → Backups.
            </p>
          )}
          <button
            type="button"
            className="button button-large"
            disabled={working !== null}
            onClick={() => choose('start-empty')}
          >
            {working === 'start-empty' ? 'Starting…' : 'Start with an empty store'}
            <span className="store-gate-detail">The bundled Django deck, no answers yet</span>
          </button>
        </div>
      </section>
    </main>
  );
}

/**
 * Shows the app only over a sound store. While the data file is refused, every call but the health ones fails,
 * so this screen stands in for the whole app until the person chooses.
 */
export function StoreGate({ children }: { children: ReactNode }) {
  const health = useApiQuery('getStoreHealth');
  const [after, setAfter] = useState<StoreHealth | null>(null);
  const current = after ?? health.data;
  if (health.error && !current) return <ErrorNote error={health.error} onRetry={() => void health.refetch()} />;
  if (!current) return <Loading label="Checking your data…" />;
  if (current.status === 'damaged') return <DamagedStore health={current} onDone={setAfter} />;
  const recovery = current.recovery;
  return (
    <>
      {recovery && after && (
        <p className="note note-success store-gate-done" role="status">
          {recovery.restoredFrom ? `Restored ${recovery.restoredFrom}.` : 'Started with an empty store.'} The damaged
          file is kept as <code className="path">{recovery.damagedFile}</code>.
        </p>
      )}
      {children}
    </>
  );
}
