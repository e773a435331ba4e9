import { afterEach, describe, expect, it, vi } from 'vitest';
import { appPageUrl, isAppOrigin, isAppUrl, secureContents, windowOptions } from '../../src/main/window';

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
      navigateOnDragDrop: false,
    });
    expect(options.title).toBe('Prepdeck');
    expect(options.show).toBe(false);
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.minHeight).toBeGreaterThanOrEqual(600);
    expect(options).not.toHaveProperty('icon');
  });

  it('opens where it was left, with its icon, and keeps its security settings whatever the bounds', () => {
    const options = windowOptions('/preload.cjs', {
      icon: '/res/icon.png',
      bounds: { x: 40, y: 30, width: 1000, height: 700 },
    });
    expect(options).toMatchObject({ x: 40, y: 30, width: 1000, height: 700, icon: '/res/icon.png' });
    expect(options.webPreferences?.sandbox).toBe(true);
  });

  it('loads the app from app://prepdeck/, not file://', () => {
    expect(appPageUrl()).toBe('app://prepdeck/index.html');
    expect(appPageUrl('#/decks?panel=import')).toBe('app://prepdeck/index.html#/decks?panel=import');
  });

  it.each([
    ['app://prepdeck/index.html', true],
    ['app://prepdeck/', true],
    ['app://prepdeck/index.html#/library?id=3', true],
    ['app://prepdeck/assets/index.js', false],
    ['app://other/index.html', false],
    ['app://prepdeck.evil.com/index.html', false],
    ['file:///work/out/renderer/index.html', false],
    ['file:///etc/passwd', false],
    ['https://example.com/', false],
    ['http://127.0.0.1:5173/', false],
    ['not a url', false],
    ['', false],
  ])('knows %s is the app: %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });

  it('knows the app origin for permission checks', () => {
    expect(isAppOrigin('app://prepdeck')).toBe(true);
    expect(isAppOrigin('app://prepdeck/')).toBe(false);
    expect(isAppOrigin('https://prepdeck')).toBe(false);
    expect(isAppOrigin('file://')).toBe(false);
  });

  describe('in development', () => {
    afterEach(() => vi.unstubAllEnvs());
    it('accepts the dev server, and only it', () => {
      vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
      expect(appPageUrl('#/home')).toBe('http://localhost:5173/#/home');
      expect(isAppUrl('http://localhost:5173/#/home')).toBe(true);
      expect(isAppUrl('http://localhost:5174/')).toBe(false);
      expect(isAppOrigin('http://localhost:5173')).toBe(true);
    });
  });
});

type Listener = (event: { url: string; preventDefault(): void }) => void;

function fakeContents() {
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const listeners = new Map<string, Listener>();
  const opened: string[] = [];
  const logged: string[] = [];
  secureContents(
    {
      setWindowOpenHandler: (handler: never) => (openHandler = handler),
      on: (event: string, listener: Listener) => listeners.set(event, listener),
    } as never,
    { openExternal: (url) => opened.push(url), log: (message) => logged.push(message) },
  );
  const navigate = (event: string, url: string): boolean => {
    let prevented = false;
    listeners.get(event)!({ url, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { open: (url: string) => openHandler!({ url }), navigate, listeners, opened, logged };
}

describe('the navigation rules', () => {
  it('watches every way a page can leave: navigation, frame navigation, redirects, webviews', () => {
    expect([...fakeContents().listeners.keys()].sort()).toEqual([
      'will-attach-webview',
      'will-frame-navigate',
      'will-navigate',
      'will-redirect',
    ]);
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: stays in the app, and says so', (event) => {
    const contents = fakeContents();
    expect(contents.navigate(event, 'https://example.com/')).toBe(true);
    expect(contents.navigate(event, 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate(event, 'app://prepdeck/index.html#/home')).toBe(false);
    expect(contents.logged).toHaveLength(2);
    expect(contents.opened).toEqual([]);
  });

  it('never attaches a webview', () => {
    const contents = fakeContents();
    expect(contents.navigate('will-attach-webview', 'https://example.com/')).toBe(true);
    expect(contents.logged).toEqual(['Refused to attach a <webview>']);
  });

  it('never opens a window; https links go to the system browser instead', () => {
    const contents = fakeContents();
    expect(contents.open('https://docs.djangoproject.com/en/5.0/')).toEqual({ action: 'deny' });
    expect(contents.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(contents.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(contents.open('http://example.com/')).toEqual({ action: 'deny' });
    expect(contents.opened).toEqual(['https://docs.djangoproject.com/en/5.0/']);
    expect(contents.logged).toHaveLength(3);
  });
});
