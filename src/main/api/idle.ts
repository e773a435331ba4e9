import { idleCheckpoints } from '../store/checkpoints';
import type { Db } from '../store/db';
import type { Handlers } from './context';

/**
 * The api with a checkpoint after each burst of calls (see store/checkpoints.ts): what Electron and
 * browser mode serve. `close` checkpoints and truncates the WAL; the caller closes the store after.
 */
export function checkpointWhenIdle(api: Handlers, db: Db): { api: Handlers; close(): void } {
  const checkpoints = idleCheckpoints(db);
  const wrapped = Object.fromEntries(
    Object.entries(api).map(([name, handler]) => [
      name,
      (input: unknown) => {
        let result: unknown;
        try {
          result = (handler as (input: unknown) => unknown)(input);
        } finally {
          if (!(result instanceof Promise)) checkpoints.touched();
        }
        return result instanceof Promise ? result.finally(() => checkpoints.touched()) : result;
      },
    ]),
  ) as Handlers;
  return { api: wrapped, close: () => checkpoints.close() };
}
