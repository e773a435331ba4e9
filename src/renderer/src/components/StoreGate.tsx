import { useEffect, useState, type ReactNode } from 'react';
import type { BankCounts, RecoveryAction, StoreHealth } from '../../../shared/transfer';
import { api } from '../api';
import { useApiMutation, useApiQuery } from '../data/hooks';
import { dateTime, plural } from '../lib/format';
import { ErrorNote, Loading } from './States';
import { fileSize } from './transfer/files';
import styles from './StoreGate.module.css';

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
    <main className={styles.storeGate} aria-labelledby="store-gate-title">
      <section className={`card ${styles.storeGateCard}`}>
        <h1 id="store-gate-title">Your data file is damaged</h1>
        <p>
          When Prepdeck started, it checked its data file and found it damaged, so it stopped using it and wrote nothing
          to it. Nothing else has changed.
        </p>
        <p className={`muted small ${styles.storeGateProblem}`}>{health.problem}</p>
        <dl className={styles.storeGatePaths}>
          <dt>Data file</dt>
          <dd>
            <code>{health.file}</code>
          </dd>
          <dt>Kept, untouched, as</dt>
          <dd>
            <code>{health.keepAs}</code>
          </dd>
        </dl>
        <p>Whichever you choose, the damaged file is moved there and kept, never deleted.</p>

        {error && <ErrorNote error={error} />}

        <div className={styles.storeGateChoices}>
          {good ? (
            <button
              type="button"
              className="button button-primary button-large"
              disabled={working !== null}
              onClick={() => choose('restore-newest')}
            >
              {working === 'restore-newest' ? 'Restoring…' : 'Restore the newest good backup'}
              <span className={styles.storeGateDetail}>
                {dateTime(good.createdAt)} · {KIND_WORDS[good.kind]} · {good.counts ? holds(good.counts) : ''} ·{' '}
                {fileSize(good.size)}
              </span>
            </button>
          ) : (
            <p className={`note note-warn ${styles.storeGateNone}`}>
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
            <span className={styles.storeGateDetail}>The bundled Django deck, no answers yet</span>
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
  const checking = current?.status === 'checking';
  useEffect(() => {
    // The check runs while the app is in use; a failed one replaces the app with the screen below, without a reload.
    // Asked directly, not cached: it answers once, when the check ends.
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
  if (health.error && !current) return <ErrorNote error={health.error} onRetry={() => void health.refetch()} />;
  if (!current) return <Loading label="Checking your data…" />;
  if (current.status === 'damaged') return <DamagedStore health={current} onDone={setAfter} />;
  const recovery = current.status === 'ok' ? current.recovery : null;
  return (
    <>
      {recovery && after && (
        <p className={`note ${styles.storeGateDone}`} role="status">
          {recovery.restoredFrom ? `Restored ${recovery.restoredFrom}.` : 'Started with an empty store.'} The damaged
          file is kept as <code>{recovery.damagedFile}</code>.
        </p>
      )}
      {children}
    </>
  );
}
