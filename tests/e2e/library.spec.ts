import { expect, screenshots, test } from './fixtures';

test('home shows the bank by level', async ({ app }) => {
  await expect(app.getByTestId('bank-size')).toHaveText('51');
  const bars = app.getByRole('region', { name: 'The bank by level' });
  await expect(bars.getByRole('link', { name: /Beginner\s*12 questions/ })).toBeVisible();
  await expect(bars.getByRole('link', { name: /Intermediate\s*12 questions/ })).toBeVisible();
  await expect(bars.getByRole('link', { name: /Advanced\s*13 questions/ })).toBeVisible();
  await expect(bars.getByRole('link', { name: /Scenario\s*14 questions/ })).toBeVisible();
  await screenshots(app, 'home');
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
  await filters.getByRole('searchbox', { name: 'Find a keyword' }).fill('read replicas');
  await filters
    .getByRole('list', { name: 'Keywords' })
    .getByRole('button', { name: /^read replicas/ })
    .click();
  await expect(app.getByTestId('result-count')).toHaveText('2 questions');
  for (const row of await questions.all()) await expect(row).toContainText('read replicas');

  await app.getByRole('button', { name: 'Clear filters' }).click();
  await expect(app.getByTestId('result-count')).toHaveText('51 questions');

  await app.getByRole('searchbox', { name: 'Search questions' }).fill('select_for_update');
  await expect(app.getByTestId('result-count')).toHaveText(/^[1-9]\d* questions?$/);
  // Prompts, answers and keywords are searched: the question that asks about it is among the matches.
  await expect(questions.filter({ hasText: 'What does select_for_update() do' })).toHaveCount(1);
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
