import type { BankCounts } from '../../../../shared/transfer';
import { isBrowserMode } from '../../api';
import { ConfirmDialog } from '../ConfirmDialog';
import { describe } from './BackupTable';

/** Restore from a file: a file input in browser mode (streamed up), the system's dialog in the desktop app. */
export function RestoreFromFile({
  working,
  onBrowserFile,
  onDesktop,
}: {
  working: boolean;
  onBrowserFile: (file: File | undefined) => void;
  onDesktop: () => void;
}) {
  if (!isBrowserMode) {
    return (
      <button type="button" className="button" disabled={working} onClick={onDesktop}>
        Restore from a file…
      </button>
    );
  }
  return (
    <label className={`button ${working ? 'button-disabled' : ''}`}>
      Restore from a file…
      <input
        type="file"
        className="visually-hidden"
        accept=".sqlite,.db,.sqlite3,application/vnd.sqlite3,application/x-sqlite3"
        disabled={working}
        onChange={(e) => {
          onBrowserFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
    </label>
  );
}

/** Asks before a restore: what is there now, what replaces it, and that the current data is kept as a backup. */
export function RestoreConfirm({
  current,
  label,
  counts,
  onCancel,
  onConfirm,
}: {
  current: BankCounts;
  label: string;
  counts: BankCounts | null;
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
        Everything you have now ({describe(current)}) is replaced by {label}
        {counts ? ` (${describe(counts)})` : ''}.
      </p>
      <p>
        Prepdeck checks the file first and changes nothing if it is damaged or from a newer version. Your current data
        is backed up first, as a “Before a restore” backup in this list, so you can go back.
      </p>
    </ConfirmDialog>
  );
}
