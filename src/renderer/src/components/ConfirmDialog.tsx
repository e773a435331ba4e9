import { useEffect, useRef, type ReactNode } from 'react';
import { useModalDialog } from '../hooks/useModalDialog';

/**
 * A modal question with a default action; Enter confirms, Esc cancels (native <dialog>). Focus starts
 * on the confirm button, so Enter does what the button labelled Enter says, and goes back to what
 * had it (the button or the text box that opened the dialog) when the dialog closes.
 */
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
  const confirmRef = useRef<HTMLButtonElement>(null);
  // showModal focuses the first button (Cancel); the default action is the confirm button.
  useEffect(() => confirmRef.current?.focus(), []);
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
          ref={confirmRef}
        >
          {confirmLabel} <kbd>Enter</kbd>
        </button>
      </div>
    </dialog>
  );
}
