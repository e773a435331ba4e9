import { expect, screenshots, test } from './fixtures';

test('a question is created, edited, refused as a duplicate, deleted and restored', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await expect(app.getByTestId('result-count')).toHaveText('51 questions');
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
  await expect(app.getByTestId('result-count')).toHaveText('52 questions');

  // Editing marks it as the person's own; a duplicate prompt is refused by the store with a clear message.
  await detail.getByRole('button', { name: 'Edit' }).click();
  const edit = app.getByRole('form', { name: 'Edit question' });
  await edit.getByLabel('Prompt').fill("what are django's key features?");
  await edit.getByRole('button', { name: /Save/ }).click();
  await expect(edit.getByRole('alert')).toHaveText(/already has a question with that prompt/);
  await edit.getByLabel('Prompt').fill('How would you rate-limit a Django REST API?');
  await edit.getByRole('button', { name: /Save/ }).click();
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('How would you rate-limit a Django REST API?');
  await expect(detail.getByText('Edited')).toBeVisible();

  await detail.getByRole('button', { name: 'Delete' }).click();
  await expect(app.getByTestId('result-count')).toHaveText('51 questions');
  // The Delete button went with the question: focus is on Undo, not lost.
  const undo = app.getByRole('status').filter({ hasText: 'Deleted' }).getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  await undo.click();
  await expect(app.getByTestId('result-count')).toHaveText('52 questions');
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('How would you rate-limit a Django REST API?');
});

test('the editor shows what a keyword cannot hold inline, and offers the deck’s own keywords first', async ({
  app,
}) => {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await app.getByRole('button', { name: 'New question' }).click();
  const editor = app.getByRole('form', { name: 'New question' });
  await expect(editor.getByText('Aliases belong to the keyword')).toHaveText(
    'Aliases belong to the keyword, not to this question: they apply to every question that uses it, in every deck.',
  );
  // Typing a keyword the bank knows brings its aliases along: they are the keyword's.
  await editor.getByRole('combobox', { name: 'Keyword 1', exact: true }).fill('RSS');
  await expect(editor.getByRole('textbox', { name: 'Aliases of keyword 1' })).toHaveValue('resident set size');
  await editor.getByLabel('Prompt').fill('How do you shard a cache?');
  await editor.getByRole('button', { name: 'Add keyword' }).click();
  const second = editor.getByRole('combobox', { name: 'Keyword 2', exact: true });
  await second.fill('consistent hashing; rendezvous');
  const message = 'A keyword cannot contain ; or | — they separate keywords and aliases in exported decks.';
  await expect(editor.getByText(message)).toBeVisible();
  await expect(second).toHaveAttribute('aria-invalid', 'true');
  await expect(second).toHaveAccessibleDescription(message);
  await editor.getByRole('textbox', { name: 'Aliases of keyword 1' }).fill('resident set size, rss|memory');
  await expect(editor.getByText(message.replace('A keyword', 'An alias'))).toBeVisible();
  await screenshots(app, 'question-editor-error');
  // Save is held back while a keyword is wrong, with the focus on the first field to fix.
  await editor.getByRole('button', { name: /Save/ }).click();
  await expect(editor.getByRole('textbox', { name: 'Aliases of keyword 1' })).toBeFocused();
  await expect(app.getByTestId('result-count')).toHaveText('51 questions');
  await second.fill('consistent hashing');
  await editor.getByRole('textbox', { name: 'Aliases of keyword 1' }).fill('resident set size');
  await expect(editor.getByText(message)).toHaveCount(0);

  // A new deck's editor offers its own keywords before the rest of the bank's.
  await editor.getByRole('button', { name: /Cancel/ }).click();
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decks' }).click();
  await app.getByRole('button', { name: 'New deck' }).click();
  await app.getByRole('form', { name: 'New deck' }).getByLabel('Name').fill('Caching');
  await app.getByRole('form', { name: 'New deck' }).getByRole('button', { name: 'Create deck' }).click();
  await app.getByRole('region', { name: 'Your decks' }).getByRole('link', { name: 'Caching' }).click();
  await app.getByRole('button', { name: 'New question' }).click();
  const inCaching = app.getByRole('form', { name: 'New question' });
  await expect(inCaching.getByLabel('Deck')).toHaveValue('2');
  await inCaching.getByLabel('Prompt').fill('What is cache stampede?');
  await inCaching.getByRole('combobox', { name: 'Keyword 1', exact: true }).fill('thundering herd');
  await inCaching.getByRole('button', { name: /Save/ }).click();
  await expect(app.getByRole('complementary', { name: 'Question' }).getByRole('heading', { level: 2 })).toHaveText(
    'What is cache stampede?',
  );
  await app.getByRole('button', { name: 'New question' }).click();
  const options = app.getByRole('form', { name: 'New question' }).locator('datalist option');
  await expect(options.first()).toHaveAttribute('value', 'thundering herd');
  await expect(options.first()).not.toHaveAttribute('label', /.+/);
  await expect(options.nth(1)).toHaveAttribute('label', /from other decks$/);
});

test('undo after another question took the prompt says why it cannot', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await app.getByRole('searchbox', { name: 'Search questions' }).fill('key features');
  await app.getByRole('button', { name: /What are Django's key features\?/ }).click();
  const detail = app.getByRole('complementary', { name: 'Question' });
  await detail.getByRole('button', { name: 'Delete' }).click();
  const toast = app.getByRole('status').filter({ hasText: 'Deleted' });
  await expect(toast).toBeVisible();

  await app.getByRole('button', { name: 'New question' }).click();
  const editor = app.getByRole('form', { name: 'New question' });
  await editor.getByLabel('Prompt').fill("What are Django's key features?");
  await editor.getByRole('combobox', { name: 'Keyword 1', exact: true }).fill('ORM');
  await editor.getByRole('button', { name: /Save/ }).click();
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText("What are Django's key features?");

  await toast.getByRole('button', { name: 'Undo' }).click();
  const alert = app.getByRole('status').getByRole('alert');
  await expect(alert).toContainText("Could not restore “What are Django's key features?”.");
  await expect(alert).toContainText('This deck already has a question with that prompt');
  await screenshots(app, 'library-undo-conflict');
  await app.getByRole('status').getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);

  // "Recently deleted" says the same, on the question's own row.
  await app.getByRole('button', { name: 'Recently deleted (1)' }).click();
  const item = app.getByRole('dialog', { name: 'Recently deleted' }).getByRole('listitem');
  await item.getByRole('button', { name: /Restore/ }).click();
  await expect(item.getByRole('alert')).toContainText('This deck already has a question with that prompt');
  await screenshots(app, 'library-recently-deleted-conflict');
});

test('a deleted question waits in “Recently deleted” after the toast is gone, and comes back from there', async ({
  app,
}) => {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await app.getByRole('button', { name: 'Recently deleted (0)' }).click();
  const dialog = app.getByRole('dialog', { name: 'Recently deleted' });
  await expect(dialog).toContainText(
    'Nothing deleted. Deleted questions wait here, with their answer history, until you restore them.',
  );
  await screenshots(app, 'library-recently-deleted-empty');
  await dialog.getByRole('button', { name: /Close/ }).click();
  await expect(dialog).toHaveCount(0);

  await app.getByRole('searchbox', { name: 'Search questions' }).fill('key features');
  await app.getByRole('button', { name: /What are Django's key features\?/ }).click();
  await app.getByRole('complementary', { name: 'Question' }).getByRole('button', { name: 'Delete' }).click();
  const toast = app.getByRole('status').filter({ hasText: 'Deleted' });
  await toast.getByRole('button', { name: 'Dismiss' }).click();
  await expect(toast).toHaveCount(0);
  await app.getByRole('searchbox', { name: 'Search questions' }).fill('');
  await expect(app.getByTestId('result-count')).toHaveText('50 questions');

  await app.getByRole('button', { name: 'Recently deleted (1)' }).click();
  const item = dialog.getByRole('list', { name: 'Deleted questions' }).getByRole('listitem');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("What are Django's key features?");
  await expect(item).toContainText('Django');
  await expect(item).toContainText(/Deleted .+ · No answers in its history/);
  await screenshots(app, 'library-recently-deleted');
  await item.getByRole('button', { name: /Restore/ }).click();
  await expect(dialog).toContainText('Nothing deleted.');
  await dialog.getByRole('button', { name: /Close/ }).click();

  await expect(app.getByTestId('result-count')).toHaveText('51 questions');
  await expect(app.getByRole('button', { name: 'Recently deleted (0)' })).toBeVisible();
  await app.getByRole('searchbox', { name: 'Search questions' }).fill('key features');
  await expect(app.getByRole('button', { name: /What are Django's key features\?/ })).toBeVisible();
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
  await expect(dialog).toContainText('51 questions and 0 past answers go with it');
  await expect(dialog).not.toContainText('unfinished session');
  await dialog.getByRole('button', { name: /Cancel/ }).click();

  // A session left unfinished on Django: deleting Django would end it, and the dialog says so first.
  await app.evaluate(async () => {
    const response = await fetch('/api/startSession', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Prepdeck-Token': sessionStorage.getItem('prepdeck-token')! },
      body: JSON.stringify({ count: 2, order: 'random' }),
    });
    const body = (await response.json()) as { ok: boolean };
    if (!body.ok) throw new Error('startSession failed');
  });
  await decks.getByRole('listitem').filter({ hasText: 'Django' }).getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toContainText('Your unfinished session asks questions of this deck: it will be ended.');
  await screenshots(app, 'deck-delete-session');
  await dialog.getByRole('button', { name: /Cancel/ }).click();
  await expect(decks.getByRole('listitem')).toHaveCount(2);
  await decks.getByRole('listitem').filter({ hasText: 'Architecture' }).getByRole('button', { name: 'Delete' }).click();
  await app
    .getByRole('dialog')
    .getByRole('button', { name: /Delete deck/ })
    .click();
  await expect(decks.getByRole('listitem')).toHaveCount(1);
});

test('a question without keywords saves, and the editor says it cannot be scored yet (issue 13)', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await app.getByRole('button', { name: 'New question' }).click();
  const editor = app.getByRole('form', { name: 'New question' });
  await editor.getByLabel('Prompt').fill('What is a Django app, and when do you make a new one?');
  await editor.getByRole('textbox', { name: 'Model answer' }).fill('A package of models, views and URLs.');
  await expect(editor.getByTestId('no-keywords-note')).toContainText('cannot be scored until it has keywords');
  await editor.getByRole('combobox', { name: 'Keyword 1', exact: true }).fill('INSTALLED_APPS');
  await expect(editor.getByTestId('no-keywords-note')).toBeHidden();
  await editor.getByRole('combobox', { name: 'Keyword 1', exact: true }).fill('');
  await editor.getByRole('button', { name: /Save/ }).click();

  const detail = app.getByRole('complementary', { name: 'Question' });
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(
    'What is a Django app, and when do you make a new one?',
  );
  await expect(app.getByTestId('result-count')).toHaveText('52 questions');
});

test('the bundled deck, once deleted, is offered again on the Decks page (issue 14)', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decks' }).click();
  const decks = app.getByRole('region', { name: 'Your decks' });
  await expect(decks.getByRole('button', { name: 'Add the Django deck again' })).toHaveCount(0);
  await decks.getByRole('listitem').filter({ hasText: 'Django' }).getByRole('button', { name: 'Delete' }).click();
  const dialog = app.getByRole('dialog', { name: 'Delete “Django”?' });
  await expect(dialog).toContainText('it will not come back when the app starts again');
  await dialog.getByRole('button', { name: /Delete deck/ }).click();
  await expect(decks.getByRole('listitem')).toHaveCount(0);

  await expect(decks).toContainText('You deleted the Django deck that comes with Prepdeck (51 questions).');
  await decks.getByRole('button', { name: 'Add the Django deck again' }).click();
  await expect(decks.getByRole('listitem').filter({ hasText: 'Django' })).toContainText('51 questions');
  await expect(decks.getByRole('button', { name: 'Add the Django deck again' })).toHaveCount(0);
});
