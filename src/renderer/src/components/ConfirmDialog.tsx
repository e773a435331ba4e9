import type { ReactNode } from 'react';
import { useModalDialog } from '../hooks/useModalDialog';

/** A modal question with a default action; Enter confirms, Esc cancels (native <dialog>). */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  danger = false,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  danger?: boolean;
}) {
  const ref = useModalDialog();
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="confirm-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-title">{title}</h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel <kbd>Esc</kbd>
        </button>
        <button
          type="button"
          className={`button ${danger ? 'button-danger-solid' : 'button-primary'}`}
          onClick={onConfirm}
          autoFocus
        >
          {confirmLabel} <kbd>Enter</kbd>
        </button>
      </div>
    </dialog>
  );
}
