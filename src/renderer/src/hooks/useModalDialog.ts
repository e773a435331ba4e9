import { useEffect, useRef, type RefObject } from 'react';

/** Where focus goes when what opened a dialog is gone: the page's content, never <body>. */
export const MAIN_ID = 'main';

/**
 * Opens a native <dialog> as a modal while the component is mounted, and gives focus back to what
 * opened it when the component goes. React removes the element without calling close(), so the
 * browser's own return of focus never happens; if the opener has gone too (a list re-rendered, a
 * page changed), focus goes to the page's main content.
 */
export function useModalDialog(): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    // An SVG element (a chart's axis label) can open a dialog too.
    const active = document.activeElement;
    const opener = active instanceof HTMLElement || active instanceof SVGElement ? active : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      const target = opener && opener !== document.body && opener.isConnected ? opener : null;
      (target ?? document.getElementById(MAIN_ID))?.focus({ preventScroll: true });
    };
  }, []);
  return ref;
}
