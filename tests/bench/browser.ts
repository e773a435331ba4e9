/**
 * Browser mode as a person meets it: `node out/main/web.js` started against a store, Chromium opening the URL it
 * prints, timed until Home has drawn its data; and Stats' four calls made over HTTP together, as the page makes
 * them. Needs `npm run build` first, and Chromium (/usr/bin/chromium or PREPDECK_CHROMIUM).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright';

export const WEB_JS = path.resolve(import.meta.dirname, '../../out/main/web.js');

interface Served {
  proc: ChildProcess;
  url: string;
  origin: string;
  token: string;
  /** From the spawn to the line that prints the URL (the store opened and checked, the server listening). */
  listeningMs: number;
}

/** Starts browser mode on the store in `dataDir`; `startedAt` is taken just before the spawn. */
export function serve(dataDir: string): Promise<Served & { startedAt: number }> {
  const startedAt = performance.now();
  const proc = spawn(process.execPath, [WEB_JS], {
    env: { ...process.env, PREPDECK_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.once('exit', (code) => reject(new Error(`web.js exited (${code}) before it listened: ${out}`)));
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Open: (\S+)/.exec(out);
      if (!m) return;
      proc.removeAllListeners('exit');
      const url = new URL(m[1]!);
      resolve({
        proc,
        url: url.href,
        origin: url.origin,
        token: url.searchParams.get('token') ?? '',
        listeningMs: performance.now() - startedAt,
        startedAt,
      });
    });
  });
}

function stop(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
  });
}

export interface StartFigure {
  /** Spawn to the server listening. */
  listeningMs: number;
  /** Spawn to the page's first contentful paint. */
  firstPaintMs: number;
  /** The first contentful paint as the browser counts it: from the navigation's start. */
  paintAfterNavigationMs: number;
  /**
   * Spawn to Home painted with its data, timed in the page: the bank's size enters the document, then the frame that
   * shows it is drawn (the task after that frame's animation callbacks, so never early), on the spawn's clock.
   */
  homeMs: number;
}

/**
 * Runs in the page from its start: a promise of the moment the frame showing Home's data (the bank's size) has been
 * drawn, on the page's clock. Awaited with one evaluate rather than polled, so that the harness takes no CPU from the
 * page while it loads (waitForSelector polls every frame: on two cores it cost 30-130 ms).
 */
const RECORD_HOME_PAINT = `window.__homePainted = new Promise((resolve, reject) => {
  setTimeout(() => reject(new Error('Home did not show its data within 30 s')), 30000);
  new MutationObserver((changes, observer) => {
    if (!document.querySelector('[data-testid=bank-size]')) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
  }).observe(document, { childList: true, subtree: true });
});`;

/**
 * Process start → Home with data, once: the browser is already open, with a tab, as a person's is. The tab is made
 * before the spawn: Playwright takes about 200 ms to make one, which no person waits for.
 */
export async function startToHome(browser: Browser, dataDir: string): Promise<StartFigure> {
  const page = await browser.newPage();
  await page.addInitScript(RECORD_HOME_PAINT);
  const served = await serve(dataDir);
  try {
    await page.goto(served.url);
    const painted = await page.evaluate(() => (globalThis as { __homePainted?: Promise<number> }).__homePainted!);
    const { fcp, origin } = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      origin: performance.timeOrigin,
    }));
    const spawnedAt = performance.timeOrigin + served.startedAt;
    return {
      listeningMs: served.listeningMs,
      firstPaintMs: origin + fcp - spawnedAt,
      paintAfterNavigationMs: fcp,
      homeMs: origin + painted - spawnedAt,
    };
  } finally {
    await page.close();
    await stop(served.proc);
  }
}

/** Stats' calls as the page makes them: all four started together over HTTP; the time until the last answers. */
export const STATS_CALLS: Array<[string, unknown]> = [
  ['getBankSummary', undefined],
  ['getLevelStats', { range: 'all' }],
  ['getKeywordStats', { range: 'all' }],
  ['getActivityStats', { range: 'all' }],
];

async function post(served: Served, name: string, input: unknown): Promise<void> {
  const response = await fetch(`${served.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Prepdeck-Token': served.token },
    body: input === undefined ? '' : JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: boolean; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error?.message}`);
}

/** `runs` Stats pages over HTTP (after three to warm up): each the wall time until its last call answered. */
export async function statsOverHttp(dataDir: string, runs: number): Promise<number[]> {
  const served = await serve(dataDir);
  try {
    const page = () => Promise.all(STATS_CALLS.map(([name, input]) => post(served, name, input)));
    // Warm means settled: after the start-up check, which begins once the first calls go quiet and reads the whole
    // file in a worker (1.75 s of a core at a million answers).
    await post(served, 'getStoreHealth', { untilChecked: true });
    for (let i = 0; i < 3; i++) await page();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await page();
      times.push(performance.now() - start);
    }
    return times;
  } finally {
    await stop(served.proc);
  }
}

/** Chromium for the browser figures, or null (with the reason logged) where there is no build or no browser. */
export async function openBrowser(log: (line: string) => void): Promise<Browser | null> {
  if (!fs.existsSync(WEB_JS)) {
    log('  browser mode: skipped (no out/main/web.js: run `npm run build` first)');
    return null;
  }
  const executablePath = process.env['PREPDECK_CHROMIUM'] ?? '/usr/bin/chromium';
  try {
    return await chromium.launch(executablePath ? { executablePath } : {});
  } catch (error) {
    log(`  browser mode: skipped (Chromium did not start: ${(error as Error).message.split('\n')[0]})`);
    return null;
  }
}
