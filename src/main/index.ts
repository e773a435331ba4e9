import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { homepage } from '../../package.json';
import type { BackupInfo } from '../shared/transfer';
import { webLink } from '../shared/links';
import { href } from '../shared/routes';
import { dispatch } from './api/dispatch';
import type { FileDialogs } from './api/context';
import { workerStoreCheck } from './jobs/store-check';
import { openAppCore, type AppCore } from './app';
import type { Handlers } from './api';
import { registerIpc } from './ipc';
import { workerFile } from './jobs/worker-file';
import { menuTemplate } from './menu';
import { installPermissionHandlers } from './permissions';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolHandler } from './protocol';
import { appPageUrl, isAppOrigin, isAppUrl, rendererDir, secureContents, windowOptions } from './window';
import { loadWindowState, placeWindow, saveWindowState } from './window-state';

let core: AppCore | null = null;
let mainWindow: BrowserWindow | null = null;

function dataDir(): string {
  return process.env['PREPDECK_DATA_DIR'] || app.getPath('userData');
}

const log = (message: string): void => console.warn(`[prepdeck] ${message}`);

/** The only way a URL reaches the system browser: https, checked again here whoever asks. */
function openWebLink(url: string): void {
  const link = webLink(url);
  if (link) void shell.openExternal(link);
  else log(`Refused to open ${JSON.stringify(url.slice(0, 200))} outside the app`);
}

/** Electron's dialogs, attached to the window: main gets the paths; the renderer only ever sees an id or a file name. */
const dialogs: FileDialogs = {
  openFile: async ({ title, filters }) => {
    const options = { title, filters, properties: ['openFile' as const] };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  saveFile: async ({ title, defaultName, filters }) => {
    const options = { title, filters, defaultPath: path.join(app.getPath('documents'), defaultName) };
    const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  },
};

/** Linux shows this in the task bar; macOS and Windows take the icon from the app bundle and the .exe. */
function windowIcon(): string | undefined {
  if (process.platform !== 'linux') return undefined;
  const icon = app.isPackaged
    ? path.join(process.resourcesPath, 'icon.png')
    : path.join(import.meta.dirname, '../../build/icons/png/512x512.png');
  return fs.existsSync(icon) ? icon : undefined;
}

/** The screens' work areas, the primary first. */
function workAreas(): Electron.Rectangle[] {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map((d) => d.workArea);
}

/** Opens the window, at a route of the app if given (`#/decks`). */
function createWindow(hash = ''): void {
  const state = placeWindow(loadWindowState(dataDir()), workAreas());
  // Its webContents get the navigation rules from 'web-contents-created', like every other.
  const window = new BrowserWindow(
    windowOptions(path.join(import.meta.dirname, '../preload/index.cjs'), { icon: windowIcon(), bounds: state.bounds }),
  );
  mainWindow = window;
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    try {
      saveWindowState(dataDir(), { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      log(`Could not save the window's position: ${(error as Error).message}`);
    }
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.loadURL(appPageUrl(hash)).catch((error: Error) => log(`The page did not load: ${error.message}`));
}

/** Brings the window forward at a route of the app (a menu item's page). */
function showPage(hash: string): void {
  if (!mainWindow) return createWindow(hash);
  const window = mainWindow;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
  window.webContents.loadURL(appPageUrl(hash)).catch((error: Error) => log(`The page did not load: ${error.message}`));
}

async function backUpNow(): Promise<void> {
  if (!core) return;
  const result = await dispatch(core.api, 'createBackup', undefined);
  if (!result.ok) {
    dialog.showErrorBox('Prepdeck could not back up your data', result.error.message);
    return;
  }
  const backup = result.value as BackupInfo;
  const file = path.join(dataDir(), 'backups', backup.fileName);
  const options = {
    type: 'info' as const,
    message: 'Your data is backed up',
    detail: `${backup.fileName}\nin ${path.dirname(file)}`,
    buttons: ['OK', 'Show in folder'],
    defaultId: 0,
  };
  const { response } = mainWindow
    ? await dialog.showMessageBox(mainWindow, options)
    : await dialog.showMessageBox(options);
  if (response === 1) shell.showItemInFolder(file);
}

function installMenu(): void {
  const template = menuTemplate(
    {
      platform: process.platform,
      appName: 'Prepdeck',
      version: app.getVersion(),
      website: webLink(homepage),
      dev: !app.isPackaged,
    },
    {
      importQuestions: () => showPage(href('decks', { panel: 'import' })),
      exportData: () => showPage(href('decks', { panel: 'export' })),
      backUpNow: () => void backUpNow(),
      openDataFolder: () =>
        void shell.openPath(dataDir()).then((error) => {
          if (error) dialog.showErrorBox('Prepdeck could not open its data folder', `${dataDir()}\n\n${error}`);
        }),
      openWebsite: () => openWebLink(homepage),
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  app.setAboutPanelOptions({
    applicationName: 'Prepdeck',
    applicationVersion: app.getVersion(),
    website: homepage,
    ...(windowIcon() ? { iconPath: windowIcon() } : {}),
  });
}

// Must happen before 'ready': the scheme's privileges are fixed when the first session starts.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second launch ends at once (above) and this one comes forward; on macOS, with its window closed, it opens one.
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.show();
      mainWindow.focus();
    } else if (core) {
      createWindow();
    }
  });

  app.on('web-contents-created', (_event, contents) => secureContents(contents, { openExternal: openWebLink, log }));

  void app.whenReady().then(async () => {
    protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir()));
    installPermissionHandlers(session.defaultSession, { isAppOrigin, isAppUrl });
    // The window first, the store after: the page loads, paints its frame and makes its first calls while the store
    // opens, and those calls are answered once it has.
    let opened: (api: Handlers) => void = () => {};
    registerIpc(ipcMain, new Promise<Handlers>((resolve) => (opened = resolve)), log);
    installMenu();
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
    try {
      const worker = { file: workerFile(import.meta.dirname, 'history-export-worker.mjs') };
      core = await openAppCore(dataDir(), undefined, {
        dialogs,
        exportWorker: worker,
        restoreCheckWorker: { file: workerFile(import.meta.dirname, 'restore-check-worker.mjs') },
        storeCheck: workerStoreCheck(worker),
      });
    } catch (error) {
      dialog.showErrorBox('Prepdeck cannot open its data', (error as Error).message);
      app.exit(1);
      return;
    }
    opened(core.api);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // The quit backup (if the data changed since the last automatic one) is awaited before the app exits.
  app.on('will-quit', (event) => {
    if (!core) return;
    const closing = core;
    core = null;
    event.preventDefault();
    void closing.shutdown().finally(() => app.quit());
  });
}
