import type { CallName, ParsedInputOf, ResultOf } from '../../shared/api';
import type { Clock } from '../clock';
import type { Db } from '../store/database';
import { bankApi } from './bank';
import { libraryApi } from './library';
import { sessionsApi } from './sessions';
import { statsApi } from './stats';
import { transferApi, type FileDialogs } from './transfer';

/** One function per call of the contract; the compiler refuses a missing or extra one. */
export type Handlers = { [K in CallName]: (input: ParsedInputOf<K>) => ResultOf<K> | Promise<ResultOf<K>> };

export interface ApiContext {
  db: Db;
  clock: Clock;
  /** The data folder (backups live in its backups/); absent for an in-memory store. */
  dataDir?: string;
  /** The desktop app's file dialogs; absent in browser mode. */
  dialogs?: FileDialogs;
}

export function createApi(db: Db, clock: Clock, options: { dataDir?: string; dialogs?: FileDialogs } = {}): Handlers {
  const ctx: ApiContext = { db, clock, ...options };
  return {
    ...libraryApi(ctx),
    ...sessionsApi(ctx),
    ...statsApi(ctx),
    ...bankApi(ctx),
    ...transferApi(ctx),
  };
}
