/**
 * The size rule for what eslint cannot read: no stylesheet under src/ or tests/ over 450 lines, like the code
 * (eslint.config.js holds .ts and .tsx files to 450 lines a file and 120 a function).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MAX_LINES = 450;

function stylesheets(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return stylesheets(file);
    return entry.name.endsWith('.css') ? [file.split(path.sep).join('/')] : [];
  });
}

function linesOf(text: string): number {
  return text.length === 0 ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

describe('file sizes', () => {
  it('counts lines as an editor does', () => {
    expect(linesOf('')).toBe(0);
    expect(linesOf('a')).toBe(1);
    expect(linesOf('a\n')).toBe(1);
    expect(linesOf('a\n\nb\n')).toBe(3);
  });

  it(`keeps every stylesheet under src/ and tests/ to ${MAX_LINES} lines`, () => {
    const sheets = [...stylesheets('src'), ...stylesheets('tests')];
    expect(sheets.length).toBeGreaterThan(0);
    const over = sheets
      .map((file) => ({ file, lines: linesOf(fs.readFileSync(file, 'utf8')) }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(over).toEqual([]);
  });
});
