import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from '@playwright/test';
import { expect, screenshots, test } from './fixtures';

const SIZES = [
  [900, 700],
  [1280, 800],
  [1600, 1000],
] as const;

async function everySize(page: Page, name: string, show?: Locator): Promise<void> {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await show?.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await screenshots(page, `${name}-${width}x${height}`);
  }
}

/** Calls the api as the page does. */
async function call<T>(url: string, name: string, input?: unknown): Promise<T> {
  const { origin, searchParams } = new URL(url);
  const response = await fetch(`${origin}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Prepdeck-Token': searchParams.get('token') ?? '' },
    body: input === undefined ? '' : JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error?.message}`);
  return envelope.value;
}

test('a damaged store: one clear screen, then the newest good backup restored', async ({ page, server }) => {
  const view = await call<{ id: number }>(server.url, 'startSession', { count: 3, order: 'random' });
  await call(server.url, 'submitAnswer', { sessionId: view.id, position: 0, answer: 'the ORM', reason: 'answer' });
  const backup = await call<{ fileName: string }>(server.url, 'createBackup');

  // Backups of every kind, for the list.
  const dir = path.join(server.dataDir, 'backups');
  const source = path.join(dir, backup.fileName);
  const hour = 3_600_000;
  const kinds: Array<[string, number]> = [
    ['auto', 2],
    ['before-migration-v2', 200],
    ['replaced', 400],
  ];
  for (const [prefix, hoursAgo] of kinds) {
    const when = new Date(Date.now() - hoursAgo * hour);
    const name = `${prefix}-${when.toISOString().replace(/[:.]/g, '-')}.sqlite`;
    fs.copyFileSync(source, path.join(dir, name));
    fs.utimesSync(path.join(dir, name), when, when);
  }
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decks' }).click();
  const list = page.getByRole('table', { name: 'Backups' });
  await expect(list.getByRole('row')).toHaveCount(5);
  for (const label of ['Manual', 'Automatic', 'Before an upgrade', 'Before a restore']) {
    await expect(list.getByText(label, { exact: true })).toBeVisible();
  }
  await everySize(page, 'backups-list', list);

  // A failing disk writes garbage over the answers' table.
  await server.kill();
  const file = path.join(server.dataDir, 'prepdeck.sqlite');
  const fold = new Database(file);
  fold.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = fold.pragma('page_size', { simple: true }) as number;
  const root = fold.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'attempts'").pluck().get() as number;
  fold.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize);
  fs.closeSync(fd);
  const damaged = fs.readFileSync(file);
  await server.restart();

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Your data file is damaged' })).toBeVisible();
  await expect(page.getByText(/btreeInitPage\(\) returns error code 11/)).toBeVisible();
  await expect(page.getByText(file, { exact: true })).toBeVisible();
  const restore = page.getByRole('button', { name: /Restore the newest good backup/ });
  await expect(restore).toContainText(/1 deck, \d+ questions, 1 answer/);
  await everySize(page, 'damaged-store');
  expect(fs.readFileSync(file).equals(damaged)).toBe(true);

  await page.setViewportSize({ width: 1280, height: 800 });
  await restore.click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  const done = page.getByRole('status').filter({ hasText: 'The damaged file is kept as' });
  await expect(done).toContainText(/Restored (auto|prepdeck)-/);
  const kept = fs.readdirSync(server.dataDir).find((n) => n.startsWith('prepdeck.damaged-'));
  expect(kept).toBeDefined();
  expect(fs.readFileSync(path.join(server.dataDir, kept!)).equals(damaged)).toBe(true);
  await screenshots(page, 'damaged-store-restored-1280x800');
});
