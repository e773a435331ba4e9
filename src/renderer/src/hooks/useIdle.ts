import { useEffect, useState } from 'react';

/**
 * False until the browser has drawn the page and has a moment free (at most `timeoutMs` later), then true: for a
 * read a page can show a beat after the rest, so that it neither holds up the first drawing nor competes with it.
 */
export function useIdle(timeoutMs = 1000): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (idle) return;
    const id = requestIdleCallback(() => setIdle(true), { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }, [idle, timeoutMs]);
  return idle;
}
