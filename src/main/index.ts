import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import type { FileDialogs } from './api/context';
import { openAppCore, type AppCore } from './app';
import { registerIpc } from './ipc';
import { rendererEntry, secureContents, windowOptions } from './window';

let core: AppCore | null = null;
let mainWindow: BrowserWindow | null = null;

function dataDir(): string {
  return process.env['PREPDECK_DATA_DIR'] || app.getPath('userData');
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

function createWindow(): void {
  // Its webContents get the navigation rules from 'web-contents-created', like every other.
  mainWindow = new BrowserWindow(windowOptions(path.join(import.meta.dirname, '../preload/index.cjs')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  const entry = rendererEntry();
  if ('url' in entry) void mainWindow.loadURL(entry.url);
  else void mainWindow.loadFile(entry.file);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => secureContents(contents));

  void app.whenReady().then(async () => {
    // Nothing is ever asked of the person on the app's behalf (camera, notifications, ...).
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    try {
      core = await openAppCore(dataDir(), undefined, { dialogs });
    } catch (error) {
      dialog.showErrorBox('Prepdeck cannot open its data', (error as Error).message);
      app.exit(1);
      return;
    }
    registerIpc(ipcMain, core.api);
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
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
