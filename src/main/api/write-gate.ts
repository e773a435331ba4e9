import { ApiError } from '../../shared/api';
import { WRITE_EFFECTS, type WriteCall } from '../../shared/call-effects';

/** Writes that go on while a restore runs: stopping a job changes no data. */
const ALWAYS_OPEN: ReadonlySet<string> = new Set<WriteCall>(['cancelJob']);

/**
 * Closes the calls that change data while a restore runs: the restore replaces every row when it commits, so a write
 * made meanwhile would be lost, and it would wait on the restore's write lock besides. They are refused with words
 * that say why and what to do; reads, file dialogs, downloads and the job calls answer as ever.
 */
export class WriteGate {
  private reason: string | null = null;
  private readonly replacedListeners: Array<() => void> = [];

  /** `listener` runs each time a restore has replaced the data: what this run remembers of the old data is stale. */
  whenReplaced(listener: () => void): void {
    this.replacedListeners.push(listener);
  }

  /** A restore committed: every row is the backup's now. */
  replaced(): void {
    for (const listener of this.replacedListeners) listener();
  }

  close(reason: string): void {
    this.reason = reason;
  }

  open(): void {
    this.reason = null;
  }

  guard<Api extends object>(api: Api): Api {
    const changesData = (name: string): boolean =>
      name in WRITE_EFFECTS && WRITE_EFFECTS[name as WriteCall].length > 0 && !ALWAYS_OPEN.has(name);
    return Object.fromEntries(
      Object.entries(api).map(([name, handler]) => [
        name,
        changesData(name)
          ? (input: unknown) => {
              if (this.reason !== null) throw new ApiError('conflict', this.reason);
              return (handler as (input: unknown) => unknown)(input);
            }
          : handler,
      ]),
    ) as Api;
  }
}
