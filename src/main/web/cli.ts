import { enableCompileCache, flushCompileCache } from 'node:module';
import path from 'node:path';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { AppCore } from '../app';
import { systemClock, type Clock } from '../clock';
import { workerFile } from '../jobs/worker-file';
import { startWebServer } from './server';
import { createTestClock, frozenAtFromEnv, type TestClock } from './test-clock';

/** `npm run web`: Prepdeck in a browser, for machines that cannot run Electron and for end-to-end tests. */
function defaultDataDir(): string {
  // The same folder Electron's userData would be, so both modes share one bank.
  const home = os.homedir();
  if (process.platform === 'win32')
    return path.join(process.env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), 'prepdeck');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'prepdeck');
  return path.join(process.env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'), 'prepdeck');
}

/**
 * A few turns of the event loop, so that requests that came in meanwhile are answered before the next step: a
 * request on a new connection needs one turn to be accepted and another to be read (with one turn the page's
 * files waited a step or two each; with three, the first paint came 20-30 ms sooner).
 */
const turn = async (): Promise<void> => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
};

/**
 * The app's core: its modules (the store, the api, the contract's schemas) loaded here, off the path to listening,
 * in steps with a turn between them. Loading them is about 100 ms of this thread at once; the page and its scripts,
 * asked for meanwhile, are served between the steps rather than after all of them, so the browser works on them
 * while the store opens.
 */
async function openCore(dataDir: string, clock: Clock, testing: boolean): Promise<AppCore> {
  await turn();
  // The contract's schemas and zod (also the first thing an api request loads): about a third of the modules' time.
  await import('../api/dispatch');
  await turn();
  const [{ openAppCore }, { workerStoreCheck }] = await Promise.all([import('../app'), import('../jobs/store-check')]);
  await turn();
  const worker = {
    file: workerFile(import.meta.dirname, 'history-export-worker.mjs'),
    pauseMs: testing ? Number(process.env['PREPDECK_TEST_EXPORT_PAUSE_MS']) || 0 : 0,
  };
  return openAppCore(dataDir, clock, {
    exportWorker: worker,
    restoreCheckWorker: {
      file: workerFile(import.meta.dirname, 'restore-check-worker.mjs'),
      pauseMs: testing ? Number(process.env['PREPDECK_TEST_RESTORE_PAUSE_MS']) || 0 : 0,
    },
    storeCheck: workerStoreCheck(worker),
  });
}

async function main(): Promise<void> {
  // V8's compiled code for the modules loaded from here on (the app, the store, zod, ts-fsrs), kept on disk between
  // starts (Node checks each entry against its source): the app's modules are most of a start, and the page's files
  // and first calls wait for them. In NODE_COMPILE_CACHE when set, else in the system's temporary folder; a folder
  // that cannot be written only loses the speed-up.
  enableCompileCache();
  const { values } = parseArgs({ options: { port: { type: 'string' } } });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
    process.exit(2);
  }
  const dataDir = process.env['PREPDECK_DATA_DIR'] || defaultDataDir();
  // Tests that fake the browser's clock move this one with it; everyone else gets the system clock.
  // Frozen, it moves only when a test moves it, however slow the machine is.
  let testClock: TestClock | undefined;
  try {
    if (process.env['PREPDECK_TEST_CLOCK'] === '1') {
      testClock = createTestClock(frozenAtFromEnv(process.env['PREPDECK_TEST_CLOCK_AT']));
    }
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const clock = testClock ?? systemClock;
  // Listening comes first: the page's files are served while the app's modules load and the store opens (most of
  // a start), and its calls wait for the store.
  let opened: (core: AppCore) => void = () => {};
  const opening = new Promise<AppCore>((resolve) => (opened = resolve));
  let core: AppCore | null = null;
  const server = await startWebServer({
    api: opening.then((ready) => ready.api),
    downloads: { takeDownload: (jobId) => core?.jobs.takeDownload(jobId) ?? null },
    // An upload finished before the store is open is handed over once it is, ahead of any call that names it.
    uploads: { acceptUpload: (id, upload) => void opening.then((ready) => ready.jobs.acceptUpload(id, upload)) },
    rendererDir: path.join(import.meta.dirname, '../renderer'),
    port,
    testClock,
  });
  openCore(dataDir, clock, testClock !== undefined).then(
    (ready) => {
      opened((core = ready));
      // Written now, not only at exit: a start that is killed still leaves the next one its cache.
      flushCompileCache();
    },
    (error: Error) => {
      console.error(`Prepdeck cannot open its data: ${error.message}`);
      process.exit(1);
    },
  );
  console.log(`Prepdeck is running in browser mode.\n  Data: ${dataDir}\n  Open: ${server.url}`);
  const stop = (): void => {
    void server
      .close()
      .then(() => opening)
      .then((opened) => opened.shutdown())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
