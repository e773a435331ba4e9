import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { openDb } from '../../src/main/store/database';
import { generateHistory } from '../bench/generate';
import { callApi, expect, screenshots, startServer, stop, test, type PrepdeckServer } from './fixtures';

const SIZES = [
  [900, 700],
  [1280, 800],
  [1600, 1000],
] as const;

const count = (text: string | null): number => Number(/([\d,]+)/.exec(text ?? '')?.[1]?.replaceAll(',', '') ?? NaN);

async function openStats(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stats' }).click();
}

test('re-scoring a long history shows its progress, leaves the app answering, and cancels with nothing half done', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const ANSWERS = 20_000;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-e2e-rescore-'));
  const db = await openDb(dataDir);
  generateHistory(db, ANSWERS);
  // Written as an older scorer would have left them: every typed answer waits to be re-scored.
  db.exec("UPDATE attempts SET scorer_version = 1 WHERE mode = 'write' AND outcome IN ('answered', 'timed_out')");
  const waiting = db.prepare('SELECT count(*) FROM attempts WHERE scorer_version = 1').pluck().get() as number;
  const sessionId = db.prepare('SELECT max(id) FROM sessions').pluck().get() as number;
  db.close();
  const { child, url } = await startServer(dataDir);
  const server: PrepdeckServer = { url, dataDir, kill: () => stop(child, 'SIGKILL'), restart: () => Promise.resolve() };
  try {
    await page.goto(url);
    await openStats(page);
    const notice = page.getByTestId('rescore-notice');
    await expect(notice).toContainText(`${waiting.toLocaleString('en-US')} answers were scored by an older version`);

    await notice.getByRole('button', { name: 'Re-score them' }).click();
    const bar = notice.getByRole('progressbar', { name: 'Re-scoring your answers' });
    await expect(bar).toHaveAttribute('aria-valuemax', String(waiting));
    // The app still answers while it works.
    expect((await callApi(server, 'getSession', { sessionId })).id).toBe(sessionId);

    await notice.getByRole('button', { name: 'Cancel' }).click();
    const stopped = notice.getByText(/^Stopped after [\d,]+ answers?/);
    await expect(stopped).toBeVisible();
    await expect(bar).toBeHidden();
    // What was re-scored stays re-scored, and exactly the rest still wait: no answer is half done.
    const done = count(await stopped.textContent());
    const status = await callApi(server, 'getScorerStatus');
    expect(status.olderAnswers).toBe(waiting - done);
    await expect(notice).toContainText(`${(waiting - done).toLocaleString('en-US')} answers were scored by an older`);

    // Started again, it finishes the rest.
    await notice.getByRole('button', { name: 'Re-score them' }).click();
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await screenshots(page, `stats-rescoring-${width}x${height}`);
    }
    await expect(notice).toContainText(/Re-scored [\d,]+ answers; your charts now use one ruler\./, {
      timeout: 180_000,
    });
    expect(await callApi(server, 'getScorerStatus')).toMatchObject({ olderAnswers: 0 });
  } finally {
    await stop(child, 'SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
