import { useState } from 'react';
import type { InputOf } from '../../../../shared/api';
import { type BackupInfo, type BankCounts } from '../../../../shared/transfer';
import { api } from '../../api';
import { useBytes } from '../../hooks/useBytes';
import { useQuery } from '../../hooks/useQuery';
import { dateTime } from '../../lib/format';
import { BackupsIntro, BackupTable, describe, NoBackups } from './BackupTable';
import { RestoreConfirm, RestoreFromFile } from './RestoreControls';
import { Progress } from '../Progress';
import { ErrorNote, Loading } from '../States';
import { deliverFile } from './files';
import '../../styles/transfer.css';

type RestoreSource = InputOf<'restoreBackup'>['source'];

interface Pending {
  source: RestoreSource;
  /** How the dialog names it. */
  label: string;
  counts: BankCounts | null;
}

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
        <BackupsIntro folder={list.data?.folder ?? null} />
        <div className="backup-actions">
          <RestoreFromFile
            working={working}
            onBrowserFile={chooseFileBrowser}
            onDesktop={() => void chooseFileDesktop()}
          />
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
          <NoBackups />
        ) : (
          <BackupTable
            backups={list.data.backups}
            working={working}
            onDownload={(b) =>
              void act(async () => {
                const file = await api.exportBackup({ fileName: b.fileName });
                if (file.kind === 'stream') void bytes.follow(file.fileName, file.download);
                return deliverFile(file);
              })
            }
            onRestore={askRestore}
          />
        ))}

      {pending && list.data && (
        <RestoreConfirm
          current={list.data.current}
          label={pending.label}
          counts={pending.counts}
          onCancel={() => setPending(null)}
          onConfirm={() => void restore(pending)}
        />
      )}
    </section>
  );
}
