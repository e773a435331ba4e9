import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { WriteCall } from '../../../shared/call-effects';
import type { JobProgress } from '../../../shared/transfer';
import { api } from '../api';
import { invalidateAfter } from '../data/client';
import { useApiMutation } from '../data/hooks';
import { estimateMsLeft } from '../lib/time-left';

const POLL_MS = 250;
export interface RunningJob {
  progress: JobProgress;
  /** Time left at the rate so far; null until it has been measured for a second. */
  msLeft: number | null;
  cancelling: boolean;
}

/** What a job writes: when it stops (done, cancelled or failed), the reads that write changes are read again. */
export interface JobOptions {
  changes?: WriteCall;
}

/**
 * Long work from the page's side: starts a job, polls it until it stops, and says how far it is for <Progress>.
 * `run` resolves with the job's last state (null when the person cancelled before it started).
 */
export function useJob() {
  const [job, setJob] = useState<RunningJob | null>(null);
  const { mutateAsync: cancelJob } = useApiMutation('cancelJob');
  const client = useQueryClient();

  const run = useCallback(
    async (start: () => Promise<{ jobId: string } | null>, options: JobOptions = {}): Promise<JobProgress | null> => {
      const started = await start();
      if (!started) return null;
      let first: { at: number; done: number } | null = null;
      let stage: string | undefined;
      try {
        for (;;) {
          // Polled directly, not cached: each answer is a moment of one job, never asked for again.
          const progress = await api.getJob(started);
          if (progress.state !== 'running') return progress;
          const at = Date.now();
          // A job in stages counts each stage afresh: the rate is measured again from the new stage's start.
          if (progress.stage?.label !== stage) [stage, first] = [progress.stage?.label, null];
          if (first === null && progress.done > 0) first = { at, done: progress.done };
          const msLeft = estimateMsLeft(first, at, progress.done, progress.total);
          setJob((current) => ({ progress, msLeft, cancelling: current?.cancelling ?? false }));
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        }
      } finally {
        setJob(null);
        // A job's writes land as it runs (a cancelled re-score keeps its chunks): what they change is read again.
        if (options.changes) void invalidateAfter(client, options.changes);
      }
    },
    [client],
  );

  const cancel = useCallback(async (): Promise<void> => {
    if (!job) return;
    setJob({ ...job, cancelling: true });
    await cancelJob({ jobId: job.progress.jobId });
  }, [job, cancelJob]);

  return { job, run, cancel };
}
