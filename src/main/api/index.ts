import type { CallName, ParsedInputOf, ResultOf } from '../../shared/api';
import type { Clock } from '../clock';
import type { Db } from '../store/database';
import { bankApi } from './bank';
import { libraryApi } from './library';
import { sessionsApi } from './sessions';
import { statsApi } from './stats';

/** One function per call of the contract; the compiler refuses a missing or extra one. */
export type Handlers = { [K in CallName]: (input: ParsedInputOf<K>) => ResultOf<K> | Promise<ResultOf<K>> };

export interface ApiContext {
  db: Db;
  clock: Clock;
}

export function createApi(db: Db, clock: Clock): Handlers {
  const ctx: ApiContext = { db, clock };
  return {
    ...libraryApi(ctx),
    ...sessionsApi(ctx),
    ...statsApi(ctx),
    ...bankApi(ctx),
  };
}
