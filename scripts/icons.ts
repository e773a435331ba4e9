// Every icon the installers and the window need, rendered from the one source, resources/icon.svg.
// `npm run icons` (run by `prepackage`) writes them to build/icons/, which electron-builder reads:
//   png/<n>x<n>.png  Linux (AppImage, deb: the hicolor sizes) and the window icon (512)
//   icon.icns        macOS
//   icon.ico         Windows
// Each size is rendered from the vector, not scaled down from a big bitmap, so 16 px stays sharp.
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';

export const SOURCE = path.resolve(import.meta.dirname, '../resources/icon.svg');
export const OUTPUT = path.resolve(import.meta.dirname, '../build/icons');

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/** ICNS chunk types holding PNG data, with their pixel size (Retina types are twice their nominal size). */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['icp6', 64],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
] as const;

export function renderPng(svg: string, size: number): Buffer {
  return Buffer.from(
    new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng(),
  );
}

/** A Windows .ico whose entries are PNGs (supported since Windows Vista), smallest first. */
export function icoFrom(pngs: ReadonlyMap<number, Buffer>): Buffer {
  const sizes = [...pngs.keys()].sort((a, b) => a - b);
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((size, i) => {
    const png = pngs.get(size)!;
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...sizes.map((size) => pngs.get(size)!)]);
}

/** A macOS .icns of PNG chunks: 'icns', the total length, then type + length + data for each chunk (big-endian). */
export function icnsFrom(pngs: ReadonlyMap<number, Buffer>): Buffer {
  const chunks = ICNS_TYPES.map(([type, size]) => {
    const png = pngs.get(size);
    if (!png) throw new Error(`icns: no ${size} px rendering for ${type}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

/** Renders every size from `source` and writes the set to `outDir`; returns the files written. */
export function generateIcons(source = SOURCE, outDir = OUTPUT): string[] {
  const svg = fs.readFileSync(source, 'utf8');
  const sizes = [...new Set<number>([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, size]) => size)])];
  const pngs = new Map(sizes.map((size) => [size, renderPng(svg, size)]));
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(outDir, 'png'), { recursive: true });
  const written: string[] = [];
  const write = (name: string, data: Buffer): void => {
    fs.writeFileSync(path.join(outDir, name), data);
    written.push(name);
  };
  for (const size of LINUX_SIZES) write(`png/${size}x${size}.png`, pngs.get(size)!);
  write('icon.ico', icoFrom(new Map(ICO_SIZES.map((size) => [size, pngs.get(size)!]))));
  write('icon.icns', icnsFrom(pngs));
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const written = generateIcons();
  console.log(
    `icons: ${written.length} files from ${path.relative(process.cwd(), SOURCE)} in ${path.relative(process.cwd(), OUTPUT)}`,
  );
}
