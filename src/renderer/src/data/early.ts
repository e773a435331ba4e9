/**
 * The first page's calls, started by the entry module (main.tsx) before React and the app have even been fetched:
 * the store answers them while the browser parses the rest. boot.tsx hands them to the query cache, so the
 * components find them in flight or answered. Plain calls through `api`: nothing here may pull in React or
 * TanStack Query, or the entry would grow by what it is meant to run ahead of.
 */
import type { ReadCall } from '../../../shared/call-effects';
import { api } from '../api';

/** Calls that take no input, as the first page makes them: the cache key is [call, undefined]. */
type EarlyCall = Extract<
  ReadCall,
  'getStoreHealth' | 'getBankSummary' | 'getHomeStats' | 'getActiveSession' | 'getReviewSummary'
>;

/** Every page: the store gate asks first. */
export const GATE_CALLS: readonly EarlyCall[] = ['getStoreHealth'];
/**
 * Home: the bank summary and its three cards. Not the re-score notice's count (getScorerStatus): after a scorer
 * update it counts most of the history (~30 ms warm, 150-300 ms cold at 1M answers), and the server answers one
 * call at a time, so the notice asks for it once the page is drawn and the browser is idle (hooks/useIdle.ts).
 */
export const HOME_CALLS: readonly EarlyCall[] = [
  'getBankSummary',
  'getHomeStats',
  'getActiveSession',
  'getReviewSummary',
];

const started = new Map<EarlyCall, Promise<unknown>>();

export function startEarly(calls: readonly EarlyCall[]): void {
  for (const call of calls) {
    const answer = (api[call] as () => Promise<unknown>)();
    // Read by the cache once it exists; until then a failure is not unhandled (the page shows it from there).
    answer.catch(() => {});
    started.set(call, answer);
  }
}

/** The calls started early, each once: the cache takes them over. */
export function takeEarly(): Array<[EarlyCall, Promise<unknown>]> {
  const taken = [...started];
  started.clear();
  return taken;
}
