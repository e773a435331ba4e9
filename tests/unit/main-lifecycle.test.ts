// src/main/index.ts against a stand-in `electron` module (its binary cannot run here): the single-instance lock,
// the order of setup (scheme privileges before ready; protocol, permissions, IPC and menu before the window),
// the window's URL, and its remembered bounds.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_PREFIX } from '../../src/shared/api';

const fake = vi.hoisted(() => ({ lock: true, dataDir: '', windows: [] as unknown[], storeAtWindow: [] as boolean[] }));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const { existsSync } = await import('node:fs');
  class FakeApp extends EventEmitter {
    isPackaged = false;
    requestSingleInstanceLock = vi.fn(() => fake.lock);
    quit = vi.fn();
    exit = vi.fn();
    whenReady = vi.fn(() => Promise.resolve());
    getPath = vi.fn(() => fake.dataDir);
    getVersion = vi.fn(() => '0.1.0');
    setAboutPanelOptions = vi.fn();
  }
  class FakeWindow extends EventEmitter {
    static getAllWindows = () => fake.windows;
    minimized = true;
    webContents = { loadURL: vi.fn(() => Promise.resolve()) };
    loadURL = vi.fn(() => Promise.resolve());
    isMinimized = vi.fn(() => this.minimized);
    restore = vi.fn(() => (this.minimized = false));
    focus = vi.fn();
    show = vi.fn();
    maximize = vi.fn();
    isMaximized = vi.fn(() => false);
    getNormalBounds = vi.fn(() => ({ x: 64, y: 48, width: 1100, height: 760 }));
    constructor(public options: Record<string, unknown>) {
      super();
      fake.windows.push(this);
      fake.storeAtWindow.push(existsSync(`${fake.dataDir}/prepdeck.sqlite`));
    }
  }
  const workArea = { x: 0, y: 0, width: 1920, height: 1050 };
  return {
    app: new FakeApp(),
    BrowserWindow: FakeWindow,
    dialog: {
      showErrorBox: vi.fn(),
      showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })),
      showOpenDialog: vi.fn(),
      showSaveDialog: vi.fn(),
    },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    screen: { getPrimaryDisplay: () => ({ id: 1, workArea }), getAllDisplays: () => [{ id: 1, workArea }] },
    session: { defaultSession: { setPermissionCheckHandler: vi.fn(), setPermissionRequestHandler: vi.fn() } },
    shell: { openExternal: vi.fn(), openPath: vi.fn(), showItemInFolder: vi.fn() },
  };
});

type FakeWindow = EventEmitter & {
  options: Record<string, unknown> & { webPreferences: Record<string, unknown> };
  loadURL: ReturnType<typeof vi.fn>;
  webContents: { loadURL: ReturnType<typeof vi.fn> };
  restore: ReturnType<typeof vi.fn>;
  focus: ReturnType<typeof vi.fn>;
};

async function start() {
  vi.resetModules();
  fake.windows.length = 0;
  const electron = await import('electron');
  for (const fn of [electron.protocol.registerSchemesAsPrivileged, electron.protocol.handle, electron.app.quit]) {
    (fn as ReturnType<typeof vi.fn>).mockClear();
  }
  (electron.app as unknown as EventEmitter).removeAllListeners();
  await import('../../src/main/index');
  return electron;
}

describe('the main process', () => {
  beforeEach(() => {
    fake.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-main-'));
    vi.stubEnv('PREPDECK_DATA_DIR', fake.dataDir);
    vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    fs.rmSync(fake.dataDir, { recursive: true, force: true });
  });

  it('quits at once when another Prepdeck already runs', async () => {
    fake.lock = false;
    const electron = await start();
    expect(electron.app.quit).toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.windows).toHaveLength(0);
    expect(electron.protocol.handle).not.toHaveBeenCalled();
  });

  it('sets up the scheme, protocol, permissions, IPC and menu, then opens one window on app://prepdeck/', async () => {
    fake.lock = true;
    const electron = await start();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.ipcMain.handle).toHaveBeenCalled();
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
    const window = fake.windows[0] as FakeWindow;
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });
    expect(window.loadURL).toHaveBeenCalledWith('app://prepdeck/index.html');
    expect((electron.app as unknown as EventEmitter).listenerCount('web-contents-created')).toBe(1);
  });

  it('opens the window before the store, and answers a call the page makes meanwhile once the store is open', async () => {
    fake.lock = true;
    fake.storeAtWindow.length = 0;
    const electron = await start();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    // The window was made before the store's file was opened (a first start: the file did not exist yet).
    expect(fake.storeAtWindow).toEqual([false]);
    const handler = vi
      .mocked(electron.ipcMain.handle)
      .mock.calls.findLast(([channel]) => channel === `${IPC_PREFIX}getBankSummary`)![1];
    const event = { senderFrame: { url: 'app://prepdeck/index.html', parent: null } };
    const answer = (await handler(event as never, undefined)) as { ok: boolean; value: { questionCount: number } };
    expect(answer.ok).toBe(true);
    expect(answer.value.questionCount).toBeGreaterThan(0);
  });

  it('brings the running window back when Prepdeck is launched again', async () => {
    fake.lock = true;
    const electron = await start();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    const window = fake.windows[0] as FakeWindow;
    (electron.app as unknown as EventEmitter).emit('second-instance');
    expect(window.restore).toHaveBeenCalledTimes(1);
    expect(window.focus).toHaveBeenCalledTimes(1);
    expect(fake.windows).toHaveLength(1);
    // macOS: the app runs on with its window closed; a second launch opens a new one.
    window.emit('closed');
    (electron.app as unknown as EventEmitter).emit('second-instance');
    expect(fake.windows).toHaveLength(2);
  });

  it('remembers where the window was when it closes, and opens it there next time', async () => {
    fake.lock = true;
    await start();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    (fake.windows[0] as FakeWindow).emit('close');
    const saved = path.join(fake.dataDir, 'window-state.json');
    expect(JSON.parse(fs.readFileSync(saved, 'utf8'))).toEqual({
      bounds: { x: 64, y: 48, width: 1100, height: 760 },
      maximized: false,
    });
    await start();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect((fake.windows[0] as FakeWindow).options).toMatchObject({ x: 64, y: 48, width: 1100, height: 760 });
  });

  it("runs the menu's own items: a page of the app, a backup with a confirmation", async () => {
    fake.lock = true;
    const electron = await start();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    const template = vi.mocked(electron.Menu.buildFromTemplate).mock.lastCall![0];
    const item = (id: string) =>
      template
        .flatMap((menu) => (menu.submenu ?? []) as Electron.MenuItemConstructorOptions[])
        .find((i) => i.id === id)!;
    const click = (id: string) => (item(id).click as () => void)();

    click('import-questions');
    const window = fake.windows[0] as FakeWindow;
    expect(window.webContents.loadURL).toHaveBeenLastCalledWith('app://prepdeck/index.html#/decks?panel=import');
    click('export');
    expect(window.webContents.loadURL).toHaveBeenLastCalledWith('app://prepdeck/index.html#/decks?panel=export');

    click('back-up-now');
    await vi.waitFor(() => expect(electron.dialog.showMessageBox).toHaveBeenCalled());
    const backups = fs.readdirSync(path.join(fake.dataDir, 'backups')).filter((name) => name.endsWith('.sqlite'));
    expect(backups).toHaveLength(1);
    if (process.platform !== 'win32') {
      expect(fs.statSync(path.join(fake.dataDir, 'backups', backups[0]!)).mode & 0o777).toBe(0o600);
    }

    click('website');
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://github.com/prepdeck/prepdeck');
  });
});
