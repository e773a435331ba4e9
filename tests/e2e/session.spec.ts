import type { Page } from '@playwright/test';
import { advanceServerClock, expect, passTime, screenshots, test } from './fixtures';

/**
 * Sets up a 3-question session whose questions are known: the keyword filter picks exactly the
 * transactions question (Advanced) and the async and time-zone questions (Scenario). The two Scenario
 * questions have the same keyword weights, so one answer scores the same on either.
 */
async function startKnownSession(page: Page, options: { strict?: boolean; screenshot?: boolean } = {}): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice' }).click();
  const form = page.getByRole('region', { name: 'Custom session' });
  for (const keyword of ['all-or-nothing', 'USE_TZ', 'asyncio.gather']) {
    await form.getByRole('searchbox', { name: 'Find a keyword' }).fill(keyword);
    await form.getByRole('list', { name: 'Keywords', exact: true }).getByRole('button').first().click();
  }
  await form.getByRole('spinbutton', { name: 'Questions', exact: true }).fill('3');
  await form.getByRole('radiogroup', { name: 'Order' }).getByRole('radio', { name: 'Escalating' }).click();
  if (options.strict) await form.getByRole('checkbox', { name: /Strict/ }).check();
  await expect(page.getByTestId('planned')).toHaveText('3 questions');
  // Screenshots are taken in the tests that do not fake the clock: a screenshot disturbs Playwright's clock.
  if (options.screenshot) await screenshots(page, 'practice-setup');
  await page.getByRole('button', { name: 'Start session' }).click();
  await expect(page.getByTestId('progress')).toHaveText('1 / 3');
}

/** Seconds shown on the countdown. */
async function countdownSeconds(page: Page): Promise<number> {
  const [m, sec] = (await page.getByTestId('countdown').textContent())!.split(':').map(Number);
  return m! * 60 + sec!;
}

const answerBox = (page: Page) => page.getByRole('textbox', { name: 'Your answer' });

test('a session answered, timed out and skipped, graded, with explained keyword scores', async ({ page, server }) => {
  await page.clock.install();
  await page.goto(server.url);

  await startKnownSession(page);
  // Escalating: the Advanced question comes first.
  await expect(page.getByTestId('prompt')).toContainText(/transaction/i);
  await expect(page.getByTestId('countdown')).toHaveText('2:00');
  await answerBox(page).fill(
    'I would wrap the transfer in transaction.atomic() so that a failure rolls everything back.',
  );
  await answerBox(page).press('Control+Enter');

  const keywords = page.getByRole('region', { name: 'Keywords' });
  // Weights 2 and 2 named of 2+2+1+1+3+2+1.
  await expect(page.getByTestId('keyword-score')).toHaveText('Keyword score 33% · 2 of 7 named');
  await expect(keywords.getByRole('listitem').filter({ hasText: 'transaction.atomic' })).toContainText('named');
  await expect(keywords.getByRole('listitem').filter({ hasText: 'all-or-nothing' })).toContainText('named');
  await expect(keywords.getByRole('listitem').filter({ hasText: 'lost update' })).toContainText('missed');
  await expect(keywords.getByRole('listitem').filter({ hasText: 'savepoints' })).toContainText('missed');
  await expect(page.getByTestId('your-answer').locator('mark')).toHaveText([
    'transaction.atomic()',
    'rolls everything back',
  ]);
  await expect(page.getByRole('region', { name: 'Model answer' }).locator('mark.kw-missed').first()).toBeVisible();
  await page.keyboard.press('3');
  await expect(page.getByRole('button', { name: /Good/ })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');

  // Second question: type a little, then let the clock run out. Time runs out on time, answer locked.
  await expect(page.getByTestId('progress')).toHaveText('2 / 3');
  await expect(page.getByTestId('countdown')).toHaveText('3:00');
  // The two Scenario questions come in either order: name one weight-2 keyword of each (of 11 in all).
  await answerBox(page).fill('Set USE_TZ and serve it from an ASGI server');
  await passTime(page, server, 170_000);
  await expect(page.getByTestId('countdown')).toHaveText(/^0:(09|10)$/);
  await expect(page.getByRole('timer')).toHaveClass(/countdown-warning/);
  await passTime(page, server, 11_000);
  await expect(page.getByText('Time ran out at 3:00: the answer was locked')).toBeVisible();
  await expect(page.getByTestId('keyword-score')).toHaveText('Keyword score 18% · 1 of 7 named');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');

  // Third: skipped.
  await expect(page.getByTestId('progress')).toHaveText('3 / 3');
  await page.getByRole('button', { name: /Skip/ }).click();
  await expect(page.getByText(/^Skipped after/)).toBeVisible();
  await page.keyboard.press('2');
  await page.getByRole('button', { name: /See results/ }).click();

  // Results: what a person would check.
  await expect(page.getByRole('heading', { name: 'Session results' })).toBeVisible();
  const answers = page.getByRole('table', { name: 'Answers' });
  await expect(answers.getByRole('row')).toHaveCount(4);
  await expect(answers.getByRole('row').nth(1)).toContainText('Answered');
  await expect(answers.getByRole('row').nth(1)).toContainText('Good');
  await expect(answers.getByRole('row').nth(1)).toContainText('33%');
  await expect(answers.getByRole('row').nth(2)).toContainText('Timed out');
  await expect(answers.getByRole('row').nth(2)).toContainText('3:00 / 3:00');
  await expect(answers.getByRole('row').nth(3)).toContainText('Skipped');
  // Grades Good, Missed, Partial: (2/3 + 0 + 1/3) / 3 = 33%; keyword scores 4/12 and 2/11: 26%.
  await expect(page.getByTestId('grade-score')).toHaveText('33%');
  await expect(page.getByTestId('session-keyword-score')).toHaveText('26%');
  await expect(page.getByRole('button', { name: 'Practise these again (2)' })).toBeEnabled();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  const sessions = page.getByRole('table', { name: 'Sessions' });
  await expect(sessions.getByRole('row')).toHaveCount(2);
  await expect(sessions.getByRole('row').nth(1)).toContainText('3 / 3');
  await expect(sessions.getByRole('row').nth(1)).toContainText('Finished');

  // "Practise these again" starts a session of the two weak questions.
  await sessions.getByRole('row').nth(1).click();
  await page.getByRole('button', { name: 'Practise these again (2)' }).click();
  await expect(page.getByTestId('progress')).toHaveText('1 / 2');
});

test('pause stops the clock and hides the question; strict sessions cannot pause', async ({ page, server }) => {
  await page.clock.install();
  await page.goto(server.url);
  await startKnownSession(page);
  await answerBox(page).fill('Draft');
  await passTime(page, server, 30_000);
  await expect(page.getByTestId('countdown')).toHaveText(/^1:(29|30)$/);
  await page.getByRole('button', { name: /Pause/ }).click();
  await expect(page.getByRole('heading', { name: 'Paused' }).first()).toBeVisible();
  await expect(page.getByTestId('prompt')).not.toContainText(/transaction/i);
  const atPause = await countdownSeconds(page);
  expect(atPause).toBeGreaterThanOrEqual(88);
  await passTime(page, server, 600_000);
  expect(await countdownSeconds(page)).toBe(atPause);
  await page.keyboard.press('p');
  await expect(page.getByTestId('prompt')).toContainText(/transaction/i);
  await expect(answerBox(page)).toHaveValue('Draft');
  await passTime(page, server, 10_000);
  await expect.poll(() => countdownSeconds(page)).toBeLessThanOrEqual(atPause - 10);
  expect(await countdownSeconds(page)).toBeGreaterThanOrEqual(atPause - 12);

  // Esc asks before ending; Cancel keeps the session.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'End this session?' })).toBeVisible();
  await page.getByRole('button', { name: /Cancel/ }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page
    .getByRole('button', { name: /End session/ })
    .last()
    .click();
  await expect(page.getByRole('heading', { name: 'Session results' })).toBeVisible();
  await expect(page.getByText('Ended early')).toBeVisible();

  await startKnownSession(page, { strict: true });
  await expect(page.getByRole('button', { name: /Pause/ })).toHaveCount(0);
});

test("an answer that reaches main after the deadline is timed out, even when the page's clock was late", async ({
  page,
  server,
}) => {
  await page.clock.install();
  await page.goto(server.url);
  await startKnownSession(page);
  await answerBox(page).fill('transaction.atomic');
  // The page was throttled: its clock says 1:50 is left, but main knows the two minutes are over.
  await page.clock.runFor(10_000);
  await advanceServerClock(server, 125_000);
  await page.getByRole('button', { name: /Submit/ }).click();
  await expect(page.getByText('Time ran out at 2:00: the answer was locked')).toBeVisible();
});

test('a reload mid-session comes back to the same question with earlier answers intact', async ({ page, server }) => {
  await page.goto(server.url);
  await startKnownSession(page, { screenshot: true });
  await answerBox(page).fill('Use transaction.atomic for ACID guarantees, and a savepoint for nested work.');
  await screenshots(page, 'session-asking');
  await page.getByRole('button', { name: /Submit/ }).click();
  await expect(page.getByTestId('keyword-score')).toBeVisible();
  await page.keyboard.press('4');
  await expect(page.getByRole('button', { name: /Nailed/ })).toHaveAttribute('aria-pressed', 'true');
  await screenshots(page, 'session-revealed');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('progress')).toHaveText('2 / 3');
  const prompt = await page.getByTestId('prompt').textContent();

  await page.reload();
  await expect(page.getByTestId('progress')).toHaveText('2 / 3');
  await expect(page.getByTestId('prompt')).toHaveText(prompt!);
  await page.getByRole('button', { name: /Pause/ }).click();
  await expect(page.getByRole('heading', { name: 'Paused' }).first()).toBeVisible();
  await screenshots(page, 'session-paused');
  await page.getByRole('button', { name: /End session/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /End session/ })
    .click();
  const answers = page.getByRole('table', { name: 'Answers' });
  await expect(answers.getByRole('row')).toHaveCount(2);
  await expect(answers.getByRole('row').nth(1)).toContainText('Nailed');
  await answers.getByRole('button', { name: /transaction/i }).click();
  await expect(page.getByTestId('your-answer')).toHaveText(
    'Use transaction.atomic for ACID guarantees, and a savepoint for nested work.',
  );
  await screenshots(page, 'results');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('table', { name: 'Sessions' })).toContainText('Ended early');
  await screenshots(page, 'history');
});

test('a crash of the app mid-session loses nothing that was submitted', async ({ page, server }) => {
  await page.goto(server.url);
  await startKnownSession(page);
  await answerBox(page).fill('Wrap it in transaction.atomic and rely on rollback.');
  await page.getByRole('button', { name: /Submit/ }).click();
  await expect(page.getByTestId('keyword-score')).toBeVisible();
  await page.keyboard.press('3');
  await expect(page.getByRole('button', { name: /Good/ })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('progress')).toHaveText('2 / 3');
  await answerBox(page).fill('This answer is being typed when the app dies.');

  await server.kill();
  await server.restart();
  await page.goto(server.url);
  const banner = page.getByRole('region', { name: 'Unfinished session' });
  await expect(banner).toContainText('1 answer of 3 saved');
  await screenshots(page, 'home-resume');
  await banner.getByRole('button', { name: 'Resume session' }).click();
  await expect(page.getByTestId('progress')).toHaveText('2 / 3');
  await expect(page.getByTestId('countdown')).toHaveText('3:00');
  await page.getByRole('button', { name: /End session/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /End session/ })
    .click();

  const answers = page.getByRole('table', { name: 'Answers' });
  await expect(answers.getByRole('row')).toHaveCount(2);
  await expect(answers.getByRole('row').nth(1)).toContainText('Good');
  await answers.getByRole('button', { name: /transaction/i }).click();
  await expect(page.getByTestId('your-answer')).toHaveText('Wrap it in transaction.atomic and rely on rollback.');
});

test('speak mode: no text box, the person ticks the keywords they said', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice' }).click();
  const form = page.getByRole('region', { name: 'Custom session' });
  await form.getByRole('searchbox', { name: 'Find a keyword' }).fill('all-or-nothing');
  await form.getByRole('list', { name: 'Keywords', exact: true }).getByRole('button').first().click();
  await form.getByRole('radiogroup', { name: 'Answer mode' }).getByRole('radio', { name: 'Speak' }).click();
  await page.getByRole('button', { name: 'Start session' }).click();
  await expect(page.getByRole('heading', { name: 'Answer aloud' })).toBeVisible();
  await expect(answerBox(page)).toHaveCount(0);
  await page.keyboard.press('Control+Enter');

  const ticks = page.getByRole('region', { name: 'Keywords you said' });
  await ticks.getByRole('button', { name: 'transaction.atomic' }).click();
  await ticks.getByRole('button', { name: 'all-or-nothing' }).click();
  await screenshots(page, 'session-speak');
  await page.keyboard.press('3');
  await expect(page.getByTestId('keyword-score')).toHaveText('Keyword score 33% · 2 of 7 named');
  await expect(ticks).toHaveCount(0);
});
