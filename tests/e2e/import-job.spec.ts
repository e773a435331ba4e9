import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { callApi, expect, screenshots, startServer, stop, test, type PrepdeckServer } from './fixtures';

const QUESTIONS = 10_000;
const SIZES = [
  [900, 700],
  [1280, 800],
  [1600, 1000],
] as const;

/** A deck of `n` questions in the importable Markdown, each answer a paragraph (about 1 MB a thousand). */
function bigDeck(n: number): string {
  const lines = ['# Big', '', 'Levels: Junior, Senior', ''];
  const filler = 'It keeps a cache in front of the index, so that a read seldom reaches the disk, and explains why. ';
  for (const level of ['Junior', 'Senior']) {
    lines.push(`## ${level}`, '');
    for (let i = level === 'Junior' ? 0 : 1; i < n; i += 2) {
      lines.push(`### Question ${i}: how does part ${i} work?`, '', `Keywords: part ${i % 40}; cache`, '');
      lines.push(`Through part ${i % 40}. ${filler.repeat(9)}`, '');
    }
  }
  return lines.join('\n');
}

const totalQuestions = async (server: PrepdeckServer): Promise<number> =>
  (await callApi(server, 'listDecks')).reduce((sum, d) => sum + d.questionCount, 0);

test('a large import shows its progress, leaves the app answering, and cancels with nothing imported', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-e2e-import-job-'));
  // A pause between chunks of 500 questions keeps the import running long enough to be seen and cancelled.
  const { child, url } = await startServer(dataDir, { PREPDECK_TEST_EXPORT_PAUSE_MS: '500' });
  const server: PrepdeckServer = { url, dataDir, kill: () => stop(child, 'SIGKILL'), restart: () => Promise.resolve() };
  try {
    await page.goto(url);
    const decksBefore = await callApi(server, 'listDecks');
    const questionsBefore = await totalQuestions(server);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decks' }).click();
    const panel = page.getByRole('region', { name: 'Import questions' });
    await panel.getByLabel('Choose a file…').setInputFiles({
      name: 'big.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(bigDeck(QUESTIONS)),
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

    await panel.getByRole('button', { name: 'Cancel' }).click();
    await expect(panel.getByRole('status')).toHaveText('Import cancelled: nothing was imported.');
    await expect(bar).toBeHidden();
    const decksAfter = await callApi(server, 'listDecks');
    expect(decksAfter.map((d) => d.name).sort()).toEqual([...decksBefore.map((d) => d.name), 'Made meanwhile'].sort());
    expect(await totalQuestions(server)).toBe(questionsBefore);
    expect(fs.readdirSync(path.join(dataDir, 'import-staging'))).toEqual([]);

    // Again, to the end: the same outcome as an import has always shown.
    await importButton.click();
    await expect(bar).toHaveAttribute('aria-valuenow', /^[1-9]/, { timeout: 60_000 });
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      // The bar's fill moves (it is never "stable" for Playwright's scrolling): scrolled to by the page instead.
      await bar.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await screenshots(page, `import-progress-${width}x${height}`);
    }
    await expect(panel.getByRole('status')).toContainText('Imported 10,000 questions into Big', { timeout: 120_000 });
    expect(await totalQuestions(server)).toBe(questionsBefore + QUESTIONS);
  } finally {
    await stop(child, 'SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
