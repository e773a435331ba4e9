import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { openDb } from '../../src/main/store/database';
import { generateDeck, generateHistory } from '../bench/generate';
import { callApi, expect, screenshots, serverOn, test } from './fixtures';

const SIZES = [
  [900, 700],
  [1280, 800],
  [1600, 1000],
] as const;

const count = (text: string | null): number => Number(/([\d,]+)/.exec(text ?? '')?.[1]?.replaceAll(',', '') ?? NaN);

async function openStats(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stats' }).click();
}

test('re-scoring a long history shows its progress, leaves the app answering, and cancels with nothing half done', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const ANSWERS = 20_000;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-e2e-rescore-'));
  const db = await openDb(dataDir);
  generateHistory(db, ANSWERS);
  // Written as an older scorer would have left them: every typed answer waits to be re-scored.
  db.exec("UPDATE attempts SET scorer_version = 1 WHERE mode = 'write' AND outcome IN ('answered', 'timed_out')");
  const waiting = db.prepare('SELECT count(*) FROM attempts WHERE scorer_version = 1').pluck().get() as number;
  const sessionId = db.prepare('SELECT max(id) FROM sessions').pluck().get() as number;
  db.close();
  const server = await serverOn(dataDir);
  try {
    await page.goto(server.url);
    await openStats(page);
    const notice = page.getByTestId('rescore-notice');
    await expect(notice).toContainText(`${waiting.toLocaleString('en-US')} answers were scored by an older version`);

    await notice.getByRole('button', { name: 'Re-score them' }).click();
    const bar = notice.getByRole('progressbar', { name: 'Re-scoring your answers' });
    await expect(bar).toHaveAttribute('aria-valuemax', String(waiting));
    // The app still answers while it works.
    expect((await callApi(server, 'getSession', { sessionId })).id).toBe(sessionId);

    await notice.getByRole('button', { name: 'Cancel' }).click();
    const stopped = notice.getByText(/^Stopped after [\d,]+ answers?/);
    await expect(stopped).toBeVisible();
    await expect(bar).toBeHidden();
    // What was re-scored stays re-scored, and exactly the rest still wait: no answer is half done.
    const done = count(await stopped.textContent());
    const status = await callApi(server, 'getScorerStatus');
    expect(status.olderAnswers).toBe(waiting - done);
    await expect(notice).toContainText(`${(waiting - done).toLocaleString('en-US')} answers were scored by an older`);

    // Started again, it finishes the rest.
    await notice.getByRole('button', { name: 'Re-score them' }).click();
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await screenshots(page, `stats-rescoring-${width}x${height}`);
    }
    await expect(notice).toContainText(/Re-scored [\d,]+ answers; your charts now use one ruler\./, {
      timeout: 180_000,
    });
    expect(await callApi(server, 'getScorerStatus')).toMatchObject({ olderAnswers: 0 });
  } finally {
    await server.close();
  }
});

test('a long history is exported off the answering thread: progress, calls answered meanwhile, cancel, download', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const ANSWERS = 20_000;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-e2e-long-'));
  // The server's own temporary folder: where browser mode writes exports until they are downloaded.
  const tmp = path.join(dataDir, 'tmp');
  fs.mkdirSync(tmp);
  const db = await openDb(dataDir);
  const { now } = generateHistory(db, ANSWERS);
  const DECK = 2_000;
  const deckId = generateDeck(db, DECK, now);
  const sessionId = (db.prepare('SELECT max(id) AS id FROM sessions').get() as { id: number }).id;
  db.close();
  // A pause between chunks (2,000 answers, 200 questions) keeps an export running long enough to be seen and cancelled.
  const server = await serverOn(dataDir, { TMPDIR: tmp, PREPDECK_TEST_EXPORT_PAUSE_MS: '200' });
  try {
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decks' }).click();
    await expect(page.getByRole('heading', { name: 'Decks', level: 1 })).toBeVisible();
    const exportCard = page.getByRole('region', { name: 'Export' });
    await exportCard.getByRole('button', { name: 'Export history (CSV)' }).click();
    const bar = exportCard.getByRole('progressbar', { name: 'Exporting your answers' });
    await expect(bar).toHaveAttribute('aria-valuemax', String(ANSWERS));
    await expect(bar).toHaveAttribute('aria-valuetext', new RegExp(`^[\\d,]+ of 20,000 rows`));

    // The app still answers while the export runs.
    const session = await callApi(server, 'getSession', { sessionId });
    expect(session.id).toBe(sessionId);
    await expect(bar).toBeVisible();

    await exportCard.getByRole('button', { name: 'Cancel' }).click();
    await expect(exportCard.getByRole('status')).toHaveText('Export cancelled: no file was written.');
    await expect(bar).toBeHidden();
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith('.csv'))).toEqual([]);

    // Run to the end: the browser downloads the streamed file, and the server keeps no copy.
    const downloading = page.waitForEvent('download', { timeout: 90_000 });
    await exportCard.getByRole('button', { name: 'Export history (CSV)' }).click();
    await expect(bar).toBeVisible();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^prepdeck-history-\d{4}-\d{2}-\d{2}\.csv$/);
    const content = fs.readFileSync((await download.path())!, 'utf8');
    expect(content.startsWith('\uFEFFdate,session,deck,question,')).toBe(true);
    expect(content.split('\r\n')).toHaveLength(ANSWERS + 2);
    await expect(exportCard.getByRole('status')).toHaveText(/^Downloaded prepdeck-history-.*\.csv\.$/);
    await expect.poll(() => fs.readdirSync(tmp).filter((f) => f.endsWith('.csv'))).toEqual([]);

    // A big deck the same way: its progress in questions, Cancel, then the whole file.
    await exportCard.getByRole('combobox', { name: 'Deck' }).selectOption(String(deckId));
    const exportDeck = exportCard.getByRole('button', { name: 'Download “Big deck”' });
    await exportDeck.click();
    const deckBar = exportCard.getByRole('progressbar', { name: 'Exporting the deck' });
    await expect(deckBar).toHaveAttribute('aria-valuemax', String(DECK));
    await expect(deckBar).toHaveAttribute('aria-valuetext', /^[\d,]+ of 2,000 questions/);
    expect((await callApi(server, 'getSession', { sessionId })).id).toBe(sessionId);
    await exportCard.getByRole('button', { name: 'Cancel' }).click();
    await expect(exportCard.getByRole('status')).toHaveText('Export cancelled: no file was written.');
    await expect(deckBar).toBeHidden();
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith('.md'))).toEqual([]);

    const deckDownloading = page.waitForEvent('download', { timeout: 90_000 });
    await exportDeck.click();
    const deckFile = await deckDownloading;
    expect(deckFile.suggestedFilename()).toBe('big-deck.md');
    const markdown = fs.readFileSync((await deckFile.path())!, 'utf8');
    expect(markdown.startsWith('# Big deck\n')).toBe(true);
    expect(markdown.match(/^### /gm)).toHaveLength(DECK);
    await expect(exportCard.getByRole('status')).toHaveText('Downloaded big-deck.md.');
  } finally {
    await server.close();
  }
});
