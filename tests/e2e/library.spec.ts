import AxeBuilder from '@axe-core/playwright';
import { callApi, expect, screenshots, test } from './fixtures';

test('home shows the bank by level', async ({ app }) => {
  // A fresh install: a welcome, and the first step to take.
  await expect(app.getByRole('heading', { level: 1 })).toHaveText('Welcome');
  const first = app.getByRole('region', { name: 'Your first step: a Quick 5' });
  await expect(first.getByRole('button', { name: 'Start a Quick 5' })).toBeVisible();
  await expect(app.getByTestId('bank-size')).toHaveText('51');
  const bars = app.getByRole('region', { name: 'The bank by level' });
  await expect(bars.getByRole('link', { name: /Beginner\s*12 questions/ })).toBeVisible();
  await expect(bars.getByRole('link', { name: /Intermediate\s*12 questions/ })).toBeVisible();
  await expect(bars.getByRole('link', { name: /Advanced\s*13 questions/ })).toBeVisible();
  await expect(bars.getByRole('link', { name: /Scenario\s*14 questions/ })).toBeVisible();
  await screenshots(app, 'home');
});

test('home lists the first eight decks and shows the rest on request', async ({ app, server }) => {
  const before = (await callApi(server, 'listDecks')).length;
  for (let i = 1; i <= 10; i++) await callApi(server, 'createDeck', { name: `Deck ${String(i).padStart(2, '0')}` });
  const total = before + 10;
  await app.reload();
  const decks = app.getByRole('region', { name: 'Decks' });
  const items = decks.getByRole('listitem');
  await expect(items).toHaveCount(8);
  await expect(decks).toContainText(`Showing 8 of ${total} decks.`);
  const more = decks.getByRole('button', { name: `Show all ${total}` });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  // By keyboard, as every control.
  await more.focus();
  await app.keyboard.press('Enter');
  await expect(items).toHaveCount(total);
  const fewer = decks.getByRole('button', { name: 'Show fewer' });
  await expect(fewer).toHaveAttribute('aria-expanded', 'true');
  await expect(fewer).toBeFocused();
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    const { violations } = await new AxeBuilder({ page: app }).include('[aria-labelledby=decks-title]').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  }
  await fewer.click();
  await expect(items).toHaveCount(8);
  await expect(decks.getByRole('link', { name: 'Manage decks →' })).toHaveAttribute('href', '#/decks');
});

test('the library lists every question and the filters narrow it', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  const questions = app.getByRole('region', { name: 'Questions' }).getByRole('listitem');
  const filters = app.getByRole('complementary', { name: 'Filters' });
  await expect(app.getByTestId('result-count')).toHaveText('51 questions');
  await expect(questions).toHaveCount(51);

  await filters.getByRole('button', { name: /Advanced/ }).click();
  await expect(app.getByTestId('result-count')).toHaveText('13 questions');
  await expect(questions).toHaveCount(13);
  await filters.getByRole('button', { name: /Scenario/ }).click();
  await expect(app.getByTestId('result-count')).toHaveText('27 questions');

  // A keyword narrows the two levels to the questions that name it.
  // The keyword picker is a combobox: type, ArrowDown to the option, Enter to choose it.
  const picker = filters.getByRole('combobox', { name: 'Find a keyword' });
  await picker.fill('read replicas');
  await expect(picker).toHaveAttribute('aria-expanded', 'true');
  await picker.press('ArrowDown');
  const option = filters.getByRole('listbox', { name: 'Keywords' }).getByRole('option', { name: /^read replicas/ });
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await expect(picker).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
  await picker.press('Enter');
  await expect(filters.getByRole('list', { name: 'Selected keywords' })).toContainText('read replicas');
  await expect(picker).toHaveValue('');
  await expect(picker).toBeFocused();
  await expect(app.getByTestId('result-count')).toHaveText('2 questions');
  for (const row of await questions.all()) await expect(row).toContainText('read replicas');

  await app.getByRole('button', { name: 'Clear filters' }).click();
  await expect(app.getByTestId('result-count')).toHaveText('51 questions');

  await app.getByRole('searchbox', { name: 'Search questions' }).fill('select_for_update');
  // The list is the search's (four questions name it), not the whole bank's.
  await expect(app.getByTestId('result-count')).toHaveText('4 questions');
  // Prompts, answers and keywords are searched: the question that asks about it is among the matches.
  await expect(questions.filter({ hasText: 'What does select_for_update() do' })).toHaveCount(1);
  // Each hit says where it matched, with the words around it in the answer.
  for (const row of await questions.all()) await expect(row.getByTestId('match-note')).toContainText(/^Found in /);
  await expect(questions.locator('mark').first()).toHaveText(/select_for_update/i);
  await screenshots(app, 'library-search');
});

test('a question opens to its keywords and rendered model answer', async ({ app }) => {
  await app.goto(app.url().replace(/#.*$/, '') + '#/library');
  await app.getByRole('button', { name: /How do database transactions work/ }).click();
  const detail = app.getByRole('complementary', { name: 'Question' });
  await expect(detail.getByRole('heading', { level: 2 })).toContainText(/database transactions/i);
  await expect(detail.getByRole('list', { name: 'Keywords of this question' })).toContainText('transaction.atomic');
  // Markdown rendered, not shown raw: a highlighted code block and no literal fences.
  await expect(detail.locator('pre code.hljs')).toHaveCount(1);
  await expect(detail.locator('pre code .hljs-keyword').first()).toBeVisible();
  await expect(detail).not.toContainText('```');
  await screenshots(app, 'library-detail');
});

test('the level and keyword filters follow the deck filter', async ({ app, server }) => {
  const go = await callApi(server, 'createDeck', { name: 'Go', levels: ['Junior', 'Senior'] });
  await callApi(server, 'saveQuestion', {
    deckId: go.id,
    level: 'Senior',
    prompt: 'How do you stop a goroutine leak?',
    answer: 'Give every goroutine a way to end: a context it watches.',
    keywords: [{ label: 'context cancellation' }],
  });
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  const filters = app.getByRole('complementary', { name: 'Filters' });
  const levels = filters.getByRole('group', { name: 'Level' }).getByRole('button');
  await expect(levels).toHaveCount(5);

  await filters.getByRole('combobox', { name: 'Deck' }).selectOption({ label: 'Go (1)' });
  await expect(app.getByTestId('result-count')).toHaveText('1 question');
  await expect(levels).toHaveText([/Senior\s*1/]);
  const keywords = filters.getByRole('listbox', { name: 'Keywords' }).getByRole('option');
  await expect(keywords).toHaveText([/context cancellation\s*1/]);

  await filters.getByRole('combobox', { name: 'Deck' }).selectOption({ label: 'Django (51)' });
  await expect(levels).toHaveCount(4);
  await expect(keywords.filter({ hasText: 'context cancellation' })).toHaveCount(0);
});
