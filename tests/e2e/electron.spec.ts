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
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
