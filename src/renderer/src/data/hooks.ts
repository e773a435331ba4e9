import {
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationResult,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { InputOf, ResultOf } from '../../../shared/api';
import type { ReadCall, WriteCall } from '../../../shared/call-effects';
import { apiMutation, apiQuery, type ApiKey, type ApiMutationOptions, type InputArgs, type WriteInput } from './client';

export type { ApiMutationOptions, WriteInput } from './client';

export type ApiQueryOptions<K extends ReadCall> = Omit<
  UseQueryOptions<ResultOf<K>, Error, ResultOf<K>, ApiKey<K>>,
  'queryKey' | 'queryFn'
>;

/** A read's arguments after its name: the input (optional when the call takes none), then options. */
export type QueryArgs<K extends ReadCall> =
  undefined extends InputOf<K>
    ? [input?: InputOf<K>, options?: ApiQueryOptions<K>]
    : [input: InputOf<K>, options?: ApiQueryOptions<K>];

/**
 * A read: `useApiQuery('listSessions', { offset, limit })`. Cached under [call, input]; a new input is a
 * new request, and a write that changes this call's answer refetches it (see shared/call-effects.ts).
 */
export function useApiQuery<K extends ReadCall>(call: K, ...args: QueryArgs<K>): UseQueryResult<ResultOf<K>, Error> {
  const [input, options] = args as [InputOf<K>, ApiQueryOptions<K>?];
  return useQuery({ ...apiQuery(call, ...([input] as InputArgs<K>)), ...options });
}

/**
 * A write: `const save = useApiMutation('saveQuestion')`, then `save.mutate(input)` or `await
 * save.mutateAsync(input)`; `save.isPending` and `save.error` replace hand-kept busy and error flags. On
 * success it invalidates the reads shared/call-effects.ts maps the write to, and stays pending until the ones on
 * screen are fresh, before your own onSuccess runs.
 */
export function useApiMutation<K extends WriteCall>(
  call: K,
  options?: ApiMutationOptions<K>,
): UseMutationResult<ResultOf<K>, Error, WriteInput<K>> {
  return useMutation(apiMutation(useQueryClient(), call, options));
}
