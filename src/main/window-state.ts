import fs from 'node:fs';
import path from 'node:path';

// The window comes back where it was left: size, position and maximised state, kept in window-state.json beside
// the database. Placement is pure (saved state + the screens' work areas in, bounds out) so tests can move monitors.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Bounds for the BrowserWindow; without x and y, Electron centres the window on the primary screen. */
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: WindowBounds;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 840 } as const;
export const MIN_SIZE = { width: 900, height: 620 } as const;

/** How much of the window's top edge (its title bar) must be on a screen for the window to be reachable. */
const GRAB_WIDTH = 120;
const GRAB_HEIGHT = 32;

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A saved state read back from disk, or null when it is missing, malformed or absurd. */
export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { bounds, maximized } = raw as { bounds?: Partial<Rect>; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds;
  if (!finite(width) || !finite(height) || width <= 0 || height <= 0 || width > 100_000 || height > 100_000) {
    return null;
  }
  const placed = finite(x) && finite(y);
  return {
    bounds: placed ? { x: Math.round(x), y: Math.round(y), width, height } : { width, height },
    maximized: maximized === true,
  };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

const clamp = (value: number, low: number, high: number): number => Math.min(Math.max(value, low), Math.max(low, high));

/**
 * Where to open the window, given the saved state and the screens' work areas (the primary first). A window
 * whose title bar is no longer on any screen (a monitor was removed, the resolution dropped) is centred on the
 * primary screen; a visible one is kept, shrunk to its screen and pulled fully onto it.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  const fit = (area: Rect | undefined, width: number, height: number) => ({
    width: Math.round(area ? clamp(width, Math.min(MIN_SIZE.width, area.width), area.width) : width),
    height: Math.round(area ? clamp(height, Math.min(MIN_SIZE.height, area.height), area.height) : height),
  });
  if (!saved) return { bounds: fit(primary, DEFAULT_SIZE.width, DEFAULT_SIZE.height), maximized: false };
  const { bounds, maximized } = saved;
  if (bounds.x === undefined || bounds.y === undefined) {
    return { bounds: fit(primary, bounds.width, bounds.height), maximized };
  }
  const titleBar: Rect = { x: bounds.x, y: bounds.y, width: bounds.width, height: GRAB_HEIGHT };
  const screen = workAreas.find((area) => {
    const seen = overlap(titleBar, area);
    return seen.width >= Math.min(GRAB_WIDTH, bounds.width) && seen.height >= Math.min(GRAB_HEIGHT, bounds.height);
  });
  if (!screen) return { bounds: fit(primary, bounds.width, bounds.height), maximized };
  const size = fit(screen, bounds.width, bounds.height);
  return {
    bounds: {
      x: Math.round(clamp(bounds.x, screen.x, screen.x + screen.width - size.width)),
      y: Math.round(clamp(bounds.y, screen.y, screen.y + screen.height - size.height)),
      ...size,
    },
    maximized,
  };
}

export const WINDOW_STATE_FILE = 'window-state.json';

export function loadWindowState(dir: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(fs.readFileSync(path.join(dir, WINDOW_STATE_FILE), 'utf8')));
  } catch {
    return null;
  }
}

/** Written whole and then renamed, readable by the user only, like the rest of the data folder. */
export function saveWindowState(dir: string, state: WindowState): void {
  const file = path.join(dir, WINDOW_STATE_FILE);
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, JSON.stringify(state), { mode: 0o600 });
  fs.renameSync(partial, file);
}
