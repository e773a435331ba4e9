import type { MenuItemConstructorOptions } from 'electron';

/** What Prepdeck's own menu items do; index.ts supplies them (navigation, the store, the shell). */
export interface MenuActions {
  importQuestions(): void;
  exportData(): void;
  backUpNow(): void;
  openDataFolder(): void;
  openWebsite(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  version: string;
  /** The project's page (package.json's homepage); no Help link without one. */
  website: string | null;
  /** Reload and developer tools, in development only. */
  dev: boolean;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu: the usual roles (Edit, View, Window) with Prepdeck's own actions in File and Help, and
 * the macOS conventions there (the app menu first, with About, Services, Hide and Quit). Prepdeck's items have
 * no accelerators: Ctrl+S, Ctrl+P and Ctrl+Enter belong to the session runner.
 */
export function menuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'import-questions', label: 'Import questions…', click: () => actions.importQuestions() },
      { id: 'export', label: 'Export…', click: () => actions.exportData() },
      separator,
      { id: 'back-up-now', label: 'Back up now', click: () => actions.backUpNow() },
      { id: 'open-data-folder', label: 'Open data folder', click: () => actions.openDataFolder() },
      separator,
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac
        ? ([
            { role: 'pasteAndMatchStyle' },
            { role: 'delete' },
            { role: 'selectAll' },
            separator,
            { label: 'Speech', submenu: [{ role: 'startSpeaking' }, { role: 'stopSpeaking' }] },
          ] satisfies MenuItemConstructorOptions[])
        : ([{ role: 'delete' }, separator, { role: 'selectAll' }] satisfies MenuItemConstructorOptions[])),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(options.dev
        ? ([
            { role: 'reload' },
            { role: 'forceReload' },
            { role: 'toggleDevTools' },
            separator,
          ] satisfies MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const window: MenuItemConstructorOptions = {
    role: 'windowMenu',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }, separator, { role: 'window' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { id: 'version', label: `${options.appName} ${options.version}`, enabled: false },
      ...(options.website
        ? [{ id: 'website', label: `${options.appName} on the web`, click: () => actions.openWebsite() }]
        : []),
      ...(mac ? [] : [separator, { role: 'about' } satisfies MenuItemConstructorOptions]),
    ],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, window, help];
}
