import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/main/csp';
import { APP_SCHEME_PRIVILEGES, appProtocolHandler } from '../../src/main/protocol';

// A stand-in for out/: the renderer folder, with a secret beside it that the protocol must never serve.
let root: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-protocol-'));
  const renderer = path.join(root, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Prepdeck</title>');
  fs.writeFileSync(path.join(renderer, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(renderer, 'assets', 'index-abc.css'), 'body{}');
  fs.writeFileSync(path.join(renderer, 'assets', 'icon.svg'), '<svg/>');
  fs.writeFileSync(path.join(renderer, 'assets', 'font.woff2'), 'font');
  fs.writeFileSync(path.join(renderer, 'assets', 'data.bin'), 'bin');
  fs.writeFileSync(path.join(renderer, 'assets', 'a file.json'), '{}');
  fs.mkdirSync(path.join(root, 'main'));
  fs.writeFileSync(path.join(root, 'main', 'index.js'), 'SECRET main process code');
  fs.mkdirSync(path.join(root, 'renderer-other'));
  fs.writeFileSync(path.join(root, 'renderer-other', 'x.js'), 'SECRET sibling');
  serve = appProtocolHandler(renderer);
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

describe('the app:// protocol', () => {
  it('is registered standard and secure, without bypassing the CSP or opening itself to other origins', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).not.toBe(true);
    expect(APP_SCHEME_PRIVILEGES.privileges?.corsEnabled).not.toBe(true);
  });

  it('serves the page at / and /index.html with the CSP as a header', async () => {
    for (const url of ['app://prepdeck/', 'app://prepdeck/index.html', 'app://prepdeck/index.html?x=1#/home']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toContain('<title>Prepdeck</title>');
    }
  });

  it('sends a CSP that forbids framing, plugins, inline scripts and other origins', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name!, values.join(' ')];
      }),
    );
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|https?:/);
  });

  it("keeps index.html's meta policy as a fallback that agrees with the header and has nothing meta cannot carry", () => {
    const html = fs.readFileSync(path.resolve('src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const header = CONTENT_SECURITY_POLICY.split('; ');
    for (const directive of meta!.split(/;\s*/)) {
      expect(directive).not.toMatch(/^(frame-ancestors|report-uri|report-to|sandbox)\b/);
      expect(header).toContain(directive);
    }
  });

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/icon.svg', 'image/svg+xml'],
    ['assets/font.woff2', 'font/woff2'],
    ['assets/data.bin', 'application/octet-stream'],
    ['assets/a%20file.json', 'application/json; charset=utf-8'],
  ])('serves %s as %s', async (file, type) => {
    const response = await get(`app://prepdeck/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://prepdeck/assets/index-abc.js', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it.each([
    'app://prepdeck/..%2fmain%2findex.js',
    'app://prepdeck/%2e%2e%2fmain%2findex.js',
    'app://prepdeck/assets/..%2f..%2fmain/index.js',
    'app://prepdeck/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
    'app://prepdeck/..%2frenderer-other%2fx.js',
    'app://prepdeck/..%5cmain%5cindex.js',
    'app://prepdeck/assets%5c..%5c..%5cmain%5cindex.js',
    'app://prepdeck/index.html%00.js',
    'app://prepdeck/%2fetc%2fpasswd',
    'app://prepdeck/%E0%A4%A',
  ])('refuses %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('SECRET');
  });

  it('keeps dot segments inside the renderer folder (the URL parser resolves them first)', async () => {
    const response = await get('app://prepdeck/assets/../../main/index.js');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('SECRET');
  });

  it('refuses other hosts, missing files, folders and writes', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://prepdeck/missing.js')).status).toBe(404);
    expect((await get('app://prepdeck/assets')).status).toBe(404);
    expect((await get('app://prepdeck/index.html', 'POST')).status).toBe(405);
  });
});
