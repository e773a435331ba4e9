import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { callNames } from '../../src/shared/api';

// The real desktop window. Electron's binary is downloaded lazily from outside the npm registry;
// where it was never downloaded, this file reports itself skipped, with the reason, instead of failing.
const electronDir = path.resolve('node_modules/electron');
const pathFile = path.join(electronDir, 'path.txt');
const binary = fs.existsSync(pathFile) ? path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8')) : null;
const available = binary !== null && fs.existsSync(binary);
const reason = 'Electron binary not installed on this machine (run `npm start` once where it can be downloaded).';
if (!available) console.log(`electron.spec.ts skipped: ${reason}`);

test.describe('the desktop app', () => {
  test.skip(
    !available,
    'Electron binary not installed on this machine (run `npm start` once where it can be downloaded).',
  );

  test('opens one secure window on the library', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: ['.', ...(process.env['CI'] ? ['--no-sandbox'] : [])],
      env: { ...process.env, PREPDECK_DATA_DIR: dataDir },
    });
    try {
      const page = await app.firstWindow();
      await expect(page).toHaveTitle('Prepdeck');
      // Only the contract's calls cross into the page; no Node.
      expect(await page.evaluate(() => Object.keys((globalThis as { api?: object }).api ?? {}).sort())).toEqual(
        [...callNames].sort(),
      );
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
      await expect(page.getByTestId('result-count')).toHaveText('51 questions');
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const w = BrowserWindow.getAllWindows()[0]!;
        return { count: BrowserWindow.getAllWindows().length, min: w.getMinimumSize() };
      });
      expect(prefs.count).toBe(1);
      expect(prefs.min).toEqual([900, 620]);

      // Served from app://, with the CSP as a response header (frame-ancestors included).
      expect(page.url()).toMatch(/^app:\/\/prepdeck\/index\.html#/);
      const csp = await page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'));
      expect(csp).toContain("frame-ancestors 'none'");
      expect(await page.evaluate(async () => (await fetch('/../main/index.js')).status)).toBeGreaterThanOrEqual(400);

      // The menu: Prepdeck's own items are there.
      const menu = await app.evaluate(({ Menu }) =>
        ['import-questions', 'export', 'back-up-now', 'open-data-folder'].map(
          (id) => Menu.getApplicationMenu()?.getMenuItemById(id)?.label ?? null,
        ),
      );
      expect(menu).toEqual(['Import questions…', 'Export…', 'Back up now', 'Open data folder']);

      // Nothing is granted on the page's behalf but the microphone.
      const permissions = await page.evaluate(async () => {
        type Permissions = { query(descriptor: { name: string }): Promise<{ state: string }> };
        const { permissions } = (globalThis as unknown as { navigator: { permissions: Permissions } }).navigator;
        const query = async (name: string) => (await permissions.query({ name })).state;
        return [await query('notifications'), await query('geolocation'), await query('camera')];
      });
      expect(permissions).not.toContain('granted');

      // A second launch quits at once and leaves this one window.
      const second = spawnSync(binary!, ['.', ...(process.env['CI'] ? ['--no-sandbox'] : [])], {
        env: { ...process.env, PREPDECK_DATA_DIR: dataDir },
        timeout: 30_000,
      });
      expect(second.status).toBe(0);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
