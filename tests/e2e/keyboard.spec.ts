import type { Page } from '@playwright/test';
import { callApi, expect, test } from './fixtures';

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();

test('a skip link leads past the sidebar to the content', async ({ page, sharedServer }) => {
  await page.goto(sharedServer.url);
  // The first Tab goes to the page once it has drawn (on a loaded machine it may not have yet).
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  // The route did not change: the link moves focus, not the hash.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Welcome/);
  // The next Tab stop is in the content, not back in the sidebar.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('main').locator(':focus')).toHaveCount(1);
});

test('closing a dialog gives focus back to what opened it', async ({ page, sharedServer }) => {
  await page.goto(sharedServer.url);
  await nav(page, 'Library');
  const opener = page.getByRole('button', { name: /Recently deleted/ });
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Recently deleted' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(opener).toBeFocused();

  // Closing a question goes back to its row.
  const row = page.getByRole('region', { name: 'Questions' }).getByRole('listitem').nth(1).getByRole('button');
  await row.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Close question' }).click();
  await expect(row).toBeFocused();
});

test('option groups are radio groups: one Tab stop, arrow keys choose, the meaning is visible', async ({
  page,
  sharedServer,
}) => {
  await page.goto(sharedServer.url);
  await nav(page, 'Practice');
  const order = page.getByRole('radiogroup', { name: 'Order' });
  const chosen = order.getByRole('radio', { checked: true });
  await expect(chosen).toHaveCount(1);
  const first = (await chosen.textContent())!;
  await chosen.focus();
  await page.keyboard.press('ArrowRight');
  const next = order.getByRole('radio', { checked: true });
  await expect(next).not.toHaveText(first);
  await expect(next).toBeFocused();
  // Only the chosen option is a Tab stop.
  await expect(order.locator('[tabindex="0"]')).toHaveCount(1);
  await expect(order.locator('[tabindex="0"]')).toHaveAttribute('aria-checked', 'true');
  // What the choice means is text on the page, and the group's description.
  const hintId = await order.getAttribute('aria-describedby');
  await expect(page.locator(`[id="${hintId}"]`)).toBeVisible();
  await page.keyboard.press('End');
  await expect(order.getByRole('radio').last()).toBeFocused();
  await expect(order.getByRole('radio').last()).toBeChecked();
  await page.keyboard.press('ArrowRight');
  await expect(order.getByRole('radio').first()).toBeChecked();

  for (const name of ['Answer mode', 'When time runs out']) {
    const group = page.getByRole('radiogroup', { name });
    await group.getByRole('radio', { checked: true }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(group.getByRole('radio', { checked: true })).toBeFocused();
    await expect(page.locator(`[id="${await group.getAttribute('aria-describedby')}"]`)).not.toBeEmpty();
  }
});

test('chart drill-downs open from their labels by keyboard, and focus comes back on close', async ({
  page,
  server,
}) => {
  // One answer to the transactions question (Advanced): transaction.atomic named, savepoints missed.
  const overview = await callApi(server, 'libraryOverview');
  const atomic = overview.keywords.find((k) => k.label === 'transaction.atomic')!;
  const question = (await callApi(server, 'listQuestions', { keywordIds: [atomic.id] })).items[0]!;
  let view = await callApi(server, 'startSession', { questionIds: [question.id], count: 1, order: 'random' });
  view = await callApi(server, 'submitAnswer', {
    sessionId: view.id,
    position: 0,
    answer: 'Wrap it in transaction.atomic.',
    reason: 'answer',
  });
  view = await callApi(server, 'gradeAttempt', { sessionId: view.id, attemptId: view.revealed!.id, grade: 2 });
  await callApi(server, 'nextQuestion', { sessionId: view.id });

  await page.goto(server.url);
  await nav(page, 'Stats');
  const level = page.getByRole('button', { name: 'Answers at Advanced' });
  await level.focus();
  await page.keyboard.press('Enter');
  const drill = page.getByRole('dialog', { name: 'Advanced' });
  await expect(drill.getByTestId('drill-summary')).toHaveText(/1 answer/);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(level).toBeFocused();

  const keyword = page.getByRole('button', { name: 'Answers for savepoints' });
  await keyword.focus();
  await page.keyboard.press(' ');
  await expect(page.getByRole('dialog', { name: 'savepoints' }).getByTestId('drill-summary')).toContainText(
    'Named 0 of 1 times',
  );
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await expect(keyword).toBeFocused();
});
