import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { InputOf } from '../../../../shared/api';
import { type BackupInfo, type BackupKind, type BankCounts } from '../../../../shared/transfer';
import { api, isBrowserMode } from '../../api';
import { runWrite } from '../../data/client';
import { useApiQuery } from '../../data/hooks';
import { useBytes } from '../../hooks/useBytes';
import { useJob } from '../../hooks/useJob';
import { dateTime, plural } from '../../lib/format';
import { ConfirmDialog } from '../ConfirmDialog';
import { JobProgress, Progress } from '../Progress';
import { ErrorNote, Loading } from '../States';
import { deliverFile, fileSize } from './files';
import { useAction } from './useAction';
import styles from './Transfer.module.css';

const KINDS: Record<BackupKind, string> = {
  auto: 'Automatic',
  manual: 'Manual',
  replaced: 'Before a restore',
  migration: 'Before an upgrade',
  other: 'Other file',
};

/** Kinds with a tint of their own; the others are plain pills. */
const KIND_STYLES: Partial<Record<BackupKind, string>> = {
  auto: styles.backupKindAuto,
  replaced: styles.backupKindReplaced,
  migration: styles.backupKindMigration,
};

type RestoreSource = InputOf<'restoreBackup'>['source'];

interface Pending {
  source: RestoreSource;
  /** How the dialog names it. */
  label: string;
  counts: BankCounts | null;
}

const describe = (c: BankCounts): string =>
  `${plural(c.decks, 'deck')}, ${plural(c.questions, 'question')}, ${plural(c.attempts, 'answer')}`;

/**
 * Back up now, the backups folder, and restore (checked first, and the replaced data kept). The list
 * (with the counts the confirmation shows) is refetched after any write that changes the bank.
 */
export function BackupPanel({ onRestored }: { onRestored?: () => void }) {
  const client = useQueryClient();
  const list = useApiQuery('listBackups');
  const [pending, setPending] = useState<Pending | null>(null);
  // One action at a time (a backup, a restore, a file to choose or upload, a copy to save); it says what it did.
  const { run: act, working, message } = useAction();
  // Browser mode's files in bytes as they move: an upload as it is sent, a download as the server streams it.
  const bytes = useBytes();
  const restoring = useJob();

  const backUp = () =>
    act(async () => {
      const info = await runWrite(client, 'createBackup');
      return `Backed up ${describe(info.counts ?? { decks: 0, questions: 0, attempts: 0 })} as ${info.fileName}.`;
    });

  const restore = (p: Pending) =>
    act(async () => {
      setPending(null);
      // A job: its stages on screen, Cancel until the swap commits; every read is refetched once it ends.
      const end = await restoring.run(() => api.restoreBackup({ source: p.source }), { changes: 'restoreBackup' });
      if (end === null) return null;
      if (end.state === 'cancelled') return `Restore cancelled: your data is as it was.`;
      if (end.state !== 'done' || !end.restored)
        throw new Error(end.error ?? 'The restore stopped. Nothing was changed.');
      onRestored?.();
      const result = end.restored;
      return `Restored ${p.label}: you now have ${describe(result.restored)}. Your previous data is kept as ${result.replacedBackup}.`;
    });

  const chooseFileDesktop = () =>
    act(async () => {
      const file = await runWrite(client, 'chooseBackupFile');
      if (file) setPending({ source: { kind: 'picked', id: file.id }, label: `“${file.fileName}”`, counts: null });
      return null;
    });

  const chooseFileBrowser = (file: File | undefined) => {
    if (!file) return;
    // Streamed to the server first, whatever its size; the restore then names what it answered.
    act(async () => {
      const id = await bytes.upload(file);
      setPending({ source: { kind: 'uploaded', id }, label: `“${file.name}”`, counts: null });
      return null;
    });
  };

  const save = (b: BackupInfo) =>
    act(async () => {
      const file = await runWrite(client, 'exportBackup', { fileName: b.fileName });
      if (file.kind === 'stream') void bytes.follow(file.fileName, file.download);
      return deliverFile(file);
    });

  const askRestore = (b: BackupInfo) =>
    setPending({
      source: { kind: 'backup', fileName: b.fileName },
      label: `the backup of ${dateTime(b.createdAt)}`,
      counts: b.counts,
    });

  return (
    <section className="card" aria-labelledby="backup-title">
      <div className="card-head">
        <BackupIntro folder={list.data?.folder ?? null} />
        <BackupActions
          working={working}
          onChooseDesktop={chooseFileDesktop}
          onChooseBrowser={chooseFileBrowser}
          onBackUp={backUp}
        />
      </div>

      {bytes.moving && <Progress {...bytes.moving} unit="bytes" />}
      <div className={styles.restoreProgress}>
        <JobProgress job={restoring} label="Restoring" unit="rows" />
      </div>

      {message && (
        <p
          className={`note ${message.error ? styles.importError : styles.noteSuccess}`}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}

      {list.error && <ErrorNote error={list.error} onRetry={() => void list.refetch()} />}
      {!list.data && !list.error && <Loading label="Looking for backups…" />}
      {list.data &&
        (list.data.backups.length === 0 ? (
          <p className={`muted ${styles.backupEmpty}`}>
            No backups yet: the first automatic one is made a minute after your data changes. Back up now before big
            changes, such as a large import.
          </p>
        ) : (
          <BackupTable backups={list.data.backups} working={working} onSave={save} onRestore={askRestore} />
        ))}

      {pending && list.data && (
        <RestoreConfirm
          pending={pending}
          current={list.data.current}
          onCancel={() => setPending(null)}
          onConfirm={() => restore(pending)}
        />
      )}
    </section>
  );
}

function BackupIntro({ folder }: { folder: string | null }) {
  return (
    <div>
      <h2 id="backup-title" className={styles.cardTitle}>
        Backups
      </h2>
      <p className={`muted small ${styles.cardSub}`}>
        A backup is a copy of all your data (decks, questions, answers, settings) in one file, made safely while
        Prepdeck runs and checked before it is kept. Prepdeck makes one by itself every 30 minutes while your data
        changes, and when it quits, keeping a daily, weekly and monthly trail.
        {folder && (
          <>
            {' '}
            Kept in <code className={styles.path}>{folder}</code>.
          </>
        )}
      </p>
    </div>
  );
}

function BackupActions({
  working,
  onChooseDesktop,
  onChooseBrowser,
  onBackUp,
}: {
  working: boolean;
  onChooseDesktop: () => void;
  onChooseBrowser: (file: File | undefined) => void;
  onBackUp: () => void;
}) {
  return (
    <div className={styles.backupActions}>
      {isBrowserMode ? (
        <label className={`button ${working ? styles.buttonDisabled : ''}`}>
          Restore from a file…
          <input
            type="file"
            className="visually-hidden"
            accept=".sqlite,.db,.sqlite3,application/vnd.sqlite3,application/x-sqlite3"
            disabled={working}
            onChange={(e) => {
              onChooseBrowser(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
      ) : (
        <button type="button" className="button" disabled={working} onClick={onChooseDesktop}>
          Restore from a file…
        </button>
      )}
      <button type="button" className="button button-primary" disabled={working} onClick={onBackUp}>
        Back up now
      </button>
    </div>
  );
}

function BackupTable({
  backups,
  working,
  onSave,
  onRestore,
}: {
  backups: BackupInfo[];
  working: boolean;
  onSave: (b: BackupInfo) => void;
  onRestore: (b: BackupInfo) => void;
}) {
  return (
    <table className="table" aria-label="Backups">
      <thead>
        <tr>
          <th>When</th>
          <th>Kind</th>
          <th>Holds</th>
          <th className="num">Size</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {backups.map((b) => (
          <tr key={b.fileName}>
            <td>
              <span className={styles.backupWhen}>{dateTime(b.createdAt)}</span>
              <span className={`muted small ${styles.backupFile}`}>{b.fileName}</span>
            </td>
            <td>
              <span className={`pill ${KIND_STYLES[b.kind] ?? ''}`}>{KINDS[b.kind]}</span>
            </td>
            <td>{b.counts ? describe(b.counts) : <span className={styles.warnText}>Not readable</span>}</td>
            <td className="num">{fileSize(b.size)}</td>
            <td className={styles.rowActions}>
              <button type="button" className="button button-small" disabled={working} onClick={() => onSave(b)}>
                {isBrowserMode ? 'Download' : 'Save a copy…'}
              </button>
              <button
                type="button"
                className="button button-small"
                disabled={working || !b.counts}
                onClick={() => onRestore(b)}
              >
                Restore…
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Restore only after the person has seen what is replaced by what, and that the replaced data is kept. */
function RestoreConfirm({
  pending,
  current,
  onCancel,
  onConfirm,
}: {
  pending: Pending;
  current: BankCounts;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <ConfirmDialog
      title="Replace your data with this backup?"
      confirmLabel="Restore"
      danger
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      <p>
        Everything you have now ({describe(current)}) is replaced by {pending.label}
        {pending.counts ? ` (${describe(pending.counts)})` : ''}.
      </p>
      <p>
        Prepdeck checks the file first and changes nothing if it is damaged or from a newer version. Your current data
        is backed up first, as a “Before a restore” backup in this list, so you can go back.
      </p>
      <p>
        A big backup takes a while: its progress shows here. Meanwhile you can look around, but nothing can be changed,
        and Cancel leaves everything as it was until the last step.
      </p>
    </ConfirmDialog>
  );
}
