import { useEffect, useRef } from 'react';

/** Runs `handler` for keydown on the window while mounted. */
export function useKeys(handler: (event: KeyboardEvent) => void): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    // While a dialog is open, its own keys (Enter, Esc) are the only ones that act.
    const listener = (event: KeyboardEvent) => {
      if (!document.querySelector('dialog[open]')) ref.current(event);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
