import { useState } from 'react';
import type { InputOf } from '../../../../shared/api';
import { type BackupInfo, type BackupKind, type BankCounts } from '../../../../shared/transfer';
import { api, isBrowserMode } from '../../api';
import { useBytes } from '../../hooks/useBytes';
import { useQuery } from '../../hooks/useQuery';
import { dateTime, plural } from '../../lib/format';
import { ConfirmDialog } from '../ConfirmDialog';
import { Progress } from '../Progress';
import { ErrorNote, Loading } from '../States';
import { deliverFile, fileSize } from './files';
import '../../styles/transfer.css';

const KINDS: Record<BackupKind, string> = {
  auto: 'Automatic',
  manual: 'Manual',
  replaced: 'Before a restore',
  migration: 'Before an upgrade',
  other: 'Other file',
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
 * Back up now, the backups folder, and restore (checked first, and the replaced data kept).
 * `bankVersion` changes when the bank does, so the counts the confirmation shows are current.
 */
export function BackupPanel({ bankVersion, onRestored }: { bankVersion: number; onRestored: () => void }) {
  const [version, setVersion] = useState(0);
  const list = useQuery(() => api.listBackups(), `backups-${version}-${bankVersion}`);
  const [pending, setPending] = useState<Pending | null>(null);
  const [working, setWorking] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const bytes = useBytes();

  const act = async (run: () => Promise<string | null>) => {
    setWorking(true);
    setMessage(null);
    try {
      const text = await run();
      if (text) setMessage({ text, error: false });
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    } finally {
      setWorking(false);
      setVersion((v) => v + 1);
    }
  };

  const backUp = () =>
    act(async () => {
      const info = await api.createBackup();
      return `Backed up ${describe(info.counts ?? { decks: 0, questions: 0, attempts: 0 })} as ${info.fileName}.`;
    });

  const restore = (p: Pending) =>
    act(async () => {
      setPending(null);
      const result = await api.restoreBackup({ source: p.source });
      onRestored();
      return `Restored ${p.label}: you now have ${describe(result.restored)}. Your previous data is kept as ${result.replacedBackup}.`;
    });

  const chooseFileDesktop = () =>
    act(async () => {
      const file = await api.chooseBackupFile();
      if (file) setPending({ source: { kind: 'picked', id: file.id }, label: `“${file.fileName}”`, counts: null });
      return null;
    });

  const chooseFileBrowser = (file: File | undefined) => {
    if (!file) return;
    // Streamed to the server first, whatever its size; the restore then names what it answered.
    void act(async () => {
      const id = await bytes.upload(file);
      setPending({ source: { kind: 'uploaded', id }, label: `“${file.name}”`, counts: null });
      return null;
    });
  };

  const askRestore = (b: BackupInfo) =>
    setPending({
      source: { kind: 'backup', fileName: b.fileName },
      label: `the backup of ${dateTime(b.createdAt)}`,
      counts: b.counts,
    });

  return (
    <section className="card" aria-labelledby="backup-title">
      <div className="card-head">
        <div>
          <h2 id="backup-title">Backups</h2>
          <p className="muted small card-sub">
            A backup is a copy of all your data (decks, questions, answers, settings) in one file, made safely while
            Prepdeck runs and checked before it is kept. Prepdeck makes one by itself every 30 minutes while your data
            changes, and when it quits, keeping a daily, weekly and monthly trail.
            {list.data && (
              <>
                {' '}
                Kept in <code className="path">{list.data.folder}</code>.
              </>
            )}
          </p>
        </div>
        <div className="backup-actions">
          {isBrowserMode ? (
            <label className={`button ${working ? 'button-disabled' : ''}`}>
              Restore from a file…
              <input
                type="file"
                className="visually-hidden"
                accept=".sqlite,.db,.sqlite3,application/vnd.sqlite3,application/x-sqlite3"
                disabled={working}
                onChange={(e) => {
                  chooseFileBrowser(e.target.files?.[0]);
                  e.target.value = '';
                }}
              />
            </label>
          ) : (
            <button type="button" className="button" disabled={working} onClick={() => void chooseFileDesktop()}>
              Restore from a file…
            </button>
          )}
          <button type="button" className="button button-primary" disabled={working} onClick={() => void backUp()}>
            Back up now
          </button>
        </div>
      </div>

      {bytes.moving && <Progress {...bytes.moving} unit="bytes" />}

      {message && (
        <p
          className={message.error ? 'note import-error' : 'note note-success'}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}

      {list.error && <ErrorNote error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading label="Looking for backups…" />}
      {list.data &&
        (list.data.backups.length === 0 ? (
          <p className="muted backup-empty">
            No backups yet: the first automatic one is made a minute after your data changes. Back up now before big
            changes, such as a large import.
          </p>
        ) : (
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
              {list.data.backups.map((b) => (
                <tr key={b.fileName}>
                  <td>
                    <span className="backup-when">{dateTime(b.createdAt)}</span>
                    <span className="muted small backup-file">{b.fileName}</span>
                  </td>
                  <td>
                    <span className={`pill backup-kind-${b.kind}`}>{KINDS[b.kind]}</span>
                  </td>
                  <td>{b.counts ? describe(b.counts) : <span className="warn-text">Not readable</span>}</td>
                  <td className="num">{fileSize(b.size)}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button button-small"
                      disabled={working}
                      onClick={() =>
                        void act(async () => {
                          const file = await api.exportBackup({ fileName: b.fileName });
                          if (file.kind === 'stream') void bytes.follow(file.fileName, file.download);
                          return deliverFile(file);
                        })
                      }
                    >
                      {isBrowserMode ? 'Download' : 'Save a copy…'}
                    </button>
                    <button
                      type="button"
                      className="button button-small"
                      disabled={working || !b.counts}
                      onClick={() => askRestore(b)}
                    >
                      Restore…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}

      {pending && list.data && (
        <ConfirmDialog
          title="Replace your data with this backup?"
          confirmLabel="Restore"
          danger
          onCancel={() => setPending(null)}
          onConfirm={() => void restore(pending)}
        >
          <p>
            Everything you have now ({describe(list.data.current)}) is replaced by {pending.label}
            {pending.counts ? ` (${describe(pending.counts)})` : ''}.
          </p>
          <p>
            Prepdeck checks the file first and changes nothing if it is damaged or from a newer version. Your current
            data is backed up first, as a “Before a restore” backup in this list, so you can go back.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
