import type { Clock } from '../clock';
import type { Db } from '../store/db';
import { bankApi } from './bank';
import type { ApiContext, FileDialogs, Handlers } from './context';
import { libraryApi } from './library';
import { sessionsApi } from './sessions';
import { statsApi } from './stats';
import { transferApi } from './transfer';

export type { ApiContext, FileDialogs, Handlers } from './context';

/** Every feature's handlers in one object; `satisfies` makes the compiler refuse a call left unimplemented. */
export function createApi(db: Db, clock: Clock, options: { dataDir?: string; dialogs?: FileDialogs } = {}): Handlers {
  const ctx: ApiContext = { db, clock, ...options };
  return {
    ...libraryApi(ctx),
    ...sessionsApi(ctx),
    ...statsApi(ctx),
    ...bankApi(ctx),
    ...transferApi(ctx),
  } satisfies Handlers;
}
