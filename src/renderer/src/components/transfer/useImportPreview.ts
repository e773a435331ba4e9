import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { ImportFormat } from '../../../../shared/transfer';
import { useApiQuery } from '../../data/hooks';
import { settleTarget, type Options, type Request, type Shown } from './import-request';

/** The last preview request failed: the request, and main's message. */
export interface Failure {
  request: Request;
  message: string;
  error: Error;
}

/** The request as it was `ms` ago, once it has stopped changing: typing a deck name sends one request, not one per key. */
function useSettled(request: Request | null, ms: number): { request: Request | null; key: string } {
  const key = request ? JSON.stringify(request) : '';
  const [settled, setSettled] = useState({ request, key });
  useEffect(() => {
    if (key === settled.key) return;
    const timer = setTimeout(() => setSettled({ request, key }), request ? ms : 0);
    return () => clearTimeout(timer);
  }, [key, settled.key, request, ms]);
  return settled;
}

/**
 * The preview of the import as chosen (a read of the data layer, keyed by the request). The last preview
 * that worked stays on screen while a newer one loads or after one failed: its controls are how the person
 * gets out of it. The first preview of a source left on "auto" settles the target deck in `setOptions`.
 */
export function useImportPreview(request: Request | null, setOptions: Dispatch<SetStateAction<Options>>) {
  const sent = useSettled(request, 150);
  const query = useApiQuery('previewImport', sent.request ?? { source: { kind: 'text', text: '' } }, {
    enabled: sent.request !== null,
    placeholderData: keepPreviousData,
    // A file's bytes are in the key: an old preview is not kept once nothing shows it.
    gcTime: 0,
  });
  const [shown, setShown] = useState<Shown | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  /** The format Prepdeck detected for the chosen source; null until a preview without a format override worked. */
  const [detected, setDetected] = useState<ImportFormat | null>(null);

  // The answer to the choices as they are now (not to older ones, nor a placeholder while they load) becomes
  // what the panel shows; until it comes, the last one stays (React's "state from a new prop" pattern).
  const requestKey = request ? JSON.stringify(request) : '';
  const answered = sent.request !== null && sent.key === requestKey && !query.isPending && !query.isPlaceholderData;
  if (answered && query.isSuccess && shown?.preview !== query.data) {
    setShown({ request: sent.request!, preview: query.data });
    setFailure(null);
    if (!sent.request!.format) setDetected(query.data.format);
    setOptions((o) => settleTarget(o, query.data));
  }
  if (answered && query.isError && failure?.error !== query.error) {
    setFailure({ request: sent.request!, message: query.error.message, error: query.error });
  }

  const clear = () => {
    setShown(null);
    setFailure(null);
    setDetected(null);
  };
  // Until the choices are answered, the import waits.
  return { shown, failure, detected, pending: request !== null && !answered, clear };
}
