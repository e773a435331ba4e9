import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError, callNames, type CallName } from '../shared/api';
import type { RecoveryAction, StoreHealth } from '../shared/transfer';
import { createApi, type Handlers } from './api';
import type { FileDialogs } from './api/context';
import { startBackupTimer, type BackupTimer, type Timers } from './backup-timer';
import { checkpointWhenIdle } from './api/idle';
import { bundledDecks } from './bundled-decks';
import type { WorkerSpec } from './jobs/history-export';
import { Jobs } from './jobs/registry';
import { systemClock, type Clock } from './clock';
import { DB_FILE, openDb, StoreDamagedError, type Db } from './store/database';
import { installBundledDeck } from './store/bundled';
import { damagedFileName, newestGoodBackup, peekNewestGoodBackup, setDamagedAside } from './store/recovery';

export interface AppCore {
  /** The open store; throws while a damaged one is refused. */
  readonly db: Db;
  /** Every call; the same object for the app's whole life, whatever the store behind it. */
  api: Handlers;
  /** Long work (exports): browser mode hands out their finished files. */
  jobs: Jobs;
  health(): StoreHealth;
  /** Closes the store now (no quit backup). */
  close(): void;
  /** Quitting: the last automatic backup if the data changed, then close. */
  shutdown(): Promise<void>;
}

export interface AppCoreOptions {
  dialogs?: FileDialogs;
  /** The automatic backups' timer: real timers by default, fake ones in tests, false for none. */
  timers?: Timers | false;
  /** The history export's worker (the built out/main/history-export-worker.mjs); without it, exports run in chunks here. */
  exportWorker?: WorkerSpec;
  /** The restore's checks (out/main/restore-check-worker.mjs); without it, they run here. */
  restoreCheckWorker?: WorkerSpec;
}

const REFUSED =
  "Prepdeck's data file is damaged, so it is not being used (nothing was written to it). " +
  'Choose on the start screen: restore the newest good backup, or start with an empty store.';

/**
 * Opens the store, installs the bundled decks if they are new, and builds the api: shared by Electron and browser
 * mode. A store that fails its check at start is not used: the app still starts, getStoreHealth says what
 * happened, every other call answers a `storage` error, and recoverStore is the way out.
 */
export async function openAppCore(
  dataDir: string,
  clock: Clock = systemClock,
  options: AppCoreOptions = {},
): Promise<AppCore> {
  let live: { db: Db; api: Handlers; timer: BackupTimer | null; closeIdle: () => void } | null = null;
  const jobs = new Jobs();
  let damaged: { problem: string; keepAs: string; report: StoreHealth | null } | null = null;
  let recovery: Extract<StoreHealth, { status: 'ok' }>['recovery'] = null;
  const backupsDir = path.join(dataDir, 'backups');

  const openLive = async (): Promise<void> => {
    const db = await openDb(dataDir);
    for (const bundled of bundledDecks()) installBundledDeck(db, bundled, clock.now());
    // Checkpoints run when the store is quiet, not inside a save (api/idle.ts).
    const served = checkpointWhenIdle(
      createApi(db, clock, {
        dataDir,
        dialogs: options.dialogs,
        jobs,
        exportWorker: options.exportWorker,
        restoreCheckWorker: options.restoreCheckWorker,
      }),
      db,
    );
    const timer = options.timers === false ? null : startBackupTimer({ db, dataDir, clock, timers: options.timers });
    live = { db, api: served.api, timer, closeIdle: served.close };
  };

  try {
    await openLive();
  } catch (error) {
    if (!(error instanceof StoreDamagedError)) throw error;
    console.error(`The data file is damaged and was not opened: ${error.message}`);
    damaged = { problem: error.message, keepAs: damagedFileName(dataDir, clock.now()), report: null };
  }

  const health = (): StoreHealth => {
    if (!damaged) return { status: 'ok', recovery };
    damaged.report ??= {
      status: 'damaged',
      problem: damaged.problem,
      file: path.join(dataDir, DB_FILE),
      keepAs: damaged.keepAs,
      newestGood: peekNewestGoodBackup(backupsDir),
    };
    return damaged.report;
  };

  const recover = async (action: RecoveryAction): Promise<StoreHealth> => {
    if (!damaged) throw new ApiError('conflict', 'The data file is sound: there is nothing to recover.');
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-recovery-'));
    try {
      const good = action === 'restore-newest' ? newestGoodBackup(backupsDir, work) : null;
      if (action === 'restore-newest' && !good) {
        throw new ApiError(
          'not_found',
          'No backup passes its check, so none can be restored. Start with an empty store.',
        );
      }
      setDamagedAside(dataDir, damaged.keepAs, good?.copy ?? null);
      recovery = { damagedFile: damaged.keepAs, restoredFrom: good?.info.fileName ?? null };
      damaged = null;
      await openLive();
      return health();
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  };

  const api = Object.fromEntries(
    callNames.map((name: CallName) => [
      name,
      (input: unknown) => {
        if (name === 'getStoreHealth') return health();
        if (name === 'recoverStore') return recover((input as { action: RecoveryAction }).action);
        if (!live) throw new ApiError('storage', REFUSED);
        return (live.api[name] as (input: unknown) => unknown)(input);
      },
    ]),
  ) as Handlers;

  const close = (): void => {
    live?.timer?.stop();
    live?.closeIdle();
    if (live?.db.open) live.db.close();
  };

  return {
    get db(): Db {
      if (!live) throw new Error(REFUSED);
      return live.db;
    },
    api,
    jobs,
    health,
    close,
    shutdown: async () => {
      await jobs.closeAll();
      await live?.timer?.finish();
      close();
    },
  };
}
