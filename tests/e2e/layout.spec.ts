import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { href } from '../../src/shared/routes';
import { callApi, expect, test } from './fixtures';
import { tour } from './tour';

/** From the narrowest window Prepdeck supports to a large monitor. */
const CHECKED = [
  { width: 800, height: 600 },
  { width: 900, height: 700 },
  { width: 1280, height: 800 },
  { width: 1600, height: 1000 },
  { width: 2560, height: 1440 },
];
/** The sizes a person looks at in screenshots/, light and dark. */
const PICTURED = new Set([900, 1280, 1600]);

// In the page's own JavaScript (a string: the specs are type-checked without the DOM's types).
const OVERFLOWING = `(() => {
  const found = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) found.push('the document (' + root.scrollWidth + ' > ' + root.clientWidth + ')');
  const describe = (el) => el.tagName.toLowerCase() + '.' + [...el.classList].join('.') +
    ' “' + (el.getAttribute('aria-label') ?? el.querySelector('h1, h2, h3')?.textContent ?? el.textContent ?? '').trim().slice(0, 40) + '”' +
    ' (' + el.scrollWidth + ' > ' + el.clientWidth + ')';
  // A component's own classes are CSS Modules, named _<class>_<hash> (electron.vite.config.ts): matched by name,
  // and the Library's boxes by their test ids and labels.
  const scoped = (names) => names.map((n) => '[class*="_' + n + '_"]').join(', ');
  const boxes = '.card, .dialog, .resume-banner, .page-head, .content, .page, .sidebar, ' +
    '[data-testid="library"], [data-testid="undo-toast"], [data-question-id], aside[aria-label="Question"], ' +
    'aside[aria-label="Editor"], aside[aria-label="Filters"], section[aria-label="Questions"], ' +
    scoped(['tile', 'stat-tile', 'preset', 'drill', 'grade-bar', 'session-actions']);
  for (const box of document.querySelectorAll(boxes)) {
    if (box.getClientRects().length === 0) continue;
    if (box.scrollWidth > box.clientWidth + 1) found.push(describe(box));
  }
  // Text cut off with an ellipsis: a tile's words.
  const words = scoped(['value', 'note', 'label', 'stat-value', 'keyword']);
  for (const el of document.querySelectorAll(words)) {
    if (el.getClientRects().length > 0 && el.scrollWidth > el.clientWidth + 1) found.push(describe(el) + ' is cut off');
  }
  // A select shows its chosen option's text in its own width, less its arrow (about 20 px): measure the text.
  const ruler = document.createElement('span');
  ruler.style.cssText = 'position:absolute;visibility:hidden;white-space:pre';
  document.body.append(ruler);
  for (const select of document.querySelectorAll('select')) {
    if (select.getClientRects().length === 0 || !select.selectedOptions[0]) continue;
    const style = getComputedStyle(select);
    ruler.style.font = style.font;
    ruler.textContent = select.selectedOptions[0].text;
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
    if (ruler.offsetWidth > room + 1) found.push(describe(select) + ' cuts off “' + ruler.textContent + '”');
  }
  ruler.remove();
  return found;
})()`;

/**
 * Whatever sticks out sideways: the document itself, or a card, tile or panel whose content is
 * wider than its box (cut off, or pushing its neighbours), and text cut off in a select or a tile.
 * Scroll containers made for it (a wide table's wrapper, a code block, the heatmap) may scroll.
 */
const overflowing = (page: Page): Promise<string[]> => page.evaluate(OVERFLOWING);

test('every page fits from 800 to 2560 px wide, with nothing sticking out', async ({ page, server }) => {
  test.setTimeout(240_000);
  const dir = path.resolve('screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const problems: string[] = [];
  await tour(page, server, async (stop) => {
    for (const size of CHECKED) {
      await page.setViewportSize(size);
      // Let layout settle (ResizeObserver-driven charts redraw on the next frame).
      await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
      for (const problem of await overflowing(page))
        problems.push(`${stop} at ${size.width}×${size.height}: ${problem}`);
      if (PICTURED.has(size.width)) {
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          await page.screenshot({ path: path.join(dir, `${stop}-${size.width}x${size.height}-${scheme}.png`) });
        }
        await page.emulateMedia({ colorScheme: 'light' });
      }
    }
    await page.setViewportSize({ width: 1360, height: 860 });
  });
  expect(problems, problems.join('\n')).toEqual([]);
});

test('results with long identifiers fit at 800 px, the answer opened', async ({ page, server }) => {
  // A session a failing run of the tour above had drawn: a prompt with a long identifier (TransactionTestCase),
  // answered and graded, then a question skipped; and the question with the deck's longest identifiers.
  const find = async (search: string) => {
    const found = await callApi(server, 'listQuestions', { search });
    const question = found.items.find((q) => q.prompt.includes(search));
    expect(question, search).toBeDefined();
    return question!.id;
  };
  const ids = [await find('TransactionTestCase'), await find('soft delete'), await find('caching with middleware')];
  let view = await callApi(server, 'startSession', { questionIds: ids, count: 3, order: 'escalating' });
  view = await callApi(server, 'submitAnswer', {
    sessionId: view.id,
    position: 0,
    answer: 'Django runs the middleware in order, then the view; the ORM builds the SQL lazily.',
    reason: 'answer',
  });
  view = await callApi(server, 'gradeAttempt', { sessionId: view.id, attemptId: view.revealed!.id, grade: 3 });
  view = await callApi(server, 'nextQuestion', { sessionId: view.id });
  view = await callApi(server, 'submitAnswer', { sessionId: view.id, position: 1, answer: '', reason: 'skip' });
  await callApi(server, 'gradeAttempt', { sessionId: view.id, attemptId: view.revealed!.id, grade: 2 });

  // Opened wide, as the tour does, then narrowed.
  await page.setViewportSize({ width: 1360, height: 860 });
  await page.goto(`${server.url}${href('results', { id: view.id })}`);
  await page.getByRole('table', { name: 'Answers' }).getByRole('row').nth(1).getByRole('button').first().click();
  await expect(page.getByRole('region', { name: 'Model answer' })).toBeVisible();
  for (const width of [900, 800]) {
    await page.setViewportSize({ width, height: 600 });
    await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
    expect(await overflowing(page), `at ${width} px`).toEqual([]);
  }
});
