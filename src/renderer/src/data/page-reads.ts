/**
 * The reads a lazily loaded page makes first, started when the route changes to it: the page's chunk (Stats:
 * recharts, ~475 KB) and its calls then load together, instead of the calls waiting for the chunk to arrive, be
 * parsed and render. The page asks with the same keys and finds them in flight or answered (or still fresh).
 * Kept out of the pages' own modules, which would bring their chunks into the app's.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { StatsFilter } from '../../../shared/stats-types';
import type { Page } from '../hooks/useRoute';
import { apiQuery } from './client';

/** The Stats page's filter when it opens: the whole history. */
export const STATS_FIRST_FILTER: StatsFilter = { range: 'all' };

export function prefetchPageReads(client: QueryClient, page: Page): void {
  if (page !== 'stats') return;
  void client.prefetchQuery(apiQuery('getBankSummary'));
  void client.prefetchQuery(apiQuery('getLevelStats', STATS_FIRST_FILTER));
  void client.prefetchQuery(apiQuery('getKeywordStats', STATS_FIRST_FILTER));
  void client.prefetchQuery(apiQuery('getActivityStats', STATS_FIRST_FILTER));
}
