import path from 'node:path';
import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { webLink } from '../shared/links';
import { APP_HOST, APP_ORIGIN, APP_PAGE, APP_SCHEME } from './protocol';
import type { WindowBounds } from './window-state';

/** The built renderer, served as app://prepdeck/. */
export const rendererDir = (): string => path.join(import.meta.dirname, '../renderer');

/** The dev server URL electron-vite sets in development; null in a built app. */
export const devServerUrl = (): string | null => process.env['ELECTRON_RENDERER_URL'] ?? null;

/** The app's page, optionally at a route (`#/decks`): the dev server in development, app://prepdeck/ otherwise. */
export function appPageUrl(hash = ''): string {
  const dev = devServerUrl();
  return (dev ? new URL('/', dev).href : APP_PAGE) + hash;
}

/** True for the app's own page and nothing else: app://prepdeck/ (or /index.html), or the dev server in development. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const dev = devServerUrl();
  if (dev && parsed.origin === new URL(dev).origin) return true;
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    (parsed.pathname === '/' || parsed.pathname === '/index.html')
  );
}

/** True for the origin of the app's page (permission checks are by origin). */
export function isAppOrigin(origin: string): boolean {
  const dev = devServerUrl();
  return origin === APP_ORIGIN || (dev !== null && origin === new URL(dev).origin);
}

export function windowOptions(
  preloadPath: string,
  extras: { icon?: string; bounds?: WindowBounds } = {},
): BrowserWindowConstructorOptions {
  return {
    title: 'Prepdeck',
    width: 1280,
    height: 840,
    ...extras.bounds,
    minWidth: 900,
    minHeight: 620,
    show: false,
    backgroundColor: '#f7f7f5',
    ...(extras.icon ? { icon: extras.icon } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  };
}

export interface ContentsRules {
  /** Opens a URL in the system browser (shell.openExternal); only ever given an https URL webLink accepted. */
  openExternal(url: string): void;
  /** Where refusals are reported. */
  log(message: string): void;
}

type NavigationListener = (event: { url: string; preventDefault(): void }) => void;

/**
 * Navigation rules for every webContents: the page never navigates away from the app, in any frame or by any
 * redirect, never opens a window and never attaches a webview. A link to an https page (the renderer makes model answers' web links
 * target=_blank) opens in the system browser instead; anything else is refused and logged.
 */
export function secureContents(contents: Pick<WebContents, 'setWindowOpenHandler' | 'on'>, rules: ContentsRules): void {
  contents.setWindowOpenHandler(({ url }) => {
    const link = webLink(url);
    if (link) rules.openExternal(link);
    else rules.log(`Refused to open a window for ${JSON.stringify(url.slice(0, 200))}`);
    return { action: 'deny' };
  });
  const stayInApp: NavigationListener = (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    rules.log(`Refused navigation to ${JSON.stringify(event.url.slice(0, 200))}`);
  };
  const on = contents.on.bind(contents) as (event: string, listener: NavigationListener) => unknown;
  on('will-navigate', stayInApp);
  on('will-frame-navigate', stayInApp);
  on('will-redirect', stayInApp);
  // webviewTag is off in every window; should a <webview> be attempted anyway, it is not attached.
  on('will-attach-webview', (event) => {
    event.preventDefault();
    rules.log('Refused to attach a <webview>');
  });
}
