import path from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { advanceServerClock, startKnownSession, expect, passTime, screenshots, stopTime, test } from './fixtures';

const countdown = (page: Page) => page.getByTestId('countdown');
const answerBox = (page: Page) => page.getByRole('textbox', { name: 'Your answer' });

/** A keyword of the reveal, found by its exact label (an evidence quote may name another keyword). */
const keywordItem = (page: Page, label: string) =>
  page
    .getByRole('region', { name: 'Keywords' })
    .getByRole('listitem')
    .filter({ has: page.getByTestId('verdict-label').getByText(label, { exact: true }) });

test('a session answered, timed out and skipped, graded, with explained keyword scores', async ({ page, server }) => {
  // Time moves only with passTime: what the countdown reads does not depend on the machine's speed.
  await stopTime(page, server);
  await page.goto(server.url);

  await startKnownSession(page);
  // Escalating: the Advanced question comes first.
  await expect(page.getByTestId('prompt')).toContainText(/transaction/i);
  await expect(countdown(page)).toHaveText('2:00');
  await answerBox(page).fill(
    'I would wrap the transfer in transaction.atomic() so that a failure rolls everything back.',
  );
  await answerBox(page).press('Control+Enter');

  const keywords = page.getByRole('region', { name: 'Keywords' });
  // Weights 2 and 2 named of 2+2+1+1+3+2+1.
  await expect(page.getByTestId('keyword-score')).toHaveText('Keyword score 33% · 2 of 7 named');
  // Each keyword says why, in words: named (by its label or as an alias, with the words that did it) or missed.
  const why = (label: string) => keywordItem(page, label).getByTestId('verdict-why');
  await expect(why('transaction.atomic')).toHaveText('Named');
  await expect(why('all-or-nothing')).toHaveText('Named as “rolled back”');
  await expect(keywordItem(page, 'all-or-nothing').locator('q mark')).toHaveText('rolls everything back');
  await expect(why('lost update')).toHaveText('Missed');
  await expect(why('savepoints')).toHaveText('Missed');
  await expect(keywords.getByRole('list', { name: 'What the marks mean' })).toContainText('Missed: not in your answer');
  await expect(page.getByTestId('your-answer').locator('mark')).toHaveText([
    'transaction.atomic()',
    'rolls everything back',
  ]);
  await expect(
    page.getByRole('region', { name: 'Model answer' }).locator('mark[title$="missed in your answer"]').first(),
  ).toBeVisible();
  await page.keyboard.press('3');
  await expect(page.getByRole('button', { name: /Good/ })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');

  // Second question: type a little, then let the clock run out. Time runs out on time, answer locked.
  await expect(page.getByTestId('progress')).toHaveText('2 / 3');
  await expect(countdown(page)).toHaveText('3:00');
  // The two Scenario questions come in either order: name one weight-2 keyword of each (of 11 in all).
  await answerBox(page).fill('Set USE_TZ and serve it from an ASGI server');
  await passTime(page, server, 170_000);
  await expect(countdown(page)).toHaveText('0:10');
  await expect(page.getByRole('timer')).toHaveAttribute('data-state', 'warning');
  // A second to go: not yet locked.
  await passTime(page, server, 9_000);
  await expect(countdown(page)).toHaveText('0:01');
  await expect(answerBox(page)).toBeEditable();
  await passTime(page, server, 1_000);
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
  // Grades Good, Missed, Partial: (3 + 1 + 2) / 3 = 2.0 on the 1–4 scale; keyword scores 4/12 and 2/11: 26%.
  await expect(page.getByTestId('grade-score')).toHaveText('2.0 / 4 · Partial');
  await expect(page.getByTestId('session-keyword-score')).toHaveText('26%');
  // Missed, Partial, and the Good one too: it named under half its keywords.
  await expect(page.getByRole('button', { name: 'Practise these again (3)' })).toBeEnabled();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  const sessions = page.getByRole('table', { name: 'Sessions' });
  await expect(sessions.getByRole('row')).toHaveCount(2);
  await expect(sessions.getByRole('row').nth(1)).toContainText('3 / 3');
  await expect(sessions.getByRole('row').nth(1)).toContainText('Finished');

  // "Practise these again" starts a session of the three weak questions.
  await sessions.getByRole('row').nth(1).click();
  await page.getByRole('button', { name: 'Practise these again (3)' }).click();
  await expect(page.getByTestId('progress')).toHaveText('1 / 3');
});

test('pause stops the clock and hides the question; strict sessions cannot pause', async ({ page, server }) => {
  // Time moves only with passTime: what the countdown reads does not depend on the machine's speed.
  await stopTime(page, server);
  await page.goto(server.url);
  await startKnownSession(page);
  await answerBox(page).fill('Draft');
  await passTime(page, server, 30_000);
  await expect(countdown(page)).toHaveText('1:30');
  await page.getByRole('button', { name: /Pause/ }).click();
  await expect(page.getByRole('heading', { name: 'Paused' }).first()).toBeVisible();
  await expect(page.getByTestId('prompt')).not.toContainText(/transaction/i);
  await expect(countdown(page)).toHaveText('1:30');
  // Ten minutes paused: not a second of them counts.
  await passTime(page, server, 600_000);
  await expect(countdown(page)).toHaveText('1:30');
  await page.keyboard.press('p');
  await expect(page.getByTestId('prompt')).toContainText(/transaction/i);
  await expect(answerBox(page)).toHaveValue('Draft');
  await expect(countdown(page)).toHaveText('1:30');
  await passTime(page, server, 10_000);
  await expect(countdown(page)).toHaveText('1:20');

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
  // Nothing was answered: the session is not kept, and the person is back on Practice.
  await expect(page.getByRole('heading', { name: 'Practice' })).toBeVisible();

  await startKnownSession(page, { strict: true });
  await expect(page.getByRole('button', { name: /Pause/ })).toHaveCount(0);
});

test("an answer that reaches main after the deadline is timed out, even when the page's clock was late", async ({
  page,
  server,
}) => {
  const start = await stopTime(page, server);
  await page.goto(server.url);
  await startKnownSession(page);
  await answerBox(page).fill('transaction.atomic');
  // The page was throttled: its clock says 1:50 is left, but main knows the two minutes are over.
  await page.clock.setFixedTime(start + 10_000);
  await expect(countdown(page)).toHaveText('1:50');
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

test('a crash of the app mid-session loses nothing that was submitted or typed', async ({ page, server }) => {
  // Time stands still but for passTime, across the crash too: the countdown comes back exactly as it was.
  await stopTime(page, server);
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
  await expect(page.getByTestId('draft-state')).toHaveText('Answer saved');

  await server.kill();
  await server.restart();
  await page.goto(server.url);
  const banner = page.getByRole('region', { name: 'Unfinished session' });
  await expect(banner).toContainText('1 answer of 3 saved');
  await screenshots(page, 'home-resume');
  await banner.getByRole('button', { name: 'Resume session' }).click();
  await expect(page.getByTestId('progress')).toHaveText('2 / 3');
  await expect(answerBox(page)).toHaveValue('This answer is being typed when the app dies.');
  // No time passed: the question has all of its three minutes, however slowly it came back.
  await expect(countdown(page)).toHaveText('3:00');
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
  await form.getByRole('combobox', { name: 'Find a keyword' }).fill('all-or-nothing');
  await form.getByRole('listbox', { name: 'Keywords' }).getByRole('option').first().click();
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

const SIZES = [
  [900, 700],
  [1280, 800],
  [1600, 1000],
] as const;

/** Screenshots of what is on screen at three window sizes, light and dark, with `target` scrolled into view. */
async function atEverySize(page: Page, name: string, target: () => Promise<void>): Promise<void> {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await target();
    await screenshots(page, `${name}-${width}x${height}`);
  }
  await page.setViewportSize({ width: 1360, height: 860 });
}

test('the reveal says why for each keyword; answers an older scorer scored are re-scored from Stats', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await startKnownSession(page);
  await answerBox(page).fill(
    'I would wrap the transfer in transaction.atomic() so that a failure rolls everything back, ' +
      'and savepoints let a nested block undo only its own part.',
  );
  await answerBox(page).press('Control+Enter');
  const keywords = page.getByRole('region', { name: 'Keywords' });
  const item = (label: string) => keywordItem(page, label);
  await expect(item('lost update').getByTestId('verdict-why')).toHaveText('Missed');
  // Words and a mark, not colour alone.
  await expect(item('lost update')).toContainText('✗');
  await expect(item('savepoints').getByTestId('verdict-why')).toHaveText('Named');
  await expect(item('savepoints').locator('q')).toContainText('savepoints let a nested block');
  await expect(keywords).toContainText('Your own grade is the final judge.');
  await atEverySize(page, 'reveal-why', () => keywords.scrollIntoViewIfNeeded());
  await page.keyboard.press('3');
  await page.keyboard.press('Escape');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /End session/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Session results' })).toBeVisible();
  // The results show the same why.
  await page
    .getByRole('table', { name: 'Answers' })
    .getByRole('button', { name: /transaction/i })
    .click();
  await expect(keywordItem(page, 'lost update').getByTestId('verdict-why')).toHaveText('Missed');

  // The answers as an older Prepdeck would have stored them: scored by scorer 1, without verdicts.
  const db = new Database(path.join(server.dataDir, 'prepdeck.sqlite'));
  db.pragma('busy_timeout = 5000');
  db.exec(`UPDATE attempts SET scorer_version = 1 WHERE scorer_version IS NOT NULL;
           UPDATE attempt_keywords SET verdict = NULL, credit = NULL;`);
  db.close();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stats' }).click();
  const notice = page.getByTestId('rescore-notice');
  await expect(notice).toContainText('1 answer was scored by an older version of the scorer');
  // transaction.atomic (2), all-or-nothing (2) and savepoints (1) of 12.
  await expect(page.getByTestId('tile-keywords')).toHaveText('42%');
  await atEverySize(page, 'stats-rescore', () => notice.scrollIntoViewIfNeeded());
  await notice.getByRole('button', { name: 'Re-score them' }).click();
  await expect(notice).toHaveText(/Re-scored 1 answer; your charts now use one ruler\./);
  // The same words, the same ruler today: the number does not move, and nothing is left to re-score.
  await expect(page.getByTestId('tile-keywords')).toHaveText('42%');
  await screenshots(page, 'stats-rescored');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('rescore-notice')).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
  await expect(page.getByTestId('rescore-notice')).toHaveCount(0);
});
