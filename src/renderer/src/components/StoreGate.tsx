import { useEffect, useState, type ReactNode } from 'react';
import type { BankCounts, RecoveryAction, StoreHealth } from '../../../shared/transfer';
import { api } from '../api';
import { useQuery } from '../hooks/useQuery';
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
  const [working, setWorking] = useState<RecoveryAction | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const good = health.newestGood;

  const choose = async (action: RecoveryAction) => {
    setWorking(action);
    setError(null);
    try {
      onDone(await api.recoverStore({ action }));
    } catch (e) {
      setError(e as Error);
    } finally {
      setWorking(null);
    }
  };

  return (
    <main className="store-gate" aria-labelledby="store-gate-title">
      <section className="card store-gate-card">
        <h1 id="store-gate-title">Your data file is damaged</h1>
        <p>
          When Prepdeck started, it checked its data file and found it damaged, so it stopped using it and wrote nothing
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
              onClick={() => void choose('restore-newest')}
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
            onClick={() => void choose('start-empty')}
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
  const health = useQuery(() => api.getStoreHealth(undefined), 'store-health');
  const [after, setAfter] = useState<StoreHealth | null>(null);
  const current = after ?? health.data;
  const checking = current?.status === 'checking';
  useEffect(() => {
    // The check runs while the app is in use; a failed one replaces the app with the screen below, without a reload.
    if (!checking) return;
    let live = true;
    api.getStoreHealth({ untilChecked: true }).then(
      (settled) => live && setAfter(settled),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [checking]);
  if (health.error && !current) return <ErrorNote error={health.error} onRetry={health.reload} />;
  if (!current) return <Loading label="Checking your data…" />;
  if (current.status === 'damaged') return <DamagedStore health={current} onDone={setAfter} />;
  const recovery = current.status === 'ok' ? current.recovery : null;
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
