import { useEffect, useRef, type ReactNode } from 'react';

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
  const ref = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = ref.current;
    // showModal focuses the first button (Cancel); the default action is the confirm button.
    if (dialog && !dialog.open) dialog.showModal();
    confirmRef.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);
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
