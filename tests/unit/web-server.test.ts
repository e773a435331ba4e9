import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../src/main/api';
import { openMemoryDb } from '../../src/main/store/database';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import { CONTENT_SECURITY_POLICY } from '../../src/main/csp';

let server: WebServer;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-web-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Prepdeck</title>');
  fs.writeFileSync(path.join(os.tmpdir(), 'prepdeck-secret.txt'), 'secret');
  server = await startWebServer({ api: createApi(openMemoryDb(), { now: () => 0 }), rendererDir: dir });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A raw request, so the Host and Origin headers can be set as an attacker would. */
function request(
  method: string,
  pathname: string,
  headers: Record<string, string>,
  body = '',
  port = server.port,
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: pathname, headers }, (res) => {
      let data = '';
      res.on('data', (chunk: Buffer) => (data += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const host = () => `127.0.0.1:${server.port}`;

describe('browser mode server', () => {
  it('listens on loopback and prints a URL with its token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a call with the token', async () => {
    const res = await request('POST', '/api/listDecks', { Host: host(), 'X-Prepdeck-Token': server.token });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['no token', { 'X-Prepdeck-Token': undefined }, 401],
    ['a wrong token', { 'X-Prepdeck-Token': 'nope' }, 401],
    ['a foreign Host (DNS rebinding)', { Host: 'evil.example:80' }, 403],
    ['a foreign Origin', { Origin: 'https://evil.example' }, 403],
  ])('refuses a call with %s', async (_what, change: Record<string, string | undefined>, status) => {
    const merged: Record<string, string | undefined> = { Host: host(), 'X-Prepdeck-Token': server.token, ...change };
    const headers = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as Record<
      string,
      string
    >;
    const res = await request('POST', '/api/listDecks', headers);
    expect(res.status).toBe(status);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses malformed JSON and unknown calls with readable errors', async () => {
    const headers = { Host: host(), 'X-Prepdeck-Token': server.token };
    expect(JSON.parse((await request('POST', '/api/listQuestions', headers, '{oops')).body)).toMatchObject({
      ok: false,
      error: { message: 'The request body is not valid JSON.' },
    });
    expect(JSON.parse((await request('POST', '/api/nope', headers)).body)).toMatchObject({
      ok: false,
      error: { message: 'Unknown call "nope".' },
    });
  });

  it('serves the page with its CSP as a header (frame-ancestors, which a <meta> cannot carry)', async () => {
    const res = await request('GET', '/', { Host: host() });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it("index.html's <meta> CSP is the header's policy less the directives a <meta> ignores", () => {
    const html = fs.readFileSync('src/renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)![1];
    const ignoredInMeta = /^(frame-ancestors|report-uri|sandbox)\b/;
    const header = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !ignoredInMeta.test(d));
    expect(meta!.split('; ')).toEqual(header);
  });

  it('serves the page, and nothing outside its folder', async () => {
    expect((await request('GET', '/', { Host: host() })).body).toContain('<title>Prepdeck</title>');
    expect((await request('GET', '/../prepdeck-secret.txt', { Host: host() })).status).toBe(404);
    expect((await request('GET', '/%2e%2e/prepdeck-secret.txt', { Host: host() })).status).toBe(404);
  });

  it('answers a body over its limit with 413 and a message, not a reset connection', async () => {
    const headers = { Host: host(), 'X-Prepdeck-Token': server.token, 'Content-Type': 'application/json' };
    const big = JSON.stringify({ source: { kind: 'text', text: 'x'.repeat(33 * 1024 * 1024) } });
    const res = await request('POST', '/api/previewImport', headers, big);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'The request is larger than browser mode accepts (32 MB). Nothing was changed.',
      },
    });
    // The server goes on answering.
    expect((await request('POST', '/api/listDecks', headers)).status).toBe(200);
  });

  it.each([
    ['a malformed %-escape in a call', 'POST', '/api/list%E0%A4%A'],
    ['a NUL byte in a call', 'POST', '/api/listDecks%00'],
    ['a malformed %-escape in a file', 'GET', '/%zz'],
    ['a NUL byte in a file', 'GET', '/index.html%00.png'],
  ])('answers %s with 400, not 500', async (_what, method, pathname) => {
    const res = await request(method, pathname, { Host: host(), 'X-Prepdeck-Token': server.token });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('browser mode server while the store opens', () => {
  it('serves the page at once and answers calls once the api is there', async () => {
    let ready: (api: ReturnType<typeof createApi>) => void = () => {};
    const opening = new Promise<ReturnType<typeof createApi>>((resolve) => (ready = resolve));
    const early = await startWebServer({ api: opening, rendererDir: dir });
    try {
      const headers = { Host: `127.0.0.1:${early.port}`, 'X-Prepdeck-Token': early.token };
      const at = (pathname: string, method = 'GET') => request(method, pathname, headers, '', early.port);
      expect((await at('/')).body).toContain('<title>Prepdeck</title>');
      let answered = false;
      const call = at('/api/listDecks', 'POST').then((res) => ((answered = true), res));
      // The call has reached the server and waits: the page was served meanwhile.
      await at('/');
      expect(answered).toBe(false);
      ready(createApi(openMemoryDb(), { now: () => 0 }));
      expect(JSON.parse((await call).body)).toEqual({ ok: true, value: [] });
    } finally {
      await early.close();
    }
  });
});
