import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { tour } from './tour';

/**
 * axe-core on every page and state of the everyday path, light and dark: any serious or critical
 * violation fails. The same walk listens for console errors and uncaught page errors.
 */
test('every page and state passes axe in light and dark, with no console error', async ({ page, server }) => {
  test.setTimeout(180_000);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));

  const found: string[] = [];
  let nodes = 0;
  await tour(page, server, async (stop) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const results = await new AxeBuilder({ page }).analyze();
      for (const v of results.violations) {
        // Heading order is only "moderate" to axe, but a skipped level misleads a screen reader's outline.
        if (v.impact !== 'serious' && v.impact !== 'critical' && v.id !== 'heading-order') continue;
        nodes += v.nodes.length;
        const where = v.nodes
          .slice(0, 3)
          .map(
            (n) =>
              `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.split('\n').slice(1).join(' ')})` : ''}`,
          )
          .join('; ');
        found.push(`${stop} [${scheme}] ${v.id} (${v.impact}, ${v.nodes.length} nodes): ${v.help}. ${where}`);
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });
  console.log(`axe: ${found.length} serious or critical violations, ${nodes} nodes`);
  expect(found, found.join('\n')).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
