import { ApiError } from '../../shared/api';
import type { Handlers } from './context';

/**
 * The health calls of an api built on an open store: it passed its check (the app answers these calls itself
 * while a damaged store is refused, see app.ts).
 */
export function healthApi() {
  return {
    getStoreHealth: () => ({ status: 'ok' as const, recovery: null }),
    recoverStore: () => {
      throw new ApiError('conflict', 'The data file is sound: there is nothing to recover.');
    },
  } satisfies Partial<Handlers>;
}
