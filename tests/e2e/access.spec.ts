import { expect, screenshots, test } from './fixtures';

test('browser mode without its token explains how to get in', async ({ page, sharedServer }) => {
  const url = new URL(sharedServer.url);
  await page.goto(url.origin + '/');
  await expect(page.getByRole('heading', { name: 'Open Prepdeck from the address it prints' })).toBeVisible();
  await expect(page.getByText('This address has no access token.')).toBeVisible();
  await expect(page.getByText('npm run web', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await screenshots(page, 'browser-access');

  // An old token (browser mode makes a new one each start) is refused, and says so.
  await page.goto(`${url.origin}/?token=an-old-token`);
  await expect(page.getByText('is not the one Prepdeck is running with')).toBeVisible();

  // The printed address lets the person in.
  await page.goto(sharedServer.url);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});
