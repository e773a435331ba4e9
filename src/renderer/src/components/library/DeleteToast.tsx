import styles from './Library.module.css';

/** The toast after a delete: Undo while it shows; `error` when the delete or the undo failed. */
export interface Toast {
  id: number;
  prompt: string;
  deleted: boolean;
  error?: string;
}

export function DeleteToast({ toast, onUndo, onDismiss }: { toast: Toast; onUndo: () => void; onDismiss: () => void }) {
  return (
    <div className={styles.toast} role="status" data-testid="undo-toast">
      {toast.error ? (
        <span role="alert">
          <strong>
            {toast.deleted ? `Could not restore “${toast.prompt}”.` : `Could not delete “${toast.prompt}”.`}
          </strong>{' '}
          {toast.error}
        </span>
      ) : (
        <span>Deleted “{toast.prompt}”. Its answers stay in your history.</span>
      )}
      {toast.deleted && (
        // The Delete button went with the question: focus lands on the way back, not on <body>.
        <button type="button" className="button button-small" onClick={onUndo} autoFocus>
          {toast.error ? 'Try again' : 'Undo'}
        </button>
      )}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
