import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { CallName, InputOf, ResultOf } from '../../src/shared/api';

const WEB_ENTRY = path.resolve('out/main/web.js');

/** A browser-mode server on its own fresh data folder. */
export interface PrepdeckServer {
  url: string;
  dataDir: string;
  /** Kills the server with SIGKILL, as a crash would. */
  kill(): Promise<void>;
  /**
   * Starts a new server on the same data folder (and a new port and token), its clock where it was; with `env`, with
   * that environment instead of the first one's.
   */
  restart(env?: Record<string, string>): Promise<void>;
}

/** Main's time while its clock is stopped (stopTime), which a restart keeps; absent while it runs. */
const frozenAt = new WeakMap<PrepdeckServer, number>();

/**
 * Stops time in the page and in main at the same instant, for reading a countdown the same on a fast
 * machine and a loaded one: Date.now() stands still on both sides until passTime moves it. The page's
 * timers still run with real time (pages load, saves go out), they only read a clock that stands still.
 * Returns the time both sides now read.
 */
export async function stopTime(page: Page, server: PrepdeckServer): Promise<number> {
  const now = await serverClock(server, { freeze: true });
  await page.clock.setFixedTime(now);
  return now;
}

/**
 * After stopTime: moves time `ms` forward for main and for the page together, as if the person waited
 * that long. Main moves first; then the page's timers due in that span fire (the draft save, the
 * heartbeat), and its clock reads the new time.
 */
export async function passTime(page: Page, server: PrepdeckServer, ms: number): Promise<void> {
  // Each side moves by `ms` from where it was: a test may have moved one alone (advanceServerClock).
  const pageNow = await page.evaluate(() => Date.now());
  await advanceServerClock(server, ms);
  await page.clock.runFor(ms);
  await page.clock.setFixedTime(pageNow + ms);
}

/** Moves only main's clock (the renderer is late, as a throttled window would be); returns main's time. */
export function advanceServerClock(server: PrepdeckServer, ms: number): Promise<number> {
  return serverClock(server, { advanceMs: ms });
}

async function serverClock(server: PrepdeckServer, body: { advanceMs?: number; freeze?: boolean }): Promise<number> {
  const url = new URL(server.url);
  const response = await fetch(new URL('/__test/clock', url), {
    method: 'POST',
    headers: { 'X-Prepdeck-Token': url.searchParams.get('token') ?? '' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`could not set the server clock: ${response.status}`);
  const { now } = ((await response.json()) as { value: { now: number } }).value;
  if (body.freeze || frozenAt.has(server)) frozenAt.set(server, now);
  return now;
}

export function startServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string }> {
  if (!fs.existsSync(WEB_ENTRY)) throw new Error('out/main/web.js is missing: run `npm run build` first.');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WEB_ENTRY, '--port', '0'], {
      env: { ...process.env, PREPDECK_DATA_DIR: dataDir, PREPDECK_TEST_CLOCK: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${output}`));
    });
  });
}

export function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** Calls the api as the page does: POST /api/<call> with the token of the server's URL. */
export async function callApi<K extends CallName>(
  server: PrepdeckServer,
  name: K,
  input?: InputOf<K>,
): Promise<ResultOf<K>> {
  const url = new URL(server.url);
  const response = await fetch(new URL(`/api/${name}`, url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Prepdeck-Token': url.searchParams.get('token') ?? '' },
    body: input === undefined ? '' : JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: boolean; value: unknown; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error?.message}`);
  return envelope.value as ResultOf<K>;
}

/**
 * A server of its own on `dataDir` (which a test may fill first, a generated history), started with `env`; `close`
 * stops it and removes the folder.
 */
export async function serverOn(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<PrepdeckServer & { close(): Promise<void> }> {
  let current = await startServer(dataDir, env);
  const server = {
    get url() {
      return current.url;
    },
    dataDir,
    kill: () => stop(current.child, 'SIGKILL'),
    restart: async (next: Record<string, string> = env) => {
      await stop(current.child, 'SIGTERM');
      // A stopped clock stays stopped where it was: time moves only when the test moves it.
      const stoppedAt = frozenAt.get(server);
      current = await startServer(
        dataDir,
        stoppedAt === undefined ? next : { ...next, PREPDECK_TEST_CLOCK_AT: String(stoppedAt) },
      );
    },
    close: async () => {
      await stop(current.child, 'SIGTERM');
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

async function withServer(use: (server: PrepdeckServer) => Promise<void>): Promise<void> {
  const server = await serverOn(fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-e2e-')));
  await use(server);
  await server.close();
}

export const test = base.extend<
  { server: PrepdeckServer; app: Page },
  /**
   * One server for all the tests of a worker, whatever their spec file: only for tests that neither
   * change the bank nor depend on it being fresh.
   */
  { sharedServer: PrepdeckServer }
>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object.
  server: async ({}, use) => withServer(use),
  // eslint-disable-next-line no-empty-pattern -- as above.
  sharedServer: [async ({}, use) => withServer(use), { scope: 'worker' }],
  /** The app's page, opened at Home. */
  app: async ({ page, server }, use) => {
    await page.goto(server.url);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await use(page);
  },
});

export { expect };

/** Saves a screenshot in light and dark for a person to look at (screenshots/, kept between runs). */
export async function screenshots(page: Page, name: string): Promise<void> {
  const dir = path.resolve('screenshots');
  fs.mkdirSync(dir, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: path.join(dir, `${name}-${scheme}.png`), fullPage: false });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/**
 * Sets up a 3-question session whose questions are known: the keyword filter picks exactly the
 * transactions question (Advanced) and the async and time-zone questions (Scenario). The two Scenario
 * questions have the same keyword weights, so one answer scores the same on either.
 */
export async function startKnownSession(
  page: Page,
  options: { strict?: boolean; screenshot?: boolean } = {},
): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice' }).click();
  const form = page.getByRole('region', { name: 'Custom session' });
  for (const keyword of ['all-or-nothing', 'USE_TZ', 'asyncio.gather']) {
    await form.getByRole('combobox', { name: 'Find a keyword' }).fill(keyword);
    await form.getByRole('listbox', { name: 'Keywords' }).getByRole('option').first().click();
  }
  await form.getByRole('spinbutton', { name: 'Questions', exact: true }).fill('3');
  await form.getByRole('radiogroup', { name: 'Order' }).getByRole('radio', { name: 'Escalating' }).click();
  if (options.strict) await form.getByRole('checkbox', { name: /Strict/ }).check();
  await expect(page.getByTestId('planned')).toHaveText('3 questions');
  // Screenshots are taken in the tests that do not fake the clock: a screenshot disturbs Playwright's clock.
  if (options.screenshot) await screenshots(page, 'practice-setup');
  await page.getByRole('button', { name: 'Start session' }).click();
  await expect(page.getByTestId('progress')).toHaveText('1 / 3');
}
