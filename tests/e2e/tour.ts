import type { Page } from '@playwright/test';
import { expect, type PrepdeckServer } from './fixtures';

/** A page or state of the app that the tour stops at, by name (names become screenshot file names). */
export type Stop =
  | 'home-welcome'
  | 'practice'
  | 'question'
  | 'paused'
  | 'reveal'
  | 'results'
  | 'history'
  | 'stats'
  | 'stats-drilldown'
  | 'library-question'
  | 'decks-import'
  | 'home';

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();

/**
 * Walks a fresh bank through every page and state a person meets on the everyday path, calling
 * `visit` at each stop: Home on a fresh install, Practice, a question, paused, the reveal, Results,
 * History, Stats with a drill-down open, the Library with a question open, Decks with an import
 * preview, and Home again with a history.
 */
export async function tour(page: Page, server: PrepdeckServer, visit: (stop: Stop) => Promise<void>): Promise<void> {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome');
  await visit('home-welcome');

  await nav(page, 'Practice');
  const form = page.getByRole('region', { name: 'Custom session' });
  await form.getByRole('spinbutton', { name: 'Questions', exact: true }).fill('2');
  await expect(page.getByTestId('planned')).toHaveText('2 questions');
  await visit('practice');

  await page.getByRole('button', { name: 'Start session' }).click();
  await expect(page.getByTestId('progress')).toHaveText('1 / 2');
  const answer = page.getByRole('textbox', { name: 'Your answer' });
  await answer.fill('Django runs the middleware in order, then the view; the ORM builds the SQL lazily.');
  await visit('question');

  await page.getByRole('button', { name: /^Pause/ }).click();
  // Paused says so once, with one way back.
  await expect(page.getByText(/paused/i)).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Paused' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^Resume/ })).toHaveCount(1);
  await visit('paused');
  await page.getByRole('button', { name: /^Resume/ }).click();

  await page.getByRole('button', { name: /^Submit/ }).click();
  await expect(page.getByRole('region', { name: 'Model answer' })).toBeVisible();
  await page.getByRole('button', { name: /^Good/ }).click();
  await expect(page.getByRole('button', { name: /^Good/ })).toHaveAttribute('aria-pressed', 'true');
  await visit('reveal');

  await page.getByRole('button', { name: /^Next question/ }).click();
  await expect(page.getByTestId('progress')).toHaveText('2 / 2');
  await page.getByRole('button', { name: /^Skip/ }).click();
  await page.getByRole('button', { name: /^Partial/ }).click();
  await page.getByRole('button', { name: /^See results/ }).click();
  await expect(page.getByRole('heading', { name: 'Session results' })).toBeVisible();
  const answers = page.getByRole('table', { name: 'Answers' });
  await answers.getByRole('row').nth(1).getByRole('button').click();
  await expect(page.getByRole('region', { name: 'Model answer' })).toBeVisible();
  await visit('results');

  await nav(page, 'History');
  await expect(page.getByRole('table', { name: 'Sessions' }).getByRole('row')).toHaveCount(2);
  await visit('history');

  await nav(page, 'Stats');
  const byLevel = page.getByRole('region', { name: 'Results by level' });
  await expect(byLevel.getByRole('button', { name: 'Table', exact: true })).toBeVisible();
  await visit('stats');
  await byLevel.getByRole('button', { name: 'Table', exact: true }).click();
  await byLevel.getByRole('table').getByRole('rowheader').first().getByRole('button').click();
  await expect(page.getByRole('dialog').getByTestId('drill-summary')).toBeVisible();
  await visit('stats-drilldown');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await nav(page, 'Library');
  await expect(page.getByTestId('result-count')).toHaveText('51 questions');
  await page.getByRole('region', { name: 'Questions' }).getByRole('listitem').nth(2).getByRole('button').click();
  await expect(page.getByRole('complementary', { name: 'Question' }).getByRole('heading', { level: 2 })).toBeVisible();
  await visit('library-question');

  await nav(page, 'Decks');
  const panel = page.getByRole('region', { name: 'Import questions' });
  await panel
    .getByRole('textbox', { name: 'Or paste text' })
    .fill(
      [
        '# Go',
        '',
        '## Beginner',
        '',
        '### What is a goroutine?',
        '',
        'Keywords: goroutine; scheduler',
        '',
        'A function running concurrently, scheduled by the Go runtime onto OS threads.',
        '',
        '## Advanced',
        '',
        '### How do you stop a goroutine leak?',
        '',
        'Keywords: context cancellation | context; channel',
        '',
        'Give every goroutine a way to end: a `context.Context` it watches, or a channel that is closed.',
      ].join('\n'),
    );
  await panel.getByRole('button', { name: 'Preview pasted text' }).click();
  await expect(panel.getByRole('table', { name: 'Questions to import' }).getByRole('row')).toHaveCount(3);
  // A refresh still in flight dims the preview (by design): look at it once it has settled.
  await expect(panel.getByTestId('import-preview')).toHaveAttribute('aria-busy', 'false');
  // And once its dimming has faded back (0.15 s, with the table beside it): axe measured a half-faded summary once.
  await expect(panel.getByTestId('import-summary')).toHaveCSS('opacity', '1');
  await visit('decks-import');

  await nav(page, 'Home');
  await expect(page.getByTestId('home-sessions-week')).toHaveText('1');
  await visit('home');
}
