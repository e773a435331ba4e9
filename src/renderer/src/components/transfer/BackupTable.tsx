import type { BackupInfo, BackupKind, BankCounts } from '../../../../shared/transfer';
import { isBrowserMode } from '../../api';
import { dateTime, plural } from '../../lib/format';
import { fileSize } from './files';

const KINDS: Record<BackupKind, string> = {
  auto: 'Automatic',
  manual: 'Manual',
  replaced: 'Before a restore',
  migration: 'Before an upgrade',
  other: 'Other file',
};

export const describe = (c: BankCounts): string =>
  `${plural(c.decks, 'deck')}, ${plural(c.questions, 'question')}, ${plural(c.attempts, 'answer')}`;

/** The backups folder as a table: when, why, what each holds, and Download (or Save a copy) and Restore. */
export function BackupTable({
  backups,
  working,
  onDownload,
  onRestore,
}: {
  backups: BackupInfo[];
  working: boolean;
  onDownload: (b: BackupInfo) => void;
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
              <span className="backup-when">{dateTime(b.createdAt)}</span>
              <span className="muted small backup-file">{b.fileName}</span>
            </td>
            <td>
              <span className={`pill backup-kind-${b.kind}`}>{KINDS[b.kind]}</span>
            </td>
            <td>{b.counts ? describe(b.counts) : <span className="warn-text">Not readable</span>}</td>
            <td className="num">{fileSize(b.size)}</td>
            <td className="row-actions">
              <button type="button" className="button button-small" disabled={working} onClick={() => onDownload(b)}>
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

/** The Backups card's heading: what a backup is, when Prepdeck makes one, and where they are kept. */
export function BackupsIntro({ folder }: { folder: string | null }) {
  return (
    <div>
      <h2 id="backup-title">Backups</h2>
      <p className="muted small card-sub">
        A backup is a copy of all your data (decks, questions, answers, settings) in one file, made safely while
        Prepdeck runs and checked before it is kept. Prepdeck makes one by itself every 30 minutes while your data
        changes, and when it quits, keeping a daily, weekly and monthly trail.
        {folder !== null && (
          <>
            {' '}
            Kept in <code className="path">{folder}</code>.
          </>
        )}
      </p>
    </div>
  );
}

/** No backups yet: when the first comes, and when to make one. */
export function NoBackups() {
  return (
    <p className="muted backup-empty">
      No backups yet: the first automatic one is made a minute after your data changes. Back up now before big changes,
      such as a large import.
    </p>
  );
}
