/** When the start-up check begins: on a write at once, after the first calls go quiet, or at the latest. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkStart } from '../../src/main/check-start';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Whether `begun` has settled, after the promises that can settle have. */
async function begun(start: { begun: Promise<void> }): Promise<boolean> {
  let settled = false;
  void start.begun.then(() => (settled = true));
  for (let i = 0; i < 5; i++) await Promise.resolve();
  return settled;
}

describe('checkStart', () => {
  it('begins at once on a write', async () => {
    const start = checkStart(200, 1500);
    start.called(false);
    expect(await begun(start)).toBe(false);
    start.called(true);
    expect(await begun(start)).toBe(true);
  });

  it('begins when the calls have been quiet for a while, each read putting it off', async () => {
    const start = checkStart(200, 1500);
    await vi.advanceTimersByTimeAsync(500);
    // No call yet: the page has not asked; nothing begins until it has, or until the latest.
    expect(await begun(start)).toBe(false);
    start.called(false);
    await vi.advanceTimersByTimeAsync(150);
    start.called(false);
    await vi.advanceTimersByTimeAsync(150);
    expect(await begun(start)).toBe(false);
    await vi.advanceTimersByTimeAsync(50);
    expect(await begun(start)).toBe(true);
  });

  it('begins at the latest however the calls keep coming', async () => {
    const start = checkStart(200, 1500);
    for (let t = 0; t < 1400; t += 100) {
      start.called(false);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(await begun(start)).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(await begun(start)).toBe(true);
  });

  it('does not begin once cancelled, and leaves no timer behind', async () => {
    const start = checkStart(200, 1500);
    start.called(false);
    start.cancel();
    expect(vi.getTimerCount()).toBe(0);
    start.called(true);
    await vi.advanceTimersByTimeAsync(2000);
    expect(await begun(start)).toBe(false);
  });
});
