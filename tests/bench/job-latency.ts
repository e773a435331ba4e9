/** A job polled to its end while a session call (getSession) is made and timed every 20 ms, as a person practising. */
import { performance } from 'node:perf_hooks';
import type { Handlers } from '../../src/main/api';
import { dispatch } from '../../src/main/api/dispatch';
import type { JobProgress } from '../../src/shared/transfer';

export interface JobRun {
  end: JobProgress;
  seconds: number;
  /** getSession's latencies while the job ran, sorted, in ms. */
  latencies: number[];
}

export const quantile = (sorted: readonly number[], q: number): number =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** `getSession: n calls, p50 … ms, p99 … ms, max … ms`. */
export function latencyLine(latencies: readonly number[]): string {
  return (
    `getSession during it: ${latencies.length} calls, p50 ${quantile(latencies, 0.5).toFixed(1)} ms, ` +
    `p99 ${quantile(latencies, 0.99).toFixed(1)} ms, max ${(latencies.at(-1) ?? 0).toFixed(1)} ms`
  );
}

export async function runJobTimingCalls(
  api: Handlers,
  start: () => Promise<{ jobId: string }>,
  sessionId: number,
  onProgress: (progress: JobProgress) => void = () => {},
): Promise<JobRun> {
  const begun = performance.now();
  const { jobId } = await start();
  const latencies: number[] = [];
  for (;;) {
    const t = performance.now();
    const session = await dispatch(api, 'getSession', { sessionId });
    latencies.push(performance.now() - t);
    if (!session.ok) throw new Error(session.error.message);
    const job = await dispatch(api, 'getJob', { jobId });
    if (!job.ok) throw new Error(job.error.message);
    const progress = job.value as JobProgress;
    onProgress(progress);
    if (progress.state !== 'running') {
      return { end: progress, seconds: (performance.now() - begun) / 1000, latencies: latencies.sort((a, b) => a - b) };
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
