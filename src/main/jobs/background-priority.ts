import os from 'node:os';

/**
 * Lowers the calling thread's priority (nice 10: about a tenth of a core while it competes, never starved), so that
 * work nobody waits for (the start-up check of a big store: seconds of CPU) yields the processor to the thread that
 * answers calls and to the browser drawing the first page. On Linux `setpriority` with pid 0 applies to the calling
 * thread only; elsewhere it would lower the whole process, the thread that answers calls with it, so it is left.
 */
export function lowerThisThreadPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not allowed (a sandbox or a policy): the work runs at the normal priority, as it would elsewhere.
  }
}
