import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../../src/main/store/database';
import { generateHistory } from '../bench/generate';
import { callApi, expect, screenshots, serverOn, test, type PrepdeckServer } from './fixtures';

const SIZES = [
  [900, 700],
  [1280, 800],
  [1600, 1000],
] as const;

const deckNames = async (server: PrepdeckServer): Promise<string[]> =>
  (await callApi(server, 'listDecks')).map((d) => d.name);

test('a big backup downloads in browser mode, and restores with its progress on screen, cancelled or not', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const ANSWERS = 50_000;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-e2e-restore-'));
  const db = await openDb(dataDir);
  generateHistory(db, ANSWERS);
  const sessionId = db.prepare('SELECT max(id) FROM sessions').pluck().get() as number;
  db.close();
  // The swap pauses between chunks of rows (woken at once by a cancel), so that it is seen, and cancelled, midway.
  const server = await serverOn(dataDir, { PREPDECK_TEST_RESTORE_PAUSE_MS: '1000' });
  try {
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decks' }).click();
    const backups = page.getByRole('region', { name: 'Backups' });
    await backups.getByRole('button', { name: 'Back up now' }).click();
    await expect(backups.getByRole('status')).toContainText(`${ANSWERS.toLocaleString('en-US')} answers as prepdeck-`);
    const table = backups.getByRole('table', { name: 'Backups' });

    // Downloaded whole, streamed: byte for byte the file in the backups folder.
    const downloading = page.waitForEvent('download');
    await table.getByRole('row').nth(1).getByRole('button', { name: 'Download' }).click();
    const download = await downloading;
    const [backupName] = fs.readdirSync(path.join(dataDir, 'backups'));
    const original = fs.readFileSync(path.join(dataDir, 'backups', backupName!));
    expect(original.length).toBeGreaterThan(10_000_000);
    const downloaded = path.join(dataDir, 'downloaded-backup.sqlite');
    await download.saveAs(downloaded);
    expect(fs.readFileSync(downloaded).equals(original)).toBe(true);

    await callApi(server, 'createDeck', { name: 'Made after the backup' });
    const changed = await deckNames(server);

    // Restored from the list, then cancelled midway through the swap: everything stays as it was.
    await table.getByRole('row').nth(1).getByRole('button', { name: 'Restore…' }).click();
    await page
      .getByRole('dialog', { name: 'Replace your data with this backup?' })
      .getByRole('button', { name: /Restore/ })
      .click();
    const swapping = backups.getByRole('progressbar', { name: 'Restoring: Replacing your data' });
    await expect(swapping).toBeVisible({ timeout: 120_000 });
    expect(Number(await swapping.getAttribute('aria-valuemax'))).toBeGreaterThan(ANSWERS);
    // Reads answer while it runs; a write is refused, saying why.
    expect((await callApi(server, 'getSession', { sessionId })).id).toBe(sessionId);
    await expect(callApi(server, 'createDeck', { name: 'Meanwhile' })).rejects.toThrow(/A restore is running/);
    await backups.getByRole('button', { name: 'Cancel' }).click();
    await expect(backups.getByRole('status')).toHaveText('Restore cancelled: your data is as it was.');
    await expect(swapping).toBeHidden();
    expect(await deckNames(server)).toEqual(changed);
    await expect(table.getByRole('row')).toHaveCount(2);

    // Restored from the downloaded file (streamed up first): the bank is the backup's again.
    await backups.locator('input[type="file"]').setInputFiles(downloaded);
    await page
      .getByRole('dialog', { name: 'Replace your data with this backup?' })
      .getByRole('button', { name: /Restore/ })
      .click();
    await expect(swapping).toBeVisible({ timeout: 120_000 });
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await backups.scrollIntoViewIfNeeded();
      await screenshots(page, `restore-progress-${width}x${height}`);
    }
    await expect(backups.getByRole('status')).toContainText(`you now have ${changed.length - 1} decks, `, {
      timeout: 180_000,
    });
    await expect(backups.getByRole('status')).toContainText(`${ANSWERS.toLocaleString('en-US')} answers`);
    expect(await deckNames(server)).not.toContain('Made after the backup');
    await expect(table).toContainText('Before a restore');
    // Writes are taken again.
    await callApi(server, 'createDeck', { name: 'After the restore' });
  } finally {
    await server.close();
  }
});
