import { describe, expect, it } from 'vitest';
import { callNames, contract, IPC_PREFIX } from '../../src/shared/api';
import { createApi } from '../../src/main/api';
import { dispatch } from '../../src/main/api/dispatch';
import { registerIpc } from '../../src/main/ipc';
import { openMemoryDb } from '../../src/main/store/database';
import { installBundledDeck } from '../../src/main/store/bundled';
import { bundledDecks } from '../../src/main/bundled-decks';

function api() {
  const db = openMemoryDb();
  for (const deck of bundledDecks()) installBundledDeck(db, deck, 1);
  return createApi(db, { now: () => 1_700_000_000_000 });
}

describe('the contract', () => {
  it('has an implementation for every call and nothing else', () => {
    expect(Object.keys(api()).sort()).toEqual([...callNames].sort());
  });

  it('refuses a call the contract does not name', async () => {
    expect(await dispatch(api(), 'dropEverything', undefined)).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'Unknown call "dropEverything".' },
    });
    expect(await dispatch(api(), '__proto__', undefined)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('refuses a call that main does not implement', async () => {
    const handlers = api() as Partial<ReturnType<typeof api>>;
    delete handlers.listDecks;
    const result = await dispatch(handlers as ReturnType<typeof api>, 'listDecks', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: /does not answer "listDecks"/ } });
  });

  it.each([
    ['listQuestions', { levels: 'Beginner' }, /levels/],
    ['listQuestions', { limit: 0 }, /limit/],
    ['listQuestions', { sneaky: true }, /Unrecognized key/],
    ['getQuestion', { id: -1 }, /id/],
    ['getQuestion', { id: '1' }, /id/],
    ['getQuestion', undefined, /expected object/],
    ['listDecks', { extra: 1 }, /expected undefined/],
  ])('refuses invalid input to %s (%j) with a readable message', async (name, input, message) => {
    const result = await dispatch(api(), name, input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toMatch(message);
      expect(result.error.message).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('answers a valid call and reports a missing question as not_found', async () => {
    const page = await dispatch(api(), 'listQuestions', { levels: ['Beginner'] });
    expect(page).toMatchObject({ ok: true, value: { total: 12 } });
    expect(await dispatch(api(), 'getQuestion', { id: 9999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('binds one IPC channel per call and refuses, and logs, any sender but the main frame of the app', async () => {
    const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
    const logged: string[] = [];
    registerIpc(
      {
        handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) =>
          void handlers.set(channel, fn),
        removeHandler: (channel: string) => void handlers.delete(channel),
      } as never,
      api(),
      (message) => logged.push(message),
    );
    expect([...handlers.keys()].sort()).toEqual(
      Object.keys(contract)
        .map((n) => IPC_PREFIX + n)
        .sort(),
    );
    const call = (senderFrame: unknown) => handlers.get(`${IPC_PREFIX}listDecks`)!({ senderFrame }, undefined);
    const app = 'app://prepdeck/index.html#/decks';
    expect(await call({ url: app, parent: null })).toMatchObject({ ok: true });
    expect(await call({ url: 'https://example.com/', parent: null })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await call({ url: app, parent: { url: app } })).toMatchObject({ ok: false });
    expect(await call({ url: 'file:///work/out/renderer/index.html', parent: null })).toMatchObject({ ok: false });
    expect(await call(null)).toMatchObject({ ok: false });
    expect(logged).toHaveLength(4);
    expect(logged[1]).toMatch(/listDecks.*subframe/);
  });
});
