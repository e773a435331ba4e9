import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { ImportFormat } from '../../../../shared/transfer';
import { api } from '../../api';
import { settleTarget, type Chosen, type Options, type Request, type Shown } from './import-request';

/** The last preview request failed: the request, and main's message. */
export interface Failure {
  key: string;
  request: Request;
  message: string;
}

/**
 * The preview of the import as chosen: the last one that worked stays on screen while a newer one
 * loads or after one failed (its controls are how the person gets out of it). The first preview of a
 * source left on "auto" settles the target deck in `setOptions`.
 */
export function useImportPreview(
  chosen: Chosen | null,
  request: Request | null,
  setOptions: Dispatch<SetStateAction<Options>>,
) {
  const [shown, setShown] = useState<Shown | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  /** The format Prepdeck detected for the chosen source; null until a preview without a format override worked. */
  const [detected, setDetected] = useState<ImportFormat | null>(null);
  const sequence = useRef(0);
  const requestKey = request ? JSON.stringify(request) : '';

  useEffect(() => {
    if (!chosen) return;
    const mine = ++sequence.current;
    // Typing a deck name should not send a request per key.
    const timer = setTimeout(() => {
      const sent = JSON.parse(requestKey) as Request;
      api.previewImport(sent).then(
        (result) => {
          if (mine !== sequence.current) return;
          setShown({ key: requestKey, request: sent, preview: result });
          setFailure(null);
          if (!sent.format) setDetected(result.format);
          setOptions((o) => settleTarget(o, result));
        },
        (e: unknown) => {
          if (mine !== sequence.current) return;
          setFailure({ key: requestKey, request: sent, message: (e as Error).message });
        },
      );
    }, 150);
    return () => clearTimeout(timer);
  }, [chosen, requestKey, setOptions]);

  // The preview (or error) on screen answers these choices; until it does, the import waits.
  const settledKey = failure?.key ?? shown?.key ?? null;
  const pending = chosen !== null && settledKey !== requestKey;
  const clear = () => {
    sequence.current++;
    setShown(null);
    setFailure(null);
    setDetected(null);
  };
  return { shown, failure, detected, pending, clear };
}
