import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/main/api';
import { openMemoryDb } from '../../src/main/store/database';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import { createTestClock, frozenAtFromEnv } from '../../src/main/web/test-clock';

/** A system clock the test moves by hand. */
function fakeSystem(start: number) {
  const system = { at: start, now: () => system.at };
  return system;
}

describe('the test clock of browser mode', () => {
  it('runs with the system clock, moved forward by what the test advanced', () => {
    const system = fakeSystem(1_000);
    const clock = createTestClock(null, system);
    expect(clock.now()).toBe(1_000);
    system.at = 1_500;
    expect(clock.now()).toBe(1_500);
    expect(clock.advance(30_000)).toBe(31_500);
    system.at = 2_000;
    expect(clock.now()).toBe(32_000);
  });

  it('frozen, moves only when advanced; a second freeze keeps the time it had', () => {
    const system = fakeSystem(1_000);
    const clock = createTestClock(null, system);
    clock.advance(5_000);
    expect(clock.freeze()).toBe(6_000);
    system.at = 90_000;
    expect(clock.now()).toBe(6_000);
    expect(clock.freeze()).toBe(6_000);
    expect(clock.advance(10_000)).toBe(16_000);
    expect(clock.now()).toBe(16_000);
  });

  it('starts frozen at the time it is given, as a restarted server does', () => {
    const clock = createTestClock(1_764_000_000_000, fakeSystem(5));
    expect(clock.now()).toBe(1_764_000_000_000);
    expect(clock.freeze()).toBe(1_764_000_000_000);
    expect(clock.advance(1_000)).toBe(1_764_000_001_000);
  });

  it('reads PREPDECK_TEST_CLOCK_AT, and refuses what is not whole milliseconds', () => {
    expect(frozenAtFromEnv(undefined)).toBeNull();
    expect(frozenAtFromEnv('')).toBeNull();
    expect(frozenAtFromEnv('1764000000000')).toBe(1_764_000_000_000);
    for (const bad of ['-5', '1.5', 'soon', '1e12', ' 12']) {
      expect(() => frozenAtFromEnv(bad)).toThrow(
        `PREPDECK_TEST_CLOCK_AT must be whole milliseconds since 1970, not "${bad}".`,
      );
    }
  });
});

describe('POST /__test/clock', () => {
  let dir: string;
  let withClock: WebServer;
  let withoutClock: WebServer;
  const system = fakeSystem(1_000);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-test-clock-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Prepdeck</title>');
    const api = createApi(openMemoryDb(), { now: () => 0 });
    withClock = await startWebServer({ api, rendererDir: dir, testClock: createTestClock(null, system) });
    withoutClock = await startWebServer({ api, rendererDir: dir });
  });
  afterAll(async () => {
    await Promise.all([withClock.close(), withoutClock.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const post = (server: WebServer, body: object, token = server.token) =>
    fetch(`http://127.0.0.1:${server.port}/__test/clock`, {
      method: 'POST',
      headers: { 'X-Prepdeck-Token': token },
      body: JSON.stringify(body),
    });

  it('freezes and advances main’s clock, and answers with its time', async () => {
    const frozen = await post(withClock, { freeze: true });
    expect(frozen.status).toBe(200);
    expect(await frozen.json()).toEqual({ ok: true, value: { now: 1_000 } });
    system.at = 50_000;
    expect(await (await post(withClock, { advanceMs: 30_000 })).json()).toEqual({ ok: true, value: { now: 31_000 } });
  });

  it('needs the token, and does not exist without a test clock', async () => {
    expect((await post(withClock, { advanceMs: 1 }, 'nope')).status).toBe(401);
    // Without one, the path is a file like any other, and files are only read.
    expect((await post(withoutClock, { freeze: true })).status).toBe(405);
  });
});
