import { callApi, expect, test } from './fixtures';

test('History pages through every session, past the first page', async ({ app, server }) => {
  const question = (await callApi(server, 'listQuestions', { limit: 1 })).items[0]!;
  for (let i = 0; i < 53; i++) {
    const view = await callApi(server, 'startSession', { questionIds: [question.id], count: 1, order: 'random' });
    // A session ended before any answer is not kept: each of these answers its one question.
    const answer = `Answer ${i}: the framework keeps the data layer, the views and the templates apart.`;
    await callApi(server, 'submitAnswer', { sessionId: view.id, position: 0, answer, reason: 'answer' });
    await callApi(server, 'endSession', { sessionId: view.id });
  }
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  const rows = app.getByRole('table', { name: 'Sessions' }).getByRole('row');
  const pages = app.getByRole('navigation', { name: 'Pages of sessions' });
  await expect(rows).toHaveCount(51);
  await expect(pages.getByTestId('pager-text')).toHaveText('1–50 of 53');
  await expect(pages.getByRole('button', { name: /Newer/ })).toBeDisabled();

  await pages.getByRole('button', { name: /Older/ }).click();
  await expect(pages.getByTestId('pager-text')).toHaveText('51–53 of 53');
  await expect(rows).toHaveCount(4);
  await expect(pages.getByRole('button', { name: /Older/ })).toBeDisabled();
  await pages.getByRole('button', { name: /Newer/ }).click();
  await expect(rows).toHaveCount(51);
});
