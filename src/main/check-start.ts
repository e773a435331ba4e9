/**
 * When the start-up check of the store begins (app.ts). The check of a big store reads the whole file: 1.75 s of a
 * core at a million answers. Begun with the store's opening, it ran beside the first page's loading and drawing and,
 * on two cores, held the first page back by about 100 ms. It begins instead at the first of:
 * - a write: it waits for the check, so the check starts at once (no write waits longer than the check itself);
 * - the first page's calls answered: after the first call, `quietMs` without another;
 * - `latestMs` after the store opened, whatever came.
 * Reads answer meanwhile, as they do while the check runs.
 */
export interface CheckStart {
  /** Settles when the check should begin. */
  readonly begun: Promise<void>;
  /** A call came in: a write begins the check now; a read puts it off until the calls go quiet. */
  called(write: boolean): void;
  /** Stops the timers (the store closed before the check began). */
  cancel(): void;
}

const CHECK_QUIET_MS = 200;
const CHECK_LATEST_MS = 1500;

export function checkStart(quietMs = CHECK_QUIET_MS, latestMs = CHECK_LATEST_MS): CheckStart {
  let begin!: () => void;
  const begun = new Promise<void>((resolve) => (begin = resolve));
  let quiet: NodeJS.Timeout | undefined;
  let done = false;
  const stop = (): void => {
    done = true;
    clearTimeout(quiet);
    clearTimeout(latest);
  };
  const now = (): void => {
    if (done) return;
    stop();
    begin();
  };
  const latest = setTimeout(now, latestMs).unref();
  return {
    begun,
    called(write) {
      if (done) return;
      if (write) return now();
      clearTimeout(quiet);
      quiet = setTimeout(now, quietMs).unref();
    },
    cancel: stop,
  };
}
