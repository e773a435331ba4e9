/**
 * Deleting the bundled Django deck is a hard delete that the store remembers (issue 14): the next start does not
 * install it again, and the Decks page can add it back, as on a first start.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppCore, type AppCore } from '../../src/main/app';
import { bundledDecks } from '../../src/main/bundled-decks';
import { installBundledDeck } from '../../src/main/store/bundled';
import { callApi, diskApp, failureOf } from './harness';

const NOW = Date.UTC(2026, 2, 10, 9, 30);
const clock = { now: () => NOW };
const django = bundledDecks()[0]!;

let dir: string;
let cores: AppCore[] = [];
afterEach(() => {
  for (const core of cores) core.close();
  cores = [];
  fs.rmSync(dir, { recursive: true, force: true });
});

async function firstStart(): Promise<AppCore> {
  const app = await diskApp(clock, 'prepdeck-bundled-removed-');
  dir = app.dir;
  cores.push(app.core);
  return app.core;
}

/** Closes the store and opens the folder again, as the next start of the app does (bundled install included). */
async function restart(core: AppCore): Promise<AppCore> {
  core.close();
  cores = cores.filter((c) => c !== core);
  const next = await openAppCore(dir, clock, { timers: false });
  cores.push(next);
  return next;
}

const deckNames = async (core: AppCore): Promise<string[]> =>
  (await callApi(core.api, 'libraryOverview')).decks.map((d) => d.name);

describe('a deleted bundled deck', () => {
  it('stays deleted across a restart, and can be added again', async () => {
    let core = await firstStart();
    const installed = (await callApi(core.api, 'libraryOverview')).decks.find((d) => d.bundled)!;
    expect(installed.name).toBe('Django');
    expect(await callApi(core.api, 'listRemovedBundledDecks')).toEqual([]);

    await callApi(core.api, 'deleteDeck', { id: installed.id });
    core = await restart(core);
    expect(await deckNames(core)).toEqual([]);
    expect(installBundledDeck(core.db, django, NOW)).toBe('removed');
    expect(await deckNames(core)).toEqual([]);
    expect(await callApi(core.api, 'listRemovedBundledDecks')).toEqual([
      { slug: 'django', name: 'Django', questionCount: django.deck.questions.length },
    ]);

    const added = await callApi(core.api, 'addBundledDeck', { slug: 'django' });
    expect(added).toMatchObject({ name: 'Django', bundled: true, questionCount: django.deck.questions.length });
    expect(await callApi(core.api, 'listRemovedBundledDecks')).toEqual([]);
    expect(await failureOf(core.api, 'addBundledDeck', { slug: 'django' })).toMatchObject({ code: 'not_found' });

    // Added back, it is an ordinary installed copy again: the next start leaves it as it is.
    core = await restart(core);
    expect(await deckNames(core)).toEqual(['Django']);
    expect(installBundledDeck(core.db, django, NOW)).toBe('current');
  });

  it('is not added over a deck of the person that took its name', async () => {
    const core = await firstStart();
    const installed = (await callApi(core.api, 'libraryOverview')).decks[0]!;
    await callApi(core.api, 'deleteDeck', { id: installed.id });
    await callApi(core.api, 'createDeck', { name: 'django' });
    const refused = await failureOf(core.api, 'addBundledDeck', { slug: 'django' });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/already a deck called “Django”\. Rename it/);
    expect(await callApi(core.api, 'listRemovedBundledDecks')).toHaveLength(1);
  });

  it('a deleted deck of the person is simply gone: nothing is remembered for it', async () => {
    const core = await firstStart();
    const own = await callApi(core.api, 'createDeck', { name: 'Python' });
    await callApi(core.api, 'deleteDeck', { id: own.id });
    expect(core.db.prepare('SELECT count(*) FROM bundled_removed').pluck().get()).toBe(0);
    expect(core.db.prepare('SELECT count(*) FROM decks WHERE id = ?').pluck().get(own.id)).toBe(0);
  });
});
