import { keepPreviousData, QueryObserver, type QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES } from '../../../shared/call-names';
import { ApiError } from '../../../shared/errors';
import { READ_CALLS, WRITE_EFFECTS, type ReadCall, type WriteCall } from '../../../shared/call-effects';

// The renderer's bridge needs a window; these tests answer each call themselves.
const calls = vi.hoisted(() => new Map<string, (input: unknown) => Promise<unknown>>());
vi.mock('../api', () => ({
  api: new Proxy(
    {},
    {
      get: (_target, name: string) => (input: unknown) =>
        (calls.get(name) ?? (() => Promise.reject(new Error(`no answer for ${name}`))))(input),
    },
  ),
}));

const { apiKey, apiQuery, createQueryClient, invalidateAfter, runWrite } = await import('./client');

const clients: QueryClient[] = [];
function freshClient(): QueryClient {
  const client = createQueryClient();
  clients.push(client);
  return client;
}
afterEach(() => {
  for (const client of clients.splice(0)) client.clear();
  calls.clear();
});

const writes = Object.keys(WRITE_EFFECTS) as WriteCall[];

describe('the read/write map', () => {
  it('puts every call of the contract in exactly one place', () => {
    expect([...READ_CALLS, ...writes].sort()).toEqual([...CALL_NAMES].sort());
    expect(new Set([...READ_CALLS, ...writes]).size).toBe(CALL_NAMES.length);
  });
});

describe('invalidation after a write', () => {
  /** A client holding one cached answer per read call, under two inputs each. */
  function filledClient(): QueryClient {
    const client = freshClient();
    for (const read of READ_CALLS) {
      client.setQueryData([read, undefined], { read });
      client.setQueryData([read, { some: 'input' }], { read });
    }
    return client;
  }
  const invalidated = (client: QueryClient): Set<string> =>
    new Set(
      client
        .getQueryCache()
        .getAll()
        .filter((q) => q.state.isInvalidated)
        .map((q) => q.queryKey[0] as string),
    );

  it.each(writes)('%s invalidates exactly the reads it is mapped to, under every input', async (write) => {
    const client = filledClient();
    await invalidateAfter(client, write);
    expect(invalidated(client)).toEqual(new Set(WRITE_EFFECTS[write]));
    const stale = client.getQueryCache().findAll({ predicate: (q) => q.state.isInvalidated });
    expect(stale).toHaveLength(new Set<ReadCall>(WRITE_EFFECTS[write]).size * 2);
  });

  it('runs the write, then invalidates; a failed write invalidates nothing', async () => {
    const client = filledClient();
    calls.set('deleteQuestion', () => Promise.reject(new ApiError('not_found', 'No question 9')));
    await expect(runWrite(client, 'deleteQuestion', { id: 9 })).rejects.toThrow('No question 9');
    expect(invalidated(client).size).toBe(0);
    calls.set('createBackup', (input) => Promise.resolve({ got: input }));
    await expect(runWrite(client, 'createBackup')).resolves.toEqual({ got: undefined });
    expect(invalidated(client)).toEqual(new Set(['listBackups', 'getStoreHealth']));
  });
});

describe('reads', () => {
  it('are cached under [call, input] and asked once for the same input', async () => {
    const client = freshClient();
    const answer = vi.fn((input: unknown) => Promise.resolve({ sessions: [], input }));
    calls.set('listSessions', answer);
    const input = { offset: 50, limit: 50 };
    expect(apiKey('listSessions', input)).toEqual(['listSessions', input]);
    const [a, b] = await Promise.all([
      client.fetchQuery(apiQuery('listSessions', input)),
      client.fetchQuery(apiQuery('listSessions', { limit: 50, offset: 50 })),
    ]);
    expect(a).toBe(b);
    expect(answer).toHaveBeenCalledTimes(1);
    expect(answer).toHaveBeenCalledWith(input);
    expect(client.getQueryData(apiKey('listSessions', input))).toEqual({ sessions: [], input });
  });

  it('keep a refused call as the error to show, without asking again', async () => {
    const client = freshClient();
    const answer = vi.fn(() => Promise.reject(new ApiError('not_found', 'There is no session 7')));
    calls.set('getSessionResults', answer);
    const observer = new QueryObserver(client, apiQuery('getSessionResults', { sessionId: 7 }));
    const settled = new Promise<void>((resolve) =>
      observer.subscribe((result) => {
        if (result.isError) resolve();
      }),
    );
    await settled;
    const result = observer.getCurrentResult();
    expect(result.error).toBeInstanceOf(ApiError);
    expect(result.error?.message).toBe('There is no session 7');
    expect(result.data).toBeUndefined();
    expect(answer).toHaveBeenCalledTimes(1);
    observer.destroy();
  });

  it('with keepPreviousData, keep the old rows on screen while the next input loads', async () => {
    const client = freshClient();
    const pending = new Map<number, (rows: unknown) => void>();
    calls.set(
      'listSessions',
      (input) => new Promise((resolve) => pending.set((input as { offset: number }).offset, resolve)),
    );
    const options = (offset: number) => ({
      ...apiQuery('listSessions', { offset, limit: 50 }),
      placeholderData: keepPreviousData,
    });
    const observer = new QueryObserver(client, options(0));
    const results: { data: unknown; placeholder: boolean }[] = [];
    observer.subscribe((r) => results.push({ data: r.data, placeholder: r.isPlaceholderData }));
    await vi.waitFor(() => expect(pending.has(0)).toBe(true));
    pending.get(0)!({ page: 'first' });
    await vi.waitFor(() => expect(observer.getCurrentResult().data).toEqual({ page: 'first' }));

    results.length = 0;
    observer.setOptions(options(50));
    await vi.waitFor(() => expect(pending.has(50)).toBe(true));
    expect(observer.getCurrentResult()).toMatchObject({ data: { page: 'first' }, isPlaceholderData: true });
    pending.get(50)!({ page: 'second' });
    await vi.waitFor(() => expect(observer.getCurrentResult().data).toEqual({ page: 'second' }));
    expect(observer.getCurrentResult().isPlaceholderData).toBe(false);
    // Never an empty table between the two pages.
    expect(results.filter((r) => r.data === undefined)).toEqual([]);
    observer.destroy();
  });
});
