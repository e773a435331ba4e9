import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium by default; PREPDECK_CHROMIUM points elsewhere, and an empty value uses Playwright's own browser.
const chromium = process.env['PREPDECK_CHROMIUM'] ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : '');

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env['CI'] ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env['CI'] ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1360, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium || undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
