import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  loadWindowState,
  parseWindowState,
  placeWindow,
  saveWindowState,
  WINDOW_STATE_FILE,
  type Rect,
} from '../../src/main/window-state';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
const monitorRight: Rect = { x: 1440, y: 0, width: 2560, height: 1400 };
const monitorLeft: Rect = { x: -1920, y: 0, width: 1920, height: 1050 };

describe('where the window opens', () => {
  it('the first time: default size, centred (no position), not maximised', () => {
    expect(placeWindow(null, [monitorRight])).toEqual({ bounds: DEFAULT_SIZE, maximized: false });
  });

  it('the first time on a small screen: no bigger than the screen', () => {
    expect(placeWindow(null, [{ x: 0, y: 0, width: 1024, height: 700 }]).bounds).toEqual({ width: 1024, height: 700 });
  });

  it('where it was left, when that is still on a screen', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1400, height: 900 }, maximized: false };
    expect(placeWindow(saved, [laptop, monitorRight])).toEqual(saved);
  });

  it('maximised, when it was', () => {
    const saved = { bounds: { x: 100, y: 50, width: 1000, height: 700 }, maximized: true };
    expect(placeWindow(saved, [laptop])).toEqual(saved);
  });

  it('on the primary screen, centred, when its monitor was removed', () => {
    const saved = { bounds: { x: 2000, y: 200, width: 1600, height: 1000 }, maximized: false };
    expect(placeWindow(saved, [laptop])).toEqual({ bounds: { width: 1440, height: 875 }, maximized: false });
    const left = { bounds: { x: -1500, y: 100, width: 1200, height: 800 }, maximized: true };
    expect(placeWindow(left, [laptop])).toEqual({ bounds: { width: 1200, height: 800 }, maximized: true });
    expect(placeWindow(left, [laptop, monitorLeft])).toEqual(left);
  });

  it('recentred when only a sliver of it, or none of its title bar, is on screen', () => {
    const sliver = { bounds: { x: 1400, y: 100, width: 1000, height: 700 }, maximized: false };
    expect(placeWindow(sliver, [laptop]).bounds).toEqual({ width: 1000, height: 700 });
    const titleAbove = { bounds: { x: 100, y: -400, width: 1000, height: 700 }, maximized: false };
    expect(placeWindow(titleAbove, [laptop]).bounds).toEqual({ width: 1000, height: 700 });
  });

  it('pulled fully onto its screen and shrunk to it when it overhangs', () => {
    const overhang = { bounds: { x: 1000, y: 600, width: 1000, height: 700 }, maximized: false };
    expect(placeWindow(overhang, [laptop]).bounds).toEqual({ x: 440, y: 175, width: 1000, height: 700 });
    const huge = { bounds: { x: 10, y: 10, width: 3000, height: 2000 }, maximized: false };
    expect(placeWindow(huge, [laptop]).bounds).toEqual({ x: 0, y: 0, width: 1440, height: 875 });
  });

  it('never smaller than the minimum size, unless the screen is', () => {
    const tiny = { bounds: { x: 10, y: 10, width: 200, height: 100 }, maximized: false };
    expect(placeWindow(tiny, [laptop]).bounds).toMatchObject({ width: 900, height: 620 });
  });
});

describe('the saved state', () => {
  it.each([
    null,
    'text',
    {},
    { bounds: null },
    { bounds: { width: 'wide', height: 600 } },
    { bounds: { width: -5, height: 600 } },
    { bounds: { width: Number.NaN, height: 600 } },
    { bounds: { width: 1e9, height: 600 } },
  ])('is ignored when malformed: %o', (raw) => {
    expect(parseWindowState(raw)).toBeNull();
  });

  it('keeps a size without a position, and reads only a literal true as maximised', () => {
    expect(parseWindowState({ bounds: { x: 'a', y: 3, width: 1000, height: 700 }, maximized: 'yes' })).toEqual({
      bounds: { width: 1000, height: 700 },
      maximized: false,
    });
  });

  it('round-trips through a file readable by the user only', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-window-'));
    try {
      expect(loadWindowState(dir)).toBeNull();
      const state = { bounds: { x: 12, y: 34, width: 1000, height: 700 }, maximized: true };
      saveWindowState(dir, state);
      expect(loadWindowState(dir)).toEqual(state);
      if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, WINDOW_STATE_FILE)).mode & 0o777).toBe(0o600);
      fs.writeFileSync(path.join(dir, WINDOW_STATE_FILE), '{not json');
      expect(loadWindowState(dir)).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
