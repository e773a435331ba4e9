import { useState } from 'react';
import type { InputOf } from '../../../../shared/api';
import type { ImportResult, JobProgress } from '../../../../shared/transfer';
import { api } from '../../api';
import { useJob } from '../../hooks/useJob';

interface CommitState {
  running: boolean;
  /** Why the last import wrote nothing, in the words main gave (a taken deck name, an invalid file). */
  error: string | null;
  cancelled: boolean;
}

const IDLE: CommitState = { running: false, error: null, cancelled: false };

/** Why a finished import job wrote nothing; null when it was cancelled. */
function failedWith(end: JobProgress | null): string | null {
  if (!end || end.state === 'cancelled') return null;
  return end.error ?? 'The import stopped. Nothing was imported.';
}

/**
 * Committing an import as a job: written off the thread that answers calls, its progress polled for <JobProgress>,
 * Cancel writing nothing. When it stops, what it wrote is read again (call-effects.ts).
 */
export function useImportCommit() {
  const job = useJob();
  const [state, setState] = useState<CommitState>(IDLE);

  /** What the import wrote, or null when it wrote nothing (cancelled or failed: `error` says why). */
  const commit = async (input: InputOf<'startImport'>): Promise<ImportResult | null> => {
    if (state.running) return null;
    setState({ ...IDLE, running: true });
    try {
      const end = await job.run(() => api.startImport(input), { changes: 'startImport' });
      if (end?.state === 'done' && end.imported) {
        setState(IDLE);
        return end.imported;
      }
      setState({ running: false, cancelled: end?.state === 'cancelled', error: failedWith(end) });
    } catch (error) {
      setState({ running: false, cancelled: false, error: error instanceof Error ? error.message : String(error) });
    }
    return null;
  };

  return { job, ...state, commit, reset: () => setState((s) => (s.running ? s : IDLE)) };
}
