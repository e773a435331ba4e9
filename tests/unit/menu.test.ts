import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate, type MenuActions } from '../../src/main/menu';

const actions = (): MenuActions => ({
  importQuestions: vi.fn(),
  exportData: vi.fn(),
  backUpNow: vi.fn(),
  openDataFolder: vi.fn(),
  openWebsite: vi.fn(),
});

const options = { appName: 'Prepdeck', version: '1.2.3', website: 'https://example.com/prepdeck', dev: false };

const submenu = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] =>
  (item?.submenu ?? []) as MenuItemConstructorOptions[];
const roles = (items: MenuItemConstructorOptions[]): (string | undefined)[] =>
  items.filter((item) => item.type !== 'separator').map((item) => item.role ?? item.id ?? item.label);
const find = (template: MenuItemConstructorOptions[], label: string) =>
  template.find((item) => item.label === label || item.role === label);

describe('the application menu', () => {
  it('on Linux and Windows: File, Edit, View, Window, Help, with Quit in File and About in Help', () => {
    const template = menuTemplate({ ...options, platform: 'linux' }, actions());
    expect(template.map((item) => item.label ?? item.role)).toEqual(['&File', '&Edit', '&View', 'windowMenu', 'help']);
    expect(roles(submenu(find(template, '&File')))).toEqual([
      'import-questions',
      'export',
      'back-up-now',
      'open-data-folder',
      'quit',
    ]);
    expect(roles(submenu(find(template, '&Edit')))).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'delete',
      'selectAll',
    ]);
    expect(roles(submenu(find(template, '&View')))).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(submenu(find(template, 'windowMenu')))).toEqual(['minimize', 'close']);
    expect(roles(submenu(find(template, 'help')))).toEqual(['version', 'website', 'about']);
  });

  it('on macOS: the app menu first, with About, Services, Hide and Quit; Close in File', () => {
    const template = menuTemplate({ ...options, platform: 'darwin' }, actions());
    expect(template.map((item) => item.label ?? item.role)).toEqual([
      'Prepdeck',
      '&File',
      '&Edit',
      '&View',
      'windowMenu',
      'help',
    ]);
    expect(roles(submenu(template[0]))).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(roles(submenu(find(template, '&File'))).at(-1)).toBe('close');
    expect(roles(submenu(find(template, '&Edit')))).toContain('pasteAndMatchStyle');
    expect(roles(submenu(find(template, 'windowMenu')))).toEqual(['minimize', 'zoom', 'front', 'window']);
    expect(roles(submenu(find(template, 'help')))).toEqual(['version', 'website']);
  });

  it('shows the version in Help, and a link only when there is a project page', () => {
    const help = submenu(find(menuTemplate({ ...options, platform: 'win32' }, actions()), 'help'));
    expect(help[0]).toMatchObject({ label: 'Prepdeck 1.2.3', enabled: false });
    const without = submenu(find(menuTemplate({ ...options, website: null, platform: 'win32' }, actions()), 'help'));
    expect(roles(without)).toEqual(['version', 'about']);
  });

  it('offers reload and developer tools in development only', () => {
    const view = (dev: boolean) =>
      roles(submenu(find(menuTemplate({ ...options, dev, platform: 'linux' }, actions()), '&View')));
    expect(view(false)).not.toContain('toggleDevTools');
    expect(view(false)).not.toContain('reload');
    expect(view(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it("runs Prepdeck's own items, which have no accelerators to steal the session's keys", () => {
    const handlers = actions();
    const template = menuTemplate({ ...options, platform: 'linux' }, handlers);
    const own = [...submenu(find(template, '&File')), ...submenu(find(template, 'help'))].filter((item) => item.click);
    for (const item of own) {
      expect(item.accelerator).toBeUndefined();
      (item.click as () => void)();
    }
    expect(own.map((item) => item.id)).toEqual([
      'import-questions',
      'export',
      'back-up-now',
      'open-data-folder',
      'website',
    ]);
    for (const action of Object.values(handlers)) expect(action).toHaveBeenCalledTimes(1);
  });

  it('labels an item that opens a dialog with an ellipsis, and one that acts at once without', () => {
    const file = submenu(find(menuTemplate({ ...options, platform: 'linux' }, actions()), '&File'));
    expect(file.map((item) => item.label).filter(Boolean)).toEqual([
      'Import questions…',
      'Export…',
      'Back up now',
      'Open data folder',
    ]);
  });
});
