/** The rate is trusted after this much of it. */
const RATE_AFTER_MS = 1000;

/** Time left from the first sample with progress to the latest one. */
export function estimateMsLeft(
  first: { at: number; done: number } | null,
  at: number,
  done: number,
  total: number,
): number | null {
  if (!first || at - first.at < RATE_AFTER_MS || done <= first.done || total <= done) return null;
  return ((total - done) * (at - first.at)) / (done - first.done);
}
