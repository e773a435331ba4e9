/**
 * The query client and the typed pieces every page uses: keys from [call, input], a read's query
 * options, and a write that invalidates what it changed. How to use them: ./README.md.
 */
import { QueryClient, queryOptions, type QueryKey, type UseMutationOptions } from '@tanstack/react-query';
import type { InputOf, ResultOf } from '../../../shared/api';
import { ApiError } from '../../../shared/errors';
import { api } from '../api';
import { WRITE_EFFECTS, type ReadCall, type WriteCall } from '../../../shared/call-effects';

/** A call's input, which may be left out when the call takes none. */
export type InputArgs<K extends ReadCall | WriteCall> =
  undefined extends InputOf<K> ? [input?: InputOf<K>] : [input: InputOf<K>];

/** The cache key of a read: the call's name, then its input. Invalidating `[call]` reaches every input. */
export type ApiKey<K extends ReadCall> = readonly [K, InputOf<K> | undefined];

export function apiKey<K extends ReadCall>(call: K, ...[input]: InputArgs<K>): ApiKey<K> {
  return [call, input];
}

/** Calls the bridge by name; `api`'s own type has one signature per call, which a generic name cannot pick. */
export function callApi<K extends ReadCall | WriteCall>(call: K, input: InputOf<K> | undefined): Promise<ResultOf<K>> {
  return (api[call] as (input?: unknown) => Promise<ResultOf<K>>)(input);
}

/** The query options of a read: for useQuery, prefetchQuery, fetchQuery and ensureQueryData alike. */
export function apiQuery<K extends ReadCall>(call: K, ...[input]: InputArgs<K>) {
  return queryOptions<ResultOf<K>, Error, ResultOf<K>, ApiKey<K>>({
    queryKey: [call, input],
    queryFn: () => callApi(call, input),
  });
}

/** Marks stale (and refetches, where a page shows them) every read the write changes; resolves once they are fresh. */
export async function invalidateAfter(client: QueryClient, call: WriteCall): Promise<void> {
  const reads: readonly ReadCall[] = WRITE_EFFECTS[call];
  await Promise.all(
    [...new Set(reads)].map((read) => client.invalidateQueries({ queryKey: [read] satisfies QueryKey })),
  );
}

/** What `mutate` takes: the call's input, or nothing for a call without one. */
export type WriteInput<K extends WriteCall> = InputOf<K> extends undefined ? void : InputOf<K>;

export type ApiMutationOptions<K extends WriteCall> = Omit<
  UseMutationOptions<ResultOf<K>, Error, WriteInput<K>>,
  'mutationFn' | 'mutationKey'
> & {
  /**
   * false for a write that leaves the page (resume, then open the session): its onSuccess runs at once, and
   * the reads refetch behind it, instead of the page being left waiting for answers it will not show.
   */
  awaitRefetch?: boolean;
};

/** A write's mutation options (useApiMutation's): the call; on success the invalidation, then your onSuccess. */
export function apiMutation<K extends WriteCall>(
  client: QueryClient,
  call: K,
  options?: ApiMutationOptions<K>,
): UseMutationOptions<ResultOf<K>, Error, WriteInput<K>> {
  const { awaitRefetch = true, ...rest } = options ?? {};
  return {
    ...rest,
    mutationKey: [call],
    mutationFn: (input) => callApi(call, input as InputOf<K>),
    onSuccess: async (...args) => {
      const refetched = invalidateAfter(client, call);
      if (awaitRefetch) await refetched;
      await rest.onSuccess?.(...args);
    },
  };
}

/**
 * A write outside a component (a helper that starts a session, then opens it): the call, then the same
 * invalidation, which marks the reads stale at once but does not wait for the page being left to refetch.
 */
export async function runWrite<K extends WriteCall>(
  client: QueryClient,
  call: K,
  ...[input]: InputArgs<K>
): Promise<ResultOf<K>> {
  const result = await callApi(call, input);
  void invalidateAfter(client, call);
  return result;
}

/** The store answered: asking again gets the same answer. A failure on the way (the bridge, the network) is tried once more. */
const retryOnce = (failures: number, error: Error): boolean => !(error instanceof ApiError) && failures < 1;

/**
 * Defaults for data that lives on this machine and that only this app writes: every write invalidates
 * what it changes, so a read stays fresh for 30 s (a page visited again draws at once, and Home's early
 * calls are not repeated on mount); after that, a page's mount or the window's focus reads again, for
 * answers that move with the clock (reviews come due, a day's streak). `networkMode: 'always'`: the
 * store is not on the network, so being offline must not pause anything.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: retryOnce, networkMode: 'always' },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}

/** The app's one client (boot.tsx provides it; helpers outside components use it directly). */
export const queryClient = createQueryClient();
