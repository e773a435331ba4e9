import { createApi, type Handlers } from './api';
import type { FileDialogs } from './api/context';
import { checkpointWhenIdle } from './api/idle';
import { bundledDecks } from './bundled-decks';
import { systemClock, type Clock } from './clock';
import { openDb, type Db } from './store/database';
import { installBundledDeck } from './store/bundled';

export interface AppCore {
  db: Db;
  api: Handlers;
  close(): void;
}

/** Opens the store, installs the bundled decks if they are new, and builds the api: shared by Electron and browser mode. */
export async function openAppCore(
  dataDir: string,
  clock: Clock = systemClock,
  options: { dialogs?: FileDialogs } = {},
): Promise<AppCore> {
  const db = await openDb(dataDir);
  for (const bundled of bundledDecks()) installBundledDeck(db, bundled, clock.now());
  const served = checkpointWhenIdle(createApi(db, clock, { dataDir, dialogs: options.dialogs }), db);
  return {
    db,
    api: served.api,
    close: () => {
      served.close();
      if (db.open) db.close();
    },
  };
}
