import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppUrl, secureContents, windowOptions } from '../../src/main/window';

const appPage = pathToFileURL(path.resolve('src/renderer/index.html')).href;

describe('the window', () => {
  it('is sandboxed and isolated, with a sensible minimum size', () => {
    const options = windowOptions('/preload.cjs');
    expect(options.webPreferences).toMatchObject({
      preload: '/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(options.title).toBe('Prepdeck');
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.minHeight).toBeGreaterThanOrEqual(600);
  });

  it.each([
    [appPage, true],
    [`${appPage}#/library?id=3`, true],
    ['file:///etc/passwd', false],
    ['https://example.com/', false],
    ['http://127.0.0.1:5173/', false],
    ['not a url', false],
  ])('knows %s is the app: %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });

  it('denies new windows and blocks navigation away from the app', () => {
    let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
    let navigate: ((event: { preventDefault(): void }, url: string) => void) | null = null;
    secureContents({
      setWindowOpenHandler: (handler) => (openHandler = handler),
      on: (_event, listener) => (navigate = listener),
    });
    expect(openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    let prevented = 0;
    const event = { preventDefault: () => prevented++ };
    navigate!(event, 'https://example.com/');
    expect(prevented).toBe(1);
    navigate!(event, `${appPage}#/home`);
    expect(prevented).toBe(1);
  });
});
