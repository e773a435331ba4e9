import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from '@playwright/test';
import type { ResultOf } from '../../src/shared/api';
import { callApi, expect, screenshots, stopTime, test, type PrepdeckServer } from './fixtures';

const call = callApi;

/**
 * Sits one session of the given questions through the api: each answer typed, then graded.
 * Returns each question's keyword score as main scored it.
 */
async function sitSession(
  server: PrepdeckServer,
  answers: Map<number, { text: string; grade: 1 | 2 | 3 | 4 }>,
): Promise<Map<number, number>> {
  let view = await call(server, 'startSession', {
    questionIds: [...answers.keys()],
    count: answers.size,
    order: 'random',
  });
  const scores = new Map<number, number>();
  for (let position = 0; position < answers.size; position++) {
    const questionId = view.current!.question.id;
    const { text, grade } = answers.get(questionId)!;
    view = await call(server, 'submitAnswer', { sessionId: view.id, position, answer: text, reason: 'answer' });
    scores.set(questionId, view.revealed!.keywordScore!);
    view = await call(server, 'gradeAttempt', { sessionId: view.id, attemptId: view.revealed!.id, grade });
    view = await call(server, 'nextQuestion', { sessionId: view.id });
  }
  expect((await call(server, 'getSessionResults', { sessionId: view.id })).session.status).toBe('finished');
  return scores;
}

async function openStats(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stats' }).click();
  await expect(page.getByRole('heading', { name: 'Stats', level: 1 })).toBeVisible();
}

/** The text of each cell of a table row, found by its first cell. */
async function rowCells(page: Page, table: string, first: string): Promise<string[]> {
  const row = page
    .getByRole('table', { name: table })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: first, exact: true }) });
  return (await row.locator('th, td').allTextContents()).map((t) => t.trim());
}

test('a new user sees what to do on every chart of the Stats page', async ({ app }) => {
  await openStats(app);
  await expect(app.getByTestId('tile-answers')).toHaveText('0');
  for (const title of [
    'Results by level',
    'Weakest keywords',
    'Level × keyword',
    'Scores over time',
    'Practice calendar',
  ]) {
    const card = app.getByRole('region', { name: title });
    await expect(card.getByText('No practice yet')).toBeVisible();
    await expect(card.getByRole('link', { name: 'Start a practice session' })).toBeVisible();
  }
  await screenshots(app, 'stats-empty');
  await app
    .getByRole('region', { name: 'Results by level' })
    .getByRole('link', { name: 'Start a practice session' })
    .click();
  await expect(app).toHaveURL(/#\/practice/);
});

type ListedQuestion = ResultOf<'listQuestions'>['items'][number];

/** The transactions question (Advanced; seven keywords weighing 12, all-or-nothing is its own). */
async function transactionsQuestion(server: PrepdeckServer): Promise<ListedQuestion> {
  const overview = await call(server, 'libraryOverview');
  const allOrNothing = overview.keywords.find((k) => k.label === 'all-or-nothing')!;
  return (await call(server, 'listQuestions', { keywordIds: [allOrNothing.id] })).items[0]!;
}

/** A chart is drawn (one bar per series and level), and the full page is captured card by card. */
async function expectChartsDrawn(app: Page): Promise<void> {
  const levelsCard = app.getByRole('region', { name: 'Results by level' });
  await expect(levelsCard.locator('svg.recharts-surface')).toBeVisible();
  await expect(levelsCard.locator('.series-1 path.recharts-rectangle')).toHaveCount(2);
  await expect(app.getByRole('region', { name: 'Scores over time' }).locator('circle.dot-keyword')).toHaveCount(2);
  await screenshots(app, 'stats-full');
  for (const [title, name] of [
    ['Weakest keywords', 'stats-full-keywords'],
    ['Practice calendar', 'stats-full-calendar'],
  ] as const) {
    await app.getByRole('region', { name: title }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshots(app, name);
  }
}

/** The levels chart as PNG (with its legend drawn in), and its numbers as CSV. */
async function expectLevelsExports(app: Page): Promise<void> {
  const levelsCard = app.getByRole('region', { name: 'Results by level' });
  const [png] = await Promise.all([
    app.waitForEvent('download'),
    levelsCard.getByRole('button', { name: 'PNG' }).click(),
  ]);
  expect(png.suggestedFilename()).toBe('prepdeck-levels-all.png');
  const image = fs.readFileSync((await png.path())!);
  expect(image.subarray(1, 4).toString()).toBe('PNG');
  fs.mkdirSync('screenshots', { recursive: true });
  fs.writeFileSync('screenshots/stats-export-results-by-level.png', image);
  const [csv] = await Promise.all([
    app.waitForEvent('download'),
    levelsCard.getByRole('button', { name: 'CSV' }).click(),
  ]);
  const rows = parse(fs.readFileSync((await csv.path())!, 'utf8'), { bom: true }) as string[][];
  expect(rows[0]).toEqual(expect.arrayContaining(['Level', 'Answers']));
  expect(rows.find((r) => r[0] === 'Advanced')?.[1]).toBe('2');
}

/** The two sessions' numbers in the tables: by level, by keyword, self-grade against keywords, per question. */
async function expectTables(app: Page, advancedPrompt: string, beginnerScore: number): Promise<void> {
  // By level, as a table: Advanced grades 3 and 1 → mean 2, scores 33.3% and 0% → 16.7%, Good or better 1 of 2.
  await app.getByRole('region', { name: 'Results by level' }).getByRole('button', { name: 'Table' }).click();
  expect(await rowCells(app, 'Results by level', 'Advanced')).toEqual(
    expect.arrayContaining(['Advanced', '2', '2.0 / 4 · Partial', '16.7%', '50.0%']),
  );
  expect(await rowCells(app, 'Results by level', 'Beginner')).toEqual(
    expect.arrayContaining(['Beginner', '1', '4.0 / 4 · Nailed', `${(beginnerScore * 100).toFixed(1)}%`, '100.0%']),
  );

  // By keyword: transaction.atomic named once in two asks; lost update never.
  await app.getByRole('region', { name: 'Weakest keywords' }).getByRole('button', { name: 'Table' }).click();
  expect((await rowCells(app, 'Weakest keywords', 'transaction.atomic')).slice(0, 4)).toEqual([
    'transaction.atomic',
    '2',
    '1',
    '50.0%',
  ]);
  expect((await rowCells(app, 'Weakest keywords', 'lost update')).slice(0, 4)).toEqual([
    'lost update',
    '2',
    '0',
    '0.0%',
  ]);

  // Calibration: Advanced self-grade (3 and 1 → 2/3 and 0 → 33.3%) against keywords named (16.7%).
  await app
    .getByRole('region', { name: 'Self-grade against keywords named' })
    .getByRole('button', { name: 'Table' })
    .click();
  expect((await rowCells(app, 'Self-grade against keywords named', 'Advanced')).slice(0, 5)).toEqual([
    'Advanced',
    '2',
    '33.3%',
    '16.7%',
    '+17 pts',
  ]);

  // Per question: the transactions question twice, last graded Missed, best Good.
  const questions = app.getByRole('table', { name: 'Questions' });
  const row = questions.getByRole('row').filter({ hasText: advancedPrompt });
  await expect(row.locator('td').nth(1)).toHaveText('2');
  await expect(row.locator('td').nth(2)).toHaveText('Missed');
  await expect(row.locator('td').nth(3)).toHaveText('Good');
  await expect(row.locator('td').nth(4)).toHaveText('2.0 / 4 · Partial');
}

test('after two sessions the Stats page shows their numbers, drills into a keyword, and practises it', async ({
  app,
  server,
}) => {
  // The transactions question and the first Beginner question.
  const advanced = await transactionsQuestion(server);
  const beginnerId = (await call(server, 'listQuestions', { levels: ['Beginner'], limit: 1 })).items[0]!.id;
  const beginner = await call(server, 'getQuestion', { id: beginnerId });
  expect(advanced.level).toBe('Advanced');

  // Session 1: transaction.atomic and all-or-nothing named (weights 2 + 2 of 12), graded Good; the Beginner question's first keyword named, graded Nailed.
  const first = await sitSession(
    server,
    new Map([
      [advanced.id, { text: 'Wrap it in transaction.atomic() so that a failure rolls everything back.', grade: 3 }],
      [beginner.id, { text: `It is about ${beginner.keywords[0]!.label}.`, grade: 4 }],
    ]),
  );
  expect(first.get(advanced.id)).toBeCloseTo(4 / 12, 12);
  const beginnerScore = first.get(beginner.id)!;
  // Session 2: the transactions question again, nothing named, graded Missed.
  await sitSession(server, new Map([[advanced.id, { text: 'I am not sure.', grade: 1 }]]));

  await openStats(app);
  await expect(app.getByTestId('tile-answers')).toHaveText('3');
  await expect(app.getByTestId('tile-streak')).toHaveText('1 day');
  await expectChartsDrawn(app);
  await expectLevelsExports(app);
  await expectTables(app, advanced.prompt, beginnerScore);

  // The person's own settings (Advanced at 45 s, strict) must carry over to "Practise this".
  const settings = await call(server, 'startSession', {
    questionIds: [advanced.id],
    count: 1,
    order: 'random',
    timePerLevel: { Advanced: 45 },
    strict: true,
  });
  await call(server, 'endSession', { sessionId: settings.id });

  // A click on a keyword opens the answers behind it.
  const keywordsCard = app.getByRole('region', { name: 'Weakest keywords' });
  await keywordsCard.getByRole('button', { name: 'lost update', exact: true }).click();
  const drill = app.getByRole('dialog', { name: 'lost update' });
  await expect(drill.getByTestId('drill-summary')).toContainText('Named 0 of 2 times (0%)');
  await expect(drill.getByRole('list', { name: 'Answers' }).getByRole('listitem')).toHaveCount(2);
  await expect(drill.getByRole('list', { name: 'Answers' })).toContainText(advanced.prompt);
  await screenshots(app, 'stats-drilldown');

  // "Practise this" starts a session of exactly that question, its countdown read with time stopped.
  await stopTime(app, server);
  await drill.getByRole('button', { name: 'Practise this (1 question)' }).click();
  await expect(app).toHaveURL(/#\/session\?id=\d+/);
  await expect(app.getByTestId('progress')).toHaveText('1 / 1');
  await expect(app.getByTestId('prompt')).toContainText(advanced.prompt);
  await expect(app.getByTestId('countdown')).toHaveText('0:45');
  await expect(app.getByRole('button', { name: /Pause/ })).toHaveCount(0);
  expect((await call(server, 'getSessionSetup')).defaults).toMatchObject({
    timePerLevel: { Advanced: 45 },
    strict: true,
  });
});

test('Home shows the week, the streak, the weakest keywords and the last session', async ({ app, server }) => {
  const advanced = await transactionsQuestion(server);
  // Three sessions of the transactions question, savepoints never named: asked 3 times, so it can rank as weak.
  // Each keyword explained in a sentence of its own (a bare list of them would earn a quarter each).
  const text =
    'Django runs in autocommit by default mode, so each query commits on its own. Wrapping the work in ' +
    'transaction.atomic makes it all-or-nothing: when an exception escapes, everything inside is rolled back. Two ' +
    'requests that read the same balance and write it back can still cause a lost update, so take a row lock or F() ' +
    'expression and let the database serialise the change. Send emails with transaction.on_commit, so they go out ' +
    'only after the data is saved.';
  for (const grade of [2, 3, 1] as const) {
    await sitSession(server, new Map([[advanced.id, { text, grade }]]));
  }
  await app.reload();
  await expect(app.getByTestId('home-sessions-week')).toHaveText('3');
  await expect(app.getByTestId('home-streak')).toHaveText('1 day');
  await expect(app.getByTestId('home-last-session')).toHaveText('92%');
  const weak = app.getByRole('list', { name: 'Weakest keywords' });
  // The other six keywords were named every time: not weak, so not listed.
  await expect(weak.getByRole('listitem')).toHaveCount(1);
  await expect(weak.getByRole('listitem').first()).toContainText('savepoints');
  await screenshots(app, 'home-dashboard');
  await weak.getByRole('button', { name: 'Practise savepoints' }).click();
  await expect(app).toHaveURL(/#\/session\?id=\d+/);
  await expect(app.getByTestId('prompt')).toContainText(advanced.prompt);
});
