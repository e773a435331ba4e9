import type { DeletedQuestion } from '../../../../shared/types';
import { useApiMutation } from '../../data/hooks';
import { useModalDialog } from '../../hooks/useModalDialog';
import { LevelBadge } from '../LevelBadge';
import { ErrorNote, Loading } from '../States';
import styles from './Library.module.css';

const deletedOn = (at: number): string =>
  new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const answersKept = (n: number): string =>
  n === 0 ? 'No answers in its history' : `${n} ${n === 1 ? 'answer' : 'answers'} kept in its history`;

/** "Recently deleted": soft-deleted questions, each with a Restore; an error shows on its own row. */
export function RecentlyDeletedDialog({
  items,
  error,
  onRestored,
  onClose,
}: {
  items: DeletedQuestion[] | undefined;
  error: Error | null;
  /** A question came back: the list refreshes by itself; this is for what else knew of its deletion. */
  onRestored: (id: number) => void;
  onClose: () => void;
}) {
  const ref = useModalDialog();
  const restore = useApiMutation('restoreQuestion', { onSuccess: (_, { id }) => onRestored(id) });
  // A failure shows on the row it belongs to.
  const failedId = restore.isError ? restore.variables.id : null;
  return (
    <dialog
      ref={ref}
      className={`dialog ${styles.dialogWide}`}
      aria-labelledby="deleted-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="deleted-title">Recently deleted</h2>
      <div className="dialog-body">
        {error && <ErrorNote error={error} />}
        {!items && !error && <Loading />}
        {items && items.length === 0 && (
          <p className={styles.deletedEmpty}>
            Nothing deleted. Deleted questions wait here, with their answer history, until you restore them.
          </p>
        )}
        {items && items.length > 0 && (
          <ul className={styles.deletedList} aria-label="Deleted questions">
            {items.map((q) => (
              <DeletedRow
                key={q.id}
                question={q}
                error={failedId === q.id ? restore.error!.message : null}
                disabled={restore.isPending}
                onRestore={() => restore.mutate({ id: q.id })}
              />
            ))}
          </ul>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          Close <kbd>Esc</kbd>
        </button>
      </div>
    </dialog>
  );
}

function DeletedRow({
  question: q,
  error,
  disabled,
  onRestore,
}: {
  question: DeletedQuestion;
  error: string | null;
  disabled: boolean;
  onRestore: () => void;
}) {
  return (
    <li className={styles.deletedItem}>
      <div className={styles.deletedText}>
        <span className={styles.deletedMeta}>
          <LevelBadge level={q.level} />
          <span className="muted small">{q.deckName}</span>
        </span>
        <span className={styles.deletedPrompt}>{q.prompt}</span>
        <span className="muted small">
          Deleted {deletedOn(q.deletedAt)} · {answersKept(q.attempts)}
        </span>
        {error && (
          <span className="error-text small" role="alert">
            {error}
          </span>
        )}
      </div>
      <button
        type="button"
        className="button button-small"
        disabled={disabled}
        aria-label={`Restore “${q.prompt}”`}
        onClick={onRestore}
      >
        Restore
      </button>
    </li>
  );
}
