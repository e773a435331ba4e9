import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page, Route } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { expect, screenshots, test } from './fixtures';

const ARTICLE = path.resolve('tests/fixtures/articles/python-plain.txt');

async function openDecks(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decks' }).click();
  await expect(page.getByRole('heading', { name: 'Decks', level: 1 })).toBeVisible();
}

/** Waits until the preview on screen answers every choice made so far: no refresh is pending. */
async function previewSettled(panel: Locator): Promise<void> {
  await expect(panel.getByTestId('import-preview')).toHaveAttribute('aria-busy', 'false');
}

const OS_CSV = [
  'Advanced,What is a mutex?,A lock that one thread holds at a time.,mutex; lock',
  'Beginner,What is a process?,A running program with its own memory.,process; address space',
  'Advanced,"What is a deadlock, and how do you avoid it?","Two threads wait for each other; take locks in one order.",deadlock; lock ordering',
].join('\n');

async function libraryCount(page: Page): Promise<string | null> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await expect(page.getByTestId('result-count')).toHaveText(/\d+ questions?/);
  return page.getByTestId('result-count').textContent();
}

test('an article is previewed, a level fixed, imported, and found in the library and in a session', async ({ app }) => {
  await openDecks(app);
  const panel = app.getByRole('region', { name: 'Import questions' });
  await panel.getByLabel('Choose a file…').setInputFiles(ARTICLE);

  // The preview: every question with its level and keywords, suggested ones marked, warnings by line.
  const rows = panel.getByRole('table', { name: 'Questions to import' }).getByRole('row');
  await expect(rows).toHaveCount(8);
  await expect(panel.getByText('Article text', { exact: true })).toBeVisible();
  await expect(rows.nth(1)).toContainText('What is the difference between a list and a tuple?');
  await expect(rows.nth(1)).toContainText('Beginner');
  await expect(rows.nth(1)).toContainText('hashable');
  await expect(rows.nth(1)).not.toContainText('Suggested');
  await expect(rows.nth(2)).toContainText('What does the GIL do?');
  await expect(rows.nth(2)).toContainText('Suggested');
  const warnings = panel.getByLabel('Warnings');
  await expect(warnings.getByRole('listitem')).toHaveText([
    'Line 5' +
      '2 questions come before the first level heading; they were put under Beginner, the level of that heading.',
  ]);
  // Each level with the headings that named it.
  const levels = panel.getByRole('group', { name: 'Levels' });
  await expect(levels.getByRole('listitem')).toHaveText([
    /^Beginner4 questionsfrom “Questions for Freshers”/,
    /^Advanced3 questionsfrom “Questions for Experienced Developers”/,
  ]);
  await expect(panel.getByTestId('import-summary')).toHaveText(
    '7 new questions → a new deck, PYTHON INTERVIEW QUESTIONS',
  );

  // Fix a level: "for Experienced Developers" is this deck's Intermediate.
  await panel.getByLabel('Level for Advanced questions').selectOption('Intermediate');
  await expect(rows.nth(5)).toContainText('Intermediate');
  await expect(rows.nth(5)).toContainText('was Advanced');
  await panel.getByLabel('New deck name').fill('Python');
  await expect(panel.getByTestId('import-summary')).toHaveText('7 new questions → a new deck, Python');
  await panel.scrollIntoViewIfNeeded();
  await app.setViewportSize({ width: 1280, height: 800 });
  await panel.getByRole('heading', { name: 'Import questions' }).evaluate((h) => h.scrollIntoView());
  await screenshots(app, 'import-preview');

  await panel.getByRole('button', { name: 'Import 7 questions' }).click();
  await expect(panel.getByRole('status')).toContainText('Imported 7 questions into Python');
  await expect(app.getByRole('region', { name: 'Your decks' }).getByRole('listitem')).toHaveCount(2);

  // In the library, filtered to the new deck.
  await panel.getByRole('link', { name: 'Open Python in the library →' }).click();
  await expect(app.getByTestId('result-count')).toHaveText('7 questions');
  await expect(app.getByRole('button', { name: /What does the GIL do\?/ })).toBeVisible();

  // In a practice session: the keyword filter finds it, at the level it was given.
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice' }).click();
  const form = app.getByRole('region', { name: 'Custom session' });
  await form.getByRole('combobox', { name: 'Find a keyword' }).fill('hashable');
  await form.getByRole('listbox', { name: 'Keywords' }).getByRole('option').first().click();
  await form.getByRole('spinbutton', { name: 'Questions', exact: true }).fill('1');
  await expect(app.getByTestId('planned')).toHaveText('1 question');
  await app.getByRole('button', { name: 'Start session' }).click();
  await expect(app.getByTestId('prompt')).toHaveText('What is the difference between a list and a tuple?');
  await expect(app.locator('.level-badge').first()).toHaveText('Beginner');
});

test('an article without level headings says so and goes to the one level picked', async ({ app }) => {
  await openDecks(app);
  const panel = app.getByRole('region', { name: 'Import questions' });
  await panel.getByLabel('Choose a file…').setInputFiles(path.resolve('tests/fixtures/articles/go-noheadings.md'));
  const rows = panel.getByRole('table', { name: 'Questions to import' }).getByRole('row');
  await expect(rows).toHaveCount(5);
  const levels = panel.getByRole('group', { name: 'Levels' });
  await expect(levels).toContainText('This article has no level headings: every question goes to one level.');
  const picker = levels.getByLabel('Level for every question');
  await expect(picker).toHaveValue('Intermediate');
  await expect(panel.getByLabel('Warnings')).toHaveCount(0);

  await picker.selectOption('Advanced');
  await previewSettled(panel);
  for (let i = 1; i <= 4; i++) {
    await expect(rows.nth(i)).toContainText('Advanced');
    await expect(rows.nth(i)).not.toContainText('was Intermediate'); // the article never said Intermediate
  }
  await expect(picker).toHaveValue('Advanced');
  await app.setViewportSize({ width: 1280, height: 800 });
  await panel.getByRole('heading', { name: 'Import questions' }).evaluate((h) => h.scrollIntoView());
  await screenshots(app, 'import-one-level');

  await panel.getByRole('button', { name: 'Import 4 questions' }).click();
  await expect(panel.getByRole('status')).toContainText('Imported 4 questions into');
});

test('a broken file gets an error with its line, and the library is unchanged', async ({ app }) => {
  await openDecks(app);
  const panel = app.getByRole('region', { name: 'Import questions' });
  await panel.getByLabel('Choose a file…').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{\n  "format": "prepdeck-deck",\n  "version": 1,\n  "deck": { "questions": [ }\n}\n'),
  });
  const alert = panel.getByRole('alert');
  await expect(alert).toContainText('Cannot import “broken.json”.');
  await expect(alert).toContainText('The JSON is malformed at line 4');
  await expect(alert).toContainText('Nothing was imported.');
  await expect(alert).toContainText('If the file is in another format, choose it under “Read as” above');
  await expect(panel.getByLabel('Read as')).toBeVisible();
  await expect(panel.getByRole('button', { name: /^Import \d/ })).toHaveCount(0);
  await screenshots(app, 'import-error');

  // Pasted text without questions: the same, in words.
  await panel.getByRole('button', { name: 'Start over' }).click();
  await panel.getByRole('textbox', { name: 'Or paste text' }).fill('Some notes about Django, but no questions.');
  await panel.getByRole('button', { name: 'Preview pasted text' }).click();
  await expect(panel.getByRole('alert')).toContainText('No questions found');

  expect(await libraryCount(app)).toBe('51 questions');
});

test('the answer history is exported as CSV after answering a question', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice' }).click();
  const form = app.getByRole('region', { name: 'Custom session' });
  // A keyword only the transactions question has, so the one question planned is that one.
  await form.getByRole('combobox', { name: 'Find a keyword' }).fill('all-or-nothing');
  await form.getByRole('listbox', { name: 'Keywords' }).getByRole('option').first().click();
  await form.getByRole('spinbutton', { name: 'Questions', exact: true }).fill('1');
  await expect(app.getByTestId('planned')).toHaveText('1 question');
  await app.getByRole('button', { name: 'Start session' }).click();
  await app.getByRole('textbox', { name: 'Your answer' }).fill('transaction.atomic() gives a rollback on error.');
  await app.getByRole('textbox', { name: 'Your answer' }).press('Control+Enter');
  await expect(app.getByTestId('keyword-score')).toHaveText('Keyword score 33% · 2 of 7 named');
  await app.keyboard.press('4');
  await expect(app.getByRole('button', { name: /Nailed/ })).toHaveAttribute('aria-pressed', 'true');

  await openDecks(app);
  const exportCard = app.getByRole('region', { name: 'Export' });
  const downloading = app.waitForEvent('download');
  await exportCard.getByRole('button', { name: 'Export history (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^prepdeck-history-\d{4}-\d{2}-\d{2}\.csv$/);
  const content = fs.readFileSync((await download.path())!, 'utf8');
  const rows = parse(content, { bom: true, columns: true }) as Array<Record<string, string>>;
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    deck: 'Django',
    question: 'How do database transactions work in Django?',
    level: 'Advanced',
    outcome: 'answered',
    'time allowed (s)': '120',
    'self-grade': 'Nailed',
    'keyword score (%)': '33',
    'keywords named': 'transaction.atomic; all-or-nothing',
    'keywords missed':
      'autocommit by default; savepoints; lost update; row lock or F() expression; transaction.on_commit',
    answer: 'transaction.atomic() gives a rollback on error.',
  });
  await expect(exportCard.getByRole('status')).toHaveText(/^Downloaded prepdeck-history-.*\.csv\.$/);

  // A deck, too: Markdown that reads back as the deck.
  const deckDownload = app.waitForEvent('download');
  await exportCard.getByRole('button', { name: 'Download “Django”' }).click();
  const deckFile = await deckDownload;
  expect(deckFile.suggestedFilename()).toBe('django.md');
  expect(fs.readFileSync((await deckFile.path())!, 'utf8')).toMatch(/^# Django\n/);
});

test('a backup is made, downloaded, and restoring it brings the bank back', async ({ app, server }) => {
  await openDecks(app);
  const backups = app.getByRole('region', { name: 'Backups' });
  await expect(backups).toContainText('No backups yet');
  await backups.getByRole('button', { name: 'Back up now' }).click();
  await expect(backups.getByRole('status')).toContainText('Backed up 1 deck, 51 questions, 0 answers');
  const table = backups.getByRole('table', { name: 'Backups' });
  await expect(table.getByRole('row')).toHaveCount(2);

  // Downloaded, it is streamed from the backups folder byte for byte (no base64 inside JSON), and stays there.
  const downloading = app.waitForEvent('download');
  await table.getByRole('row').nth(1).getByRole('button', { name: 'Download' }).click();
  const download = await downloading;
  const [backupName] = fs.readdirSync(path.join(server.dataDir, 'backups'));
  expect(download.suggestedFilename()).toBe(backupName);
  const original = fs.readFileSync(path.join(server.dataDir, 'backups', backupName!));
  expect(fs.readFileSync((await download.path())!).equals(original)).toBe(true);
  expect(original.subarray(0, 15).toString()).toBe('SQLite format 3');

  // Then a deck comes in by pasted text...
  const panel = app.getByRole('region', { name: 'Import questions' });
  await panel
    .getByRole('textbox', { name: 'Or paste text' })
    .fill(
      'Go questions\n\n1. What is a goroutine?\nA lightweight thread managed by the Go runtime.\nKeywords: scheduler, stack',
    );
  await panel.getByRole('button', { name: 'Preview pasted text' }).click();
  await panel.getByLabel('New deck name').fill('Go');
  await panel.getByRole('button', { name: 'Import 1 question' }).click();
  await expect(app.getByRole('region', { name: 'Your decks' }).getByRole('listitem')).toHaveCount(2);

  // ...and the backup takes the bank back to before it, keeping what it replaced.
  await table.getByRole('row').nth(1).getByRole('button', { name: 'Restore…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Replace your data with this backup?' });
  await expect(dialog).toContainText('Everything you have now (2 decks, 52 questions, 0 answers) is replaced by');
  await expect(dialog).toContainText('(1 deck, 51 questions, 0 answers)');
  await screenshots(app, 'restore-confirm');
  await dialog.getByRole('button', { name: /Restore/ }).click();
  await expect(backups.getByRole('status')).toContainText('you now have 1 deck, 51 questions, 0 answers');
  await expect(app.getByRole('region', { name: 'Your decks' }).getByRole('listitem')).toHaveCount(1);
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table).toContainText('Before a restore');
  await backups.scrollIntoViewIfNeeded();
  await screenshots(app, 'backups');
  expect(await libraryCount(app)).toBe('51 questions');

  // The downloaded copy, restored from a file: streamed to the server (not base64 in JSON), then checked and used.
  await openDecks(app);
  const downloaded = (await download.path())!;
  await backups.locator('input[type="file"]').setInputFiles(downloaded);
  const fromFile = app.getByRole('dialog', { name: 'Replace your data with this backup?' });
  await expect(fromFile).toContainText(`“${path.basename(downloaded)}”`);
  await fromFile.getByRole('button', { name: /Restore/ }).click();
  await expect(backups.getByRole('status')).toContainText('you now have 1 deck, 51 questions, 0 answers');
  await expect(table.getByRole('row')).toHaveCount(4);
});

test('a CSV without a header row is mapped column by column before the import', async ({ app }) => {
  await openDecks(app);
  const panel = app.getByRole('region', { name: 'Import questions' });
  await panel.getByLabel('Choose a file…').setInputFiles({
    name: 'os-questions.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(OS_CSV),
  });
  const columns = panel.getByRole('group', { name: 'Columns' });
  await expect(columns).toContainText('This table has no header row naming its columns');
  const rows = panel.getByRole('table', { name: 'Questions to import' }).getByRole('row');
  await expect(rows).toHaveCount(4);
  // Guessed by position: the level column was taken for the question.
  await expect(rows.nth(1)).toContainText('Advanced');
  // One column at a time, each preview awaited: every step is a mapping that reads.
  await columns.getByLabel('Answer').selectOption({ label: 'Column 3' });
  await previewSettled(panel);
  await expect(rows.nth(1)).toContainText('A lock that one thread holds at a time.');
  await columns.getByLabel('Question').selectOption({ label: 'Column 2' });
  await previewSettled(panel);
  await expect(rows.nth(1)).toContainText('What is a mutex?');
  await columns.getByLabel('Level').selectOption({ label: 'Column 1' });
  await previewSettled(panel);
  await expect(rows.nth(2)).toContainText('Beginner');
  await columns.getByLabel('Keywords').selectOption({ label: 'Column 4' });
  await previewSettled(panel);
  await expect(rows.nth(3)).toContainText('lock ordering');
  await expect(rows.nth(3)).not.toContainText('Suggested');
  await columns.evaluate((el) => el.scrollIntoView());
  await screenshots(app, 'import-csv-mapping');
  await panel.getByRole('button', { name: 'Import 3 questions' }).click();
  await expect(panel.getByRole('status')).toContainText('Imported 3 questions into os questions');
});

test('a column mapping that cannot work keeps its controls, says what to change, and the fix imports', async ({
  app,
}) => {
  await openDecks(app);
  const panel = app.getByRole('region', { name: 'Import questions' });
  await panel.getByLabel('Choose a file…').setInputFiles({
    name: 'os-questions.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(OS_CSV),
  });
  const columns = panel.getByRole('group', { name: 'Columns' });
  const questions = panel.getByRole('table', { name: 'Questions to import' });
  await expect(questions.getByRole('row')).toHaveCount(4);
  await previewSettled(panel);
  // Guessed by position: Column 1 for the question, Column 2 for the answer. The question goes to the answer's.
  await expect(columns.getByLabel('Answer')).toHaveValue('1');
  await columns.getByLabel('Question').selectOption({ label: 'Column 2' });

  // The error is where the questions were; everything that made the request stays, with the file's columns.
  const alert = panel.getByRole('alert');
  await expect(alert).toContainText('Cannot import “os-questions.csv” this way.');
  await expect(alert).toContainText('The question and the answer cannot come from the same column.');
  await expect(alert).toContainText('Choose another column for the Question or for the Answer above.');
  await previewSettled(panel);
  for (const role of ['Question', 'Answer', 'Level', 'Keywords', 'Tags']) {
    await expect(columns.getByLabel(role)).toBeVisible();
  }
  await expect(columns.getByLabel('Question')).toHaveValue('1');
  await expect(columns.getByLabel('Answer')).toHaveValue('1');
  const firstRows = columns.getByRole('table', { name: 'First rows of the file' });
  await expect(firstRows).toContainText('What is a mutex?');
  await expect(firstRows.getByRole('columnheader').nth(1)).toHaveText('Column 2QuestionAnswer');
  await expect(panel.getByLabel('Read as')).toHaveValue('csv');
  await expect(panel.getByLabel('Into deck')).toBeVisible();
  await expect(panel.getByLabel('Level of the whole import')).toBeVisible();
  await expect(questions).toHaveCount(0);
  await expect(panel.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await panel.getByRole('heading', { name: 'Import questions' }).evaluate((h) => h.scrollIntoView());
  await screenshots(app, 'import-mapping-error');

  // The fix: the answer is in Column 3.
  await columns.getByLabel('Answer').selectOption({ label: 'Column 3' });
  await expect(alert).toHaveCount(0);
  await previewSettled(panel);
  await expect(questions.getByRole('row').nth(1)).toContainText('What is a mutex?');
  await expect(questions.getByRole('row').nth(1)).toContainText('A lock that one thread holds at a time.');

  // While a refreshed preview is on its way, the one on screen cannot be imported: the import would differ from it.
  const held: Route[] = [];
  await app.route('**/api/previewImport', (route) => void held.push(route));
  await columns.getByLabel('Level').selectOption({ label: 'Column 1' });
  await expect.poll(() => held.length).toBe(1);
  await expect(panel.getByTestId('import-preview')).toHaveAttribute('aria-busy', 'true');
  await expect(panel.getByRole('button', { name: 'Import 3 questions' })).toBeDisabled();
  await held[0]!.continue();
  await app.unroute('**/api/previewImport');
  await previewSettled(panel);
  await expect(questions.getByRole('row').nth(2)).toContainText('Beginner');
  await panel.getByRole('button', { name: 'Import 3 questions' }).click();
  await expect(panel.getByRole('status')).toContainText('Imported 3 questions into os questions');
});

test('a comma-separated .txt taken for an article fails, and read as CSV it shows its questions', async ({ app }) => {
  await openDecks(app);
  const panel = app.getByRole('region', { name: 'Import questions' });
  await panel.getByLabel('Choose a file…').setInputFiles({
    name: 'os-notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(
      [
        'What is a mutex?,A lock that one thread holds at a time.,mutex; lock',
        'What is a process?,A running program with its own memory.,process; address space',
        'What is a deadlock?,Two threads wait for each other; take locks in one order.,deadlock; lock ordering',
      ].join('\n'),
    ),
  });

  // Detected as an article, which finds no numbered questions: the first preview fails, and "Read as" stays.
  const alert = panel.getByRole('alert');
  await expect(alert).toContainText('Cannot import “os-notes.txt”.');
  await expect(alert).toContainText('No questions found');
  await expect(alert).toContainText('If the file is in another format, choose it under “Read as” above');
  const readAs = panel.getByLabel('Read as');
  await expect(readAs).toHaveValue('');
  await expect(panel.getByRole('button', { name: /^Import \d/ })).toHaveCount(0);
  await screenshots(app, 'import-read-as-error');

  await readAs.selectOption({ label: 'CSV' });
  await expect(alert).toHaveCount(0);
  const rows = panel.getByRole('table', { name: 'Questions to import' }).getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText('What is a mutex?');
  await expect(rows.nth(3)).toContainText('What is a deadlock?');
  await expect(readAs).toHaveValue('csv');
  await expect(panel.getByRole('group', { name: 'Columns' })).toBeVisible();
  await previewSettled(panel);
  await panel.getByRole('button', { name: 'Import 3 questions' }).click();
  await expect(panel.getByRole('status')).toContainText('Imported 3 questions into os notes');
});

test("the desktop menu's items open the Decks page at their panel", async ({ app }) => {
  const go = (hash: string) =>
    app.evaluate((to) => ((globalThis as unknown as { location: { hash: string } }).location.hash = to), hash);
  await go('#/decks?panel=backup');
  await expect(app.getByRole('heading', { name: 'Backups', level: 2 })).toBeInViewport();
  await go('#/decks?panel=import');
  await expect(app.getByRole('heading', { name: 'Import questions', level: 2 })).toBeInViewport();
});
