import { describe, expect, it, vi } from 'vitest';

// The renderer's bridge needs a window; these tests answer each call themselves.
const asked = vi.hoisted(() => [] as string[]);
vi.mock('../api', () => ({
  api: new Proxy(
    {},
    {
      get: (_target, name: string) => () => {
        asked.push(name);
        return name === 'getHomeStats' ? Promise.reject(new Error('refused')) : Promise.resolve(`${name} answer`);
      },
    },
  ),
}));

const { GATE_CALLS, HOME_CALLS, startEarly, takeEarly } = await import('./early');

describe('the first page calls, started before the app loads', () => {
  it('asks each call once and hands each answer over once', async () => {
    startEarly(GATE_CALLS);
    startEarly(HOME_CALLS);
    expect(asked).toEqual(['getStoreHealth', 'getBankSummary', 'getHomeStats', 'getActiveSession', 'getReviewSummary']);
    const taken = takeEarly();
    expect(taken.map(([call]) => call)).toEqual(asked);
    expect(await taken[1]![1]).toBe('getBankSummary answer');
    // A refusal reaches whoever takes the call over, as the page's own call would.
    await expect(taken[2]![1]).rejects.toThrow('refused');
    expect(takeEarly()).toEqual([]);
  });
});
