import { expect, screenshots, test } from './fixtures';

test('a question is created, edited, refused as a duplicate, deleted and restored', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await expect(app.getByTestId('result-count')).toHaveText('35 questions');
  await app.getByRole('button', { name: 'New question' }).click();
  const editor = app.getByRole('form', { name: 'New question' });
  await editor.getByLabel('Level').selectOption('Advanced');
  await editor.getByLabel('Prompt').fill('How would you rate-limit a Django API?');
  await editor
    .getByRole('textbox', { name: 'Model answer' })
    .fill('Use **throttling** in DRF:\n\n```python\nDEFAULT_THROTTLE_RATES = {"user": "100/hour"}\n```');
  await expect(editor.getByLabel('Preview').locator('strong')).toHaveText('throttling');
  await editor.getByRole('combobox', { name: 'Keyword 1', exact: true }).fill('throttling');
  await editor.getByRole('textbox', { name: 'Aliases of keyword 1' }).fill('throttle, rate limiting');
  await editor.getByRole('button', { name: 'Add keyword' }).click();
  await editor.getByRole('combobox', { name: 'Keyword 2', exact: true }).fill('Redis');
  await screenshots(app, 'question-editor');
  await editor.getByRole('button', { name: /Save/ }).click();

  const detail = app.getByRole('complementary', { name: 'Question' });
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('How would you rate-limit a Django API?');
  await expect(detail.getByRole('list', { name: 'Keywords of this question' }).getByRole('listitem')).toHaveText([
    'throttling',
    'Redis',
  ]);
  await expect(app.getByTestId('result-count')).toHaveText('36 questions');

  // Editing marks it as the person's own; a duplicate prompt is refused by the store with a clear message.
  await detail.getByRole('button', { name: 'Edit' }).click();
  const edit = app.getByRole('form', { name: 'Edit question' });
  await edit.getByLabel('Prompt').fill("what are django's key features?");
  await edit.getByRole('button', { name: /Save/ }).click();
  await expect(edit.getByRole('alert')).toHaveText(/already has a question with the same prompt/);
  await edit.getByLabel('Prompt').fill('How would you rate-limit a Django REST API?');
  await edit.getByRole('button', { name: /Save/ }).click();
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('How would you rate-limit a Django REST API?');
  await expect(detail.getByText('Edited')).toBeVisible();

  await detail.getByRole('button', { name: 'Delete' }).click();
  await expect(app.getByTestId('result-count')).toHaveText('35 questions');
  await app.getByRole('status').filter({ hasText: 'Deleted' }).getByRole('button', { name: 'Undo' }).click();
  await expect(app.getByTestId('result-count')).toHaveText('36 questions');
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('How would you rate-limit a Django REST API?');
});

test('decks are created, renamed, and deleted after saying what goes with them', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decks' }).click();
  await app.getByRole('button', { name: 'New deck' }).click();
  const form = app.getByRole('form', { name: 'New deck' });
  await form.getByLabel('Name').fill('django');
  await form.getByRole('button', { name: 'Create deck' }).click();
  await expect(form.getByRole('alert')).toHaveText(/already a deck called/);
  await form.getByLabel('Name').fill('System design');
  await form.getByLabel('Levels, easiest first').fill('Junior, Senior, Staff');
  await form.getByRole('button', { name: 'Create deck' }).click();
  const decks = app.getByRole('region', { name: 'Your decks' });
  await expect(decks.getByRole('listitem')).toHaveCount(2);
  await expect(decks.getByRole('listitem').filter({ hasText: 'System design' })).toContainText(
    'Junior · Senior · Staff',
  );

  await decks
    .getByRole('listitem')
    .filter({ hasText: 'System design' })
    .getByRole('button', { name: 'Rename' })
    .click();
  await app.getByRole('form', { name: 'Edit System design' }).getByLabel('Name').fill('Architecture');
  await app.getByRole('form', { name: 'Edit System design' }).getByRole('button', { name: 'Save' }).click();
  await expect(decks.getByRole('listitem').filter({ hasText: 'Architecture' })).toBeVisible();
  await screenshots(app, 'decks');

  await decks.getByRole('listitem').filter({ hasText: 'Django' }).getByRole('button', { name: 'Delete' }).click();
  const dialog = app.getByRole('dialog', { name: 'Delete “Django”?' });
  await expect(dialog).toContainText('35 questions and 0 past answers go with it');
  await dialog.getByRole('button', { name: /Cancel/ }).click();
  await expect(decks.getByRole('listitem')).toHaveCount(2);
  await decks.getByRole('listitem').filter({ hasText: 'Architecture' }).getByRole('button', { name: 'Delete' }).click();
  await app
    .getByRole('dialog')
    .getByRole('button', { name: /Delete deck/ })
    .click();
  await expect(decks.getByRole('listitem')).toHaveCount(1);
});
