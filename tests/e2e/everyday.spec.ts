import type { Page } from '@playwright/test';
import { advanceServerClock, expect, passTime, screenshots, startKnownSession, stopTime, test } from './fixtures';

/**
 * The everyday path: nothing typed is lost, the clock is honest, and a session works by keyboard
 * alone. The session is the same known three (Advanced transactions first, then two Scenario ones).
 */

const answerBox = (page: Page) => page.getByRole('textbox', { name: 'Your answer' });
const countdown = (page: Page) => page.getByTestId('countdown');

test('the answer being typed survives a reload and a killed server; resuming gives the time it had', async ({
  page,
  server,
}) => {
  // Time stands still on both sides but for passTime: every reading below is exact, however loaded the machine.
  await stopTime(page, server);
  await page.goto(server.url);
  await startKnownSession(page);
  await expect(countdown(page)).toHaveText('2:00');

  // Typed, then 20 s pass on both clocks: the draft is saved within a second of the keystrokes.
  await answerBox(page).fill('I would wrap the transfer in transaction.atomic()');
  await passTime(page, server, 20_000);
  await expect(page.getByTestId('draft-state')).toHaveText('Answer saved');
  await expect(countdown(page)).toHaveText('1:40');

  // A reload: the same question, the text, and the clock that kept running.
  await page.reload();
  await expect(page.getByTestId('progress')).toHaveText('1 / 3');
  await expect(answerBox(page)).toHaveValue('I would wrap the transfer in transaction.atomic()');
  await expect(answerBox(page)).toBeFocused();
  await expect(countdown(page)).toHaveText('1:40');

  // 10 s more, more typing, saved at 1:30; then the server dies before the next keystrokes reach it.
  await passTime(page, server, 10_000);
  await expect(countdown(page)).toHaveText('1:30');
  await answerBox(page).fill(
    'I would wrap the transfer in transaction.atomic() so that a failure rolls everything back.',
  );
  await expect(page.getByTestId('draft-state')).toHaveText('Answer saved');
  await server.kill();
  // The new server's clock goes on from where the old one stopped; ten minutes go by before the app
  // is opened again: they do not count.
  await server.restart();
  await advanceServerClock(server, 10 * 60_000);

  await page.goto(server.url);
  const banner = page.getByRole('region', { name: 'Unfinished session' });
  await expect(banner).toContainText('your answer so far and the time it had left');
  await banner.getByRole('button', { name: 'Resume session' }).click();
  await expect(page.getByTestId('progress')).toHaveText('1 / 3');
  await expect(answerBox(page)).toHaveValue(
    'I would wrap the transfer in transaction.atomic() so that a failure rolls everything back.',
  );
  // The time it had when the draft was saved: not the full 2:00, and not ten minutes less.
  await expect(countdown(page)).toHaveText('1:30');
  await passTime(page, server, 5_000);
  await expect(countdown(page)).toHaveText('1:25');

  await page.getByRole('button', { name: /Submit/ }).click();
  await expect(page.getByTestId('keyword-score')).toHaveText('Keyword score 33% · 2 of 7 named');
  // 20 + 10 + 5 s: the ten minutes away and the restart are not counted.
  await expect(page.getByText('Answered in 0:35 of 2:00', { exact: true })).toBeVisible();
});

test('leaving a session through the sidebar keeps it running, with the answer typed so far', async ({
  page,
  server,
}) => {
  await stopTime(page, server);
  await page.goto(server.url);
  await startKnownSession(page);
  await answerBox(page).fill('Half an answer');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stats' }).click();
  await passTime(page, server, 30_000);
  await page.getByRole('button', { name: 'Back to your session' }).click();
  await expect(answerBox(page)).toHaveValue('Half an answer');
  // The clock ran while the person was away: leaving is not a pause.
  await expect(countdown(page)).toHaveText('1:30');
});

test('a whole session by keyboard: Tab to a grade, Enter grades; Next without a grade asks', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await startKnownSession(page);
  await expect(answerBox(page)).toBeFocused();
  await page.keyboard.type('Use transaction.atomic');

  // Ctrl+S, pressed by reflex: saves the answer, skips nothing.
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('draft-state')).toHaveText('Answer saved');
  await expect(page.getByTestId('progress')).toHaveText('1 / 3');
  await expect(answerBox(page)).toHaveValue('Use transaction.atomic');

  // Ctrl+P pauses from the text box: focus goes to Resume, then back into the answer.
  await page.keyboard.press('Control+p');
  await expect(page.getByRole('button', { name: 'Resume P' }).first()).toBeFocused();
  await page.keyboard.press('p');
  await expect(answerBox(page)).toBeFocused();

  // Submit: focus is on the grades, not on <body>.
  await page.keyboard.press('Control+Enter');
  const grades = page.getByRole('group', { name: 'Grade yourself' });
  await expect(grades).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(grades.getByRole('button', { name: /Missed/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(grades.getByRole('button', { name: /Partial/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('progress')).toHaveText('1 / 3');
  // Graded: focus moved to Next. Shift+Tab back to a grade, Space changes it.
  const next = page.getByRole('button', { name: /Next question/ });
  await expect(next).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(grades.getByRole('button', { name: /Nailed/ })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(grades.getByRole('button', { name: /Nailed/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('progress')).toHaveText('2 / 3');
  await expect(answerBox(page)).toBeFocused();

  // Alt+S skips (the skip key is shown on the button).
  await expect(page.getByRole('button', { name: 'Skip Alt+S' })).toBeVisible();
  await page.keyboard.press('Alt+s');
  await expect(page.getByText(/^Skipped after/)).toBeVisible();
  // Next without a grade asks; Esc goes back to the grades, Enter goes on without one.
  await page.keyboard.press('Space');
  const ask = page.getByRole('dialog', { name: 'Go on without a grade?' });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: /Next without a grade/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(grades).toBeFocused();
  await expect(page.getByTestId('progress')).toHaveText('2 / 3');
  await page.keyboard.press('Enter');
  await expect(ask).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('progress')).toHaveText('3 / 3');

  // The end dialog: focus starts on "End session", Esc gives focus back to the answer, Enter ends.
  await page.keyboard.type('Not finished');
  await page.keyboard.press('Escape');
  const end = page.getByRole('dialog', { name: 'End this session?' });
  await expect(end.getByRole('button', { name: /End session/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(end).toHaveCount(0);
  await expect(answerBox(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');

  // Results: skipped and unreached are counted as such; the skipped answer is graded here.
  await expect(page.getByRole('heading', { name: 'Session results' })).toBeVisible();
  await expect(page.getByTestId('outcome-counts')).toHaveText('0 timed out · 1 skipped · 1 not reached');
  await expect(page.getByTestId('grade-score')).toHaveText('4.0 / 4 · Nailed');
  // Ungraded (the skip) and under half the keywords named (the Nailed one, 1 of 7): both offered again.
  await expect(page.getByRole('button', { name: 'Practise these again (2)' })).toBeEnabled();
  const answers = page.getByRole('table', { name: 'Answers' });
  await answers.getByRole('button', { name: 'Not graded' }).click();
  await page.getByRole('group', { name: 'Grade answer 2' }).getByRole('button', { name: 'Missed' }).click();
  await expect(answers.getByRole('row').nth(2)).toContainText('Missed');
  await expect(page.getByTestId('grade-score')).toHaveText('2.5 / 4 · Good');
});

test('ending a session before any answer keeps nothing in History', async ({ page, server }) => {
  await page.goto(server.url);
  await startKnownSession(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'End this session?' })).toContainText('will not be kept');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Practice' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  await expect(page.getByText('No sessions yet')).toBeVisible();
});

test('screenshots of the everyday path at three window sizes, light and dark', async ({ page, server }) => {
  test.setTimeout(180_000);
  const sizes = [
    { width: 900, height: 700 },
    { width: 1280, height: 800 },
    { width: 1600, height: 1000 },
  ];
  const shoot = async (name: string) => {
    for (const size of sizes) {
      await page.setViewportSize(size);
      await screenshots(page, `path-${name}-${size.width}x${size.height}`);
    }
    await page.setViewportSize(sizes[1]!);
  };
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice' }).click();
  await expect(page.getByTestId('planned')).toBeVisible();
  await shoot('practice');
  await startKnownSession(page);
  await answerBox(page).fill('Wrap it in transaction.atomic so that a failure rolls everything back.');
  await expect(page.getByTestId('draft-state')).toHaveText('Answer saved');
  await shoot('session-asking');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('button', { name: 'Back to your session' })).toBeVisible();
  await shoot('home-session-running');
  await page.getByRole('button', { name: 'Back to your session' }).click();
  await expect(answerBox(page)).toBeFocused();
  await page.keyboard.press('Control+p');
  await expect(page.getByRole('heading', { name: 'Paused' }).first()).toBeVisible();
  await shoot('session-paused');
  await page.keyboard.press('p');
  await expect(answerBox(page)).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('keyword-score')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('dialog', { name: 'Go on without a grade?' })).toBeVisible();
  await shoot('session-next-ungraded');
  await page.keyboard.press('Escape');
  await page.keyboard.press('3');
  await expect(page.getByRole('button', { name: /Good/ })).toHaveAttribute('aria-pressed', 'true');
  await shoot('session-revealed');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('progress')).toHaveText('2 / 3');
  await page.keyboard.press('Alt+s');
  await expect(page.getByText(/^Skipped after/)).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Session results' })).toBeVisible();
  await page.getByRole('table', { name: 'Answers' }).getByRole('button', { name: 'Not graded' }).click();
  await shoot('results');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('table', { name: 'Sessions' })).toBeVisible();
  await shoot('history');
});
