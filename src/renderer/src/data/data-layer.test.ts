import { keepPreviousData, MutationObserver, QueryObserver, type QueryClient } from '@tanstack/react-query';
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

const { apiKey, apiMutation, apiQuery, createQueryClient, invalidateAfter, runWrite } = await import('./client');

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

describe("useApiMutation's write", () => {
  it('refetches the mapped reads on screen, stays pending until they answer, then runs its onSuccess', async () => {
    const client = freshClient();
    let deckLists = 0;
    let release: () => void = () => {};
    calls.set('listDecks', () => {
      deckLists += 1;
      if (deckLists === 1) return Promise.resolve(['Django']);
      return new Promise((resolve) => (release = () => resolve(['Django', 'Postgres'])));
    });
    const sessionLists = vi.fn(() => Promise.resolve({ sessions: [] }));
    calls.set('listSessions', sessionLists);
    calls.set('createDeck', (input) => Promise.resolve({ id: 2, ...(input as object) }));
    const decks = new QueryObserver(client, apiQuery('listDecks'));
    const sessions = new QueryObserver(client, apiQuery('listSessions', {}));
    const unsubscribe = [decks.subscribe(() => {}), sessions.subscribe(() => {})];
    await vi.waitFor(() => expect(decks.getCurrentResult().data).toEqual(['Django']));

    const seenOnSuccess: unknown[] = [];
    const mutation = new MutationObserver(
      client,
      apiMutation(client, 'createDeck', {
        onSuccess: (deck) => void seenOnSuccess.push(deck, client.getQueryData(apiKey('listDecks'))),
      }),
    );
    const done = mutation.mutate({ name: 'Postgres' });
    await vi.waitFor(() => expect(deckLists).toBe(2));
    expect(mutation.getCurrentResult().isPending).toBe(true);
    expect(seenOnSuccess).toEqual([]);
    release();
    await done;
    expect(seenOnSuccess).toEqual([{ id: 2, name: 'Postgres' }, ['Django', 'Postgres']]);
    expect(mutation.getCurrentResult().isSuccess).toBe(true);
    expect(sessionLists).toHaveBeenCalledTimes(1); // createDeck does not change the sessions
    for (const stop of unsubscribe) stop();
  });

  it('with awaitRefetch: false, runs its onSuccess at once and refetches behind it (a write that leaves the page)', async () => {
    const client = freshClient();
    let release: (view: unknown) => void = () => {};
    let asked = 0;
    calls.set('getActiveSession', () => {
      asked += 1;
      return asked === 1 ? Promise.resolve({ id: 4 }) : new Promise((resolve) => (release = resolve));
    });
    calls.set('resumeSession', () => Promise.resolve({ id: 4 }));
    const active = new QueryObserver(client, apiQuery('getActiveSession'));
    const stop = active.subscribe(() => {});
    await vi.waitFor(() => expect(active.getCurrentResult().data).toEqual({ id: 4 }));
    const opened: unknown[] = [];
    const mutation = new MutationObserver(
      client,
      apiMutation(client, 'resumeSession', { awaitRefetch: false, onSuccess: (view) => void opened.push(view) }),
    );
    await mutation.mutate({ sessionId: 4 });
    expect(opened).toEqual([{ id: 4 }]);
    expect(asked).toBe(2); // the refetch has started, and has not answered
    expect(active.getCurrentResult().isFetching).toBe(true);
    release(null);
    await vi.waitFor(() => expect(active.getCurrentResult().data).toBeNull());
    stop();
  });

  it('keeps a refused write as its error, and refetches nothing', async () => {
    const client = freshClient();
    const decks = vi.fn(() => Promise.resolve(['Django']));
    calls.set('listDecks', decks);
    calls.set('deleteDeck', () => Promise.reject(new ApiError('not_found', 'There is no deck 5')));
    const observer = new QueryObserver(client, apiQuery('listDecks'));
    const stop = observer.subscribe(() => {});
    await vi.waitFor(() => expect(observer.getCurrentResult().isSuccess).toBe(true));
    const mutation = new MutationObserver(client, apiMutation(client, 'deleteDeck'));
    await expect(mutation.mutate({ id: 5 })).rejects.toThrow('There is no deck 5');
    expect(mutation.getCurrentResult()).toMatchObject({ isError: true, error: { code: 'not_found' } });
    expect(decks).toHaveBeenCalledTimes(1);
    expect(client.getQueryState(apiKey('listDecks'))?.isInvalidated).toBe(false);
    stop();
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
