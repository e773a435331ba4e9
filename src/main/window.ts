import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions } from 'electron';

const rendererDir = (): string => path.join(import.meta.dirname, '../renderer');

/** The dev server URL electron-vite sets in development; null in a built app. */
export const devServerUrl = (): string | null => process.env['ELECTRON_RENDERER_URL'] ?? null;

/** True for the app's own page and nothing else: the built index.html, or the dev server in development. */
export function isAppUrl(url: string): boolean {
  const dev = devServerUrl();
  if (dev && url.startsWith(new URL(dev).origin + '/')) return true;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'file:') return false;
    const indexUrl = pathToFileURL(path.join(rendererDir(), 'index.html'));
    return parsed.pathname === indexUrl.pathname;
  } catch {
    return false;
  }
}

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Prepdeck',
    width: 1280,
    height: 840,
    minWidth: 900,
    minHeight: 620,
    show: false,
    backgroundColor: '#f7f7f5',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  };
}

/** Navigation rules: nothing opens a new window and nothing navigates away from the app. */
export function secureContents(contents: {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
}): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
}

export function rendererEntry(): { url: string } | { file: string } {
  const dev = devServerUrl();
  return dev ? { url: dev } : { file: path.join(rendererDir(), 'index.html') };
}
