import type { Clock } from '../clock';
import type { Db } from '../store/db';
import { Jobs } from '../jobs/registry';
import type { WorkerSpec } from '../jobs/history-export';
import { decksApi } from './decks';
import { exportJobsApi } from './export-jobs';
import type { ApiContext, FileDialogs, Handlers } from './context';
import { healthApi } from './health';
import { libraryApi } from './library';
import { questionsApi } from './questions';
import { rescoreApi } from './rescore';
import { sessionsApi } from './sessions';
import { statsApi } from './stats';
import { transferApi } from './transfer';
import { WriteGate } from './write-gate';

export type { ApiContext, FileDialogs, Handlers } from './context';

/** Every feature's handlers in one object; `satisfies` makes the compiler refuse a call left unimplemented. */
export function createApi(
  db: Db,
  clock: Clock,
  options: {
    dataDir?: string;
    dialogs?: FileDialogs;
    jobs?: Jobs;
    exportWorker?: WorkerSpec;
    restoreCheckWorker?: WorkerSpec;
  } = {},
): Handlers {
  const writeGate = new WriteGate();
  const ctx: ApiContext = { db, clock, ...options, jobs: options.jobs ?? new Jobs(), writeGate };
  return writeGate.guard({
    ...libraryApi(ctx),
    ...sessionsApi(ctx),
    ...statsApi(ctx),
    ...rescoreApi(ctx),
    ...decksApi(ctx),
    ...questionsApi(ctx),
    ...transferApi(ctx),
    ...exportJobsApi(ctx),
    ...healthApi(),
  } satisfies Handlers);
}
