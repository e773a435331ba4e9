import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bigImportText } from '../bench/generate';
import { callApi, expect, screenshots, serverOn, test, type PrepdeckServer } from './fixtures';

const QUESTIONS = 10_000;
const SIZES = [
  [900, 700],
  [1280, 800],
  [1600, 1000],
] as const;

const totalQuestions = async (server: PrepdeckServer): Promise<number> =>
  (await callApi(server, 'listDecks')).reduce((sum, d) => sum + d.questionCount, 0);

test('a large import shows its progress, leaves the app answering, and cancels with nothing imported', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-e2e-import-job-'));
  // The worker waits after each chunk of 500 questions until cancelled: the import stays running, and its bar on
  // screen, for as long as the test looks at it, however slow the machine.
  const server = await serverOn(dataDir, { PREPDECK_TEST_EXPORT_PAUSE_MS: '600000' });
  try {
    await page.goto(server.url);
    const decksBefore = await callApi(server, 'listDecks');
    const questionsBefore = await totalQuestions(server);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decks' }).click();
    const panel = page.getByRole('region', { name: 'Import questions' });
    await panel.getByLabel('Choose a file…').setInputFiles({
      name: 'big.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(bigImportText(QUESTIONS, 'Big')),
    });
    // Previewing reads the whole 10 MB file on the server: seconds on a loaded machine.
    await expect(panel.getByTestId('import-preview')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
    const importButton = panel.getByRole('button', { name: 'Import 10,000 questions' });

    await importButton.click();
    const bar = panel.getByRole('progressbar', { name: 'Importing questions' });
    // The total is known once the worker has read and planned the file: seconds on a loaded machine.
    await expect(bar).toHaveAttribute('aria-valuemax', String(QUESTIONS), { timeout: 60_000 });
    await expect(bar).toHaveAttribute('aria-valuetext', /^[\d,]+ of 10,000 questions/);
    // The app still answers, and still writes: the import holds no lock on the store while it works.
    const meanwhile = await callApi(server, 'createDeck', { name: 'Made meanwhile' });
    expect(meanwhile.name).toBe('Made meanwhile');
    await expect(bar).toHaveAttribute('aria-valuenow', /^[1-9]/, { timeout: 60_000 });
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await bar.scrollIntoViewIfNeeded();
      await screenshots(page, `import-progress-${width}x${height}`);
    }

    await panel.getByRole('button', { name: 'Cancel' }).click();
    await expect(panel.getByRole('status')).toHaveText('Import cancelled: nothing was imported.');
    await expect(bar).toBeHidden();
    const decksAfter = await callApi(server, 'listDecks');
    expect(decksAfter.map((d) => d.name).sort()).toEqual([...decksBefore.map((d) => d.name), 'Made meanwhile'].sort());
    expect(await totalQuestions(server)).toBe(questionsBefore);
    expect(fs.readdirSync(path.join(dataDir, 'import-staging'))).toEqual([]);

    // Again, to the end, on a server without the wait: the same outcome as an import has always shown.
    await server.restart({});
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decks' }).click();
    await panel.getByLabel('Choose a file…').setInputFiles({
      name: 'big.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(bigImportText(QUESTIONS, 'Big')),
    });
    await expect(panel.getByTestId('import-preview')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
    await importButton.click();
    await expect(panel.getByRole('status')).toContainText('Imported 10,000 questions into Big', { timeout: 120_000 });
    expect(await totalQuestions(server)).toBe(questionsBefore + QUESTIONS);
  } finally {
    await server.close();
  }
});
