import type { Route } from '@playwright/test';
import { expect, test } from './fixtures';

const HOME_READS = ['getBankSummary', 'getHomeStats', 'getActiveSession', 'getReviewSummary'];

test("Home's reads start before React draws the page, and each is asked once", async ({ page, server }) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    const call = /\/api\/(\w+)$/.exec(new URL(request.url()).pathname)?.[1];
    if (call) asked.push(call);
  });
  // Until the store's check answers, the app draws only "Checking your data…": no page, no component of Home.
  const held: Route[] = [];
  await page.route('**/api/getStoreHealth', (route) => void held.push(route));
  await page.goto(server.url);
  await expect(page.getByText('Checking your data…')).toBeVisible();
  await expect.poll(() => HOME_READS.filter((call) => asked.includes(call)).sort()).toEqual([...HOME_READS].sort());

  for (const route of held) await route.continue();
  await page.unroute('**/api/getStoreHealth');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('due-summary')).toBeVisible();
  // A component that asked again on mount would do it now, not later.
  await page.waitForLoadState('networkidle');
  const counts = Object.fromEntries(HOME_READS.map((call) => [call, asked.filter((c) => c === call).length]));
  expect(counts).toEqual(Object.fromEntries(HOME_READS.map((call) => [call, 1])));
});

test("Stats' reads start with its chunk, not after it, and each is asked once", async ({ page, server }) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    const call = /\/api\/(\w+)$/.exec(new URL(request.url()).pathname)?.[1];
    if (call) asked.push(call);
  });
  await page.goto(server.url);
  await expect(page.getByTestId('due-summary')).toBeVisible();
  // The Stats chunk is held: its calls must be asked all the same.
  const held: Route[] = [];
  await page.route('**/assets/Stats-*.js', (route) => void held.push(route));
  const STATS_READS = ['getLevelStats', 'getKeywordStats', 'getActivityStats'];
  await page.getByRole('link', { name: 'Stats' }).click();
  await expect.poll(() => STATS_READS.filter((call) => asked.includes(call)).sort()).toEqual([...STATS_READS].sort());
  expect(held.length).toBe(1);
  for (const route of held) await route.continue();
  await page.unroute('**/assets/Stats-*.js');
  await expect(page.getByRole('heading', { level: 1, name: 'Stats' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const counts = Object.fromEntries(STATS_READS.map((call) => [call, asked.filter((c) => c === call).length]));
  expect(counts).toEqual(Object.fromEntries(STATS_READS.map((call) => [call, 1])));
});
