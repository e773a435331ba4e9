import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError, callNames, type CallName } from '../shared/api';
import { READ_CALLS } from '../shared/call-effects';
import type { RecoveryAction, StoreHealth } from '../shared/transfer';
import { createApi, type Handlers } from './api';
import type { FileDialogs } from './api/context';
import { startBackupTimer, type BackupTimer, type Timers } from './backup-timer';
import { checkpointWhenIdle } from './api/idle';
import { checkStart, type CheckStart } from './check-start';
import { bundledDecks } from './bundled-decks';
import type { WorkerSpec } from './jobs/history-export';
import { Jobs } from './jobs/registry';
import { systemClock, type Clock } from './clock';
import type { StoreChecker } from './jobs/store-check';
import { DB_FILE, failedCheck, openServedDb, StoreDamagedError, type Db } from './store/database';
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
  /** The restore worker (out/main/restore-check-worker.mjs): the whole restore, on its own connection; without it, here. */
  restoreCheckWorker?: WorkerSpec;
  /**
   * The start-up check off the path to the first page (jobs/store-check.ts): a store that needs no migration is
   * served at once, reads answer, and every write waits until the check passes. Without it, the check runs first.
   */
  storeCheck?: StoreChecker;
}

interface Live {
  db: Db;
  /** The served calls: a checkpoint after each burst. */
  api: Handlers;
  /** The same calls without checkpoints: the reads made while the check runs, which must not write the file. */
  raw: Handlers;
  timer: BackupTimer | null;
  closeIdle: () => void;
}

const READS: ReadonlySet<string> = new Set(READ_CALLS);

const REFUSED =
  "Prepdeck's data file is damaged, so it is not being used (nothing was written to it). " +
  'Choose on the start screen: restore the newest good backup, or start with an empty store.';

/**
 * Every call: the health ones answered here, the others by the store. While the start-up check runs, reads
 * answer and writes wait for it, in the order they came.
 */
function routeCalls(route: {
  health(): StoreHealth;
  recover(action: RecoveryAction): Promise<StoreHealth>;
  serve(name: CallName, input: unknown): unknown;
  checking(): Promise<void> | null;
  /** Every call but the health ones while the check is waiting to begin (check-start.ts). */
  called(write: boolean): void;
}): Handlers {
  const call = (name: CallName, input: unknown): unknown => {
    const checking = route.checking();
    if (name === 'getStoreHealth') {
      // The start screen asks once more, waiting, so that it learns of a failed check without a reload.
      const wait = (input as { untilChecked?: boolean } | undefined)?.untilChecked;
      return wait && checking ? checking.then(route.health) : route.health();
    }
    if (name === 'recoverStore') return route.recover((input as { action: RecoveryAction }).action);
    if (checking) route.called(!READS.has(name));
    if (checking && !READS.has(name)) return checking.then(() => route.serve(name, input));
    return route.serve(name, input);
  };
  return Object.fromEntries(
    callNames.map((name: CallName) => [name, (input: unknown) => call(name, input)]),
  ) as Handlers;
}

/** What writes at start, once the store may be written: the bundled decks' installs and updates, then the backups. */
function startWrites(db: Db, dataDir: string, clock: Clock, timers: Timers | false | undefined): BackupTimer | null {
  for (const bundled of bundledDecks()) installBundledDeck(db, bundled, clock.now());
  return timers === false ? null : startBackupTimer({ db, dataDir, clock, timers });
}

/** What the start screen of a damaged store shows: the problem, where the file goes, the newest good backup. */
function damagedReport(dataDir: string, damaged: { problem: string; keepAs: string }): StoreHealth {
  return {
    status: 'damaged',
    problem: damaged.problem,
    file: path.join(dataDir, DB_FILE),
    keepAs: damaged.keepAs,
    newestGood: peekNewestGoodBackup(path.join(dataDir, 'backups')),
  };
}

/**
 * Opens the store, installs the bundled decks if they are new, and builds the api: shared by Electron and browser
 * mode. A store that fails its check at start is not used: the app still starts, getStoreHealth says what
 * happened, every other call answers a `storage` error, and recoverStore is the way out. With `storeCheck` the
 * check of a store that needs no migration runs while reads are served; writes, the bundled decks' updates and the
 * automatic backups wait for it, and a failed check leads to the same refusal.
 */
export async function openAppCore(
  dataDir: string,
  clock: Clock = systemClock,
  options: AppCoreOptions = {},
): Promise<AppCore> {
  let live: Live | null = null;
  /** The start-up check while it waits to begin (`pending`: check-start.ts) or runs; null once it has answered. */
  let checking: Promise<void> | null = null;
  let pending: CheckStart | null = null;
  let closed = false;
  const jobs = new Jobs();
  let damaged: { problem: string; keepAs: string; report: StoreHealth | null } | null = null;
  let recovery: Extract<StoreHealth, { status: 'ok' }>['recovery'] = null;
  const backupsDir = path.join(dataDir, 'backups');

  const refuse = (error: StoreDamagedError): void => {
    console.error(`The data file is damaged and was not opened: ${error.message}`);
    damaged = { problem: error.message, keepAs: damagedFileName(dataDir, clock.now()), report: null };
  };

  const openLive = async (deferCheck: boolean): Promise<void> => {
    const { db, checkDeferred } = await openServedDb(dataDir, deferCheck);
    const { dialogs, exportWorker, restoreCheckWorker } = options;
    const raw = createApi(db, clock, { dataDir, dialogs, jobs, exportWorker, restoreCheckWorker });
    // Checkpoints run when the store is quiet, not inside a save (api/idle.ts).
    const served = checkpointWhenIdle(raw, db);
    const opened: Live = { db, api: served.api, raw, timer: null, closeIdle: served.close };
    live = opened;
    const startWriting = (): void => void (opened.timer = startWrites(db, dataDir, clock, options.timers));
    const check = options.storeCheck;
    if (!checkDeferred || !check) return startWriting();
    pending = checkStart();
    checking = pending.begun
      .then(() => check(db.name))
      .catch((error: Error) => `the check could not run (${error.message})`)
      .then((problem) => {
        checking = null;
        pending = null;
        if (closed || live !== opened) return;
        if (problem === null) {
          // As at a start without the check in the background, but nobody awaits this: a failure is logged.
          try {
            return startWriting();
          } catch (error) {
            return console.error('The bundled decks or the backup timer could not start', error);
          }
        }
        // Nothing was written: no write ran, and the reads went around the checkpoints.
        live = null;
        db.close();
        refuse(failedCheck(problem));
      });
  };

  try {
    await openLive(options.storeCheck !== undefined);
  } catch (error) {
    if (!(error instanceof StoreDamagedError)) throw error;
    refuse(error);
  }

  const health = (): StoreHealth => {
    if (checking) return { status: 'checking' };
    if (!damaged) return { status: 'ok', recovery };
    damaged.report ??= damagedReport(dataDir, damaged);
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
      await openLive(false);
      return health();
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  };

  const serve = (name: CallName, input: unknown): unknown => {
    if (!live) throw new ApiError('storage', REFUSED);
    return ((checking ? live.raw : live.api)[name] as (input: unknown) => unknown)(input);
  };

  const api = routeCalls({ health, recover, serve, checking: () => checking, called: (w) => pending?.called(w) });

  const close = (): void => {
    closed = true;
    pending?.cancel();
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
