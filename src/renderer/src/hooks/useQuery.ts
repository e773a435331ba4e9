import { useCallback, useEffect, useState } from 'react';

export interface QueryState<T> {
  /** The last data received, kept while a newer request runs. */
  data: T | undefined;
  error: Error | null;
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  request: string;
  data: T | undefined;
  error: Error | null;
}

/** Calls started before the first render (see `prefetch`), each waiting for the first query of its key. */
const early = new Map<string, Promise<unknown>>();

/**
 * Starts a page's call before React has drawn anything, so it runs while the page's code is parsed and
 * rendered; the first `useQuery` with the same key takes its answer instead of calling again.
 */
export function prefetch(key: string, load: () => Promise<unknown>): void {
  const pending = load();
  pending.catch(() => {}); // a failure is the query's to show, once it takes the promise
  early.set(key, pending);
}

/** Fetches once per change of `key` (and on reload); stale answers to older requests are dropped. */
export function useQuery<T>(load: () => Promise<T>, key: string): QueryState<T> {
  const [generation, setGeneration] = useState(0);
  const [settled, setSettled] = useState<Settled<T>>({ request: '', data: undefined, error: null });
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const request = `${key}#${generation}`;

  useEffect(() => {
    let live = true;
    const pending = generation === 0 ? (early.get(key) as Promise<T> | undefined) : undefined;
    early.delete(key);
    (pending ?? load()).then(
      (data) => live && setSettled({ request, data, error: null }),
      (err: unknown) =>
        live &&
        setSettled((prev) => ({
          request,
          data: prev.data,
          error: err instanceof Error ? err : new Error(String(err)),
        })),
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure on every render; `request` says when its inputs changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);

  return { data: settled.data, error: settled.error, loading: settled.request !== request, reload };
}
