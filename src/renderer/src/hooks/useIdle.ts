import { useEffect, useState } from 'react';

/** The browser's idle callback, or a short timer where there is none (Safari, which browser mode may be opened in). */
const whenIdle: (run: () => void, timeoutMs: number) => () => void =
  typeof requestIdleCallback === 'function'
    ? (run, timeoutMs) => {
        const id = requestIdleCallback(run, { timeout: timeoutMs });
        return () => cancelIdleCallback(id);
      }
    : (run) => {
        const id = setTimeout(run, 50);
        return () => clearTimeout(id);
      };

/**
 * False until the browser has drawn the page and has a moment free (at most `timeoutMs` later), then true: for a
 * read a page can show a beat after the rest, so that it neither holds up the first drawing nor competes with it.
 */
export function useIdle(timeoutMs = 1000): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (idle) return;
    return whenIdle(() => setIdle(true), timeoutMs);
  }, [idle, timeoutMs]);
  return idle;
}
