import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIcons, ICNS_TYPES, ICO_SIZES, LINUX_SIZES } from '../../scripts/icons';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('the icon set generated from resources/icon.svg', () => {
  let dir: string;
  let written: string[];
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-icons-'));
    written = generateIcons(undefined, dir);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes one PNG per Linux size, each rendered at that size', () => {
    for (const size of LINUX_SIZES) {
      const png = fs.readFileSync(path.join(dir, 'png', `${size}x${size}.png`));
      expect(pngSize(png)).toEqual([size, size]);
    }
    expect(written).toHaveLength(LINUX_SIZES.length + 2);
  });

  it('writes a Windows .ico whose directory points at PNGs of the sizes it claims', () => {
    const ico = fs.readFileSync(path.join(dir, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, ICO_SIZES.length]);
    const sizes = ICO_SIZES.map((_, i) => {
      const entry = 6 + 16 * i;
      const claimed = ico.readUInt8(entry) || 256;
      const png = ico.subarray(
        ico.readUInt32LE(entry + 12),
        ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8),
      );
      expect(pngSize(png)).toEqual([claimed, claimed]);
      return claimed;
    });
    expect(sizes).toEqual([...ICO_SIZES]);
  });

  it('writes a macOS .icns with every chunk type macOS looks for, each a PNG of its pixel size', () => {
    const icns = fs.readFileSync(path.join(dir, 'icon.icns'));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const chunks: [string, number][] = [];
    for (let at = 8; at < icns.length;) {
      const length = icns.readUInt32BE(at + 4);
      const [width] = pngSize(icns.subarray(at + 8, at + length));
      chunks.push([icns.toString('latin1', at, at + 4), width]);
      at += length;
    }
    expect(chunks).toEqual(ICNS_TYPES.map(([type, size]) => [type, size]));
  });

  it('draws something at 16 px: not a blank or single-colour square', async () => {
    const { Resvg } = await import('@resvg/resvg-js');
    const svg = fs.readFileSync(path.resolve('resources/icon.svg'), 'utf8');
    const pixels = new Resvg(svg, { fitTo: { mode: 'width', value: 16 } }).render().pixels;
    const colours = new Set<string>();
    for (let i = 0; i < pixels.length; i += 4) colours.add(pixels.subarray(i, i + 4).join(','));
    expect(colours.size).toBeGreaterThan(8);
  });
});
