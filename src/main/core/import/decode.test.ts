import { describe, expect, it } from 'vitest';
import { decodeImportBytes, MAX_IMPORT_BYTES } from './decode';
import { errorOf } from '../../../../tests/expect-import-error';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function utf16(s: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  let o = 0;
  const put = (code: number): void => {
    if (endian === 'le') {
      out[o++] = code & 0xff;
      out[o++] = code >> 8;
    } else {
      out[o++] = code >> 8;
      out[o++] = code & 0xff;
    }
  };
  if (bom) put(0xfeff);
  for (let i = 0; i < s.length; i++) put(s.charCodeAt(i));
  return out;
}

const SAMPLE = '# Django\n\n## Beginner\n\n### What is Django? — “café” ✓\n\nKeywords: ORM\n\nA framework.\n';

describe('decodeImportBytes', () => {
  it('reads plain UTF-8', () => {
    expect(decodeImportBytes(utf8(SAMPLE))).toBe(SAMPLE);
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    expect(decodeImportBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(SAMPLE)]))).toBe(SAMPLE);
  });

  it.each([
    ['LE with BOM', 'le', true],
    ['BE with BOM', 'be', true],
    ['LE without BOM', 'le', false],
    ['BE without BOM', 'be', false],
  ] as const)('reads UTF-16 %s', (_name, endian, bom) => {
    expect(decodeImportBytes(utf16(SAMPLE, endian, bom))).toBe(SAMPLE);
  });

  it('falls back to windows-1252 for bytes that are not UTF-8', () => {
    // "Caf\xe9 \x93quoted\x94" as written by an old Windows editor
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94, 0x0a]);
    expect(decodeImportBytes(bytes)).toBe('Café “q”\n');
  });

  it('refuses an empty file', () => {
    expect(errorOf(() => decodeImportBytes(new Uint8Array())).message).toBe('The file is empty.');
    expect(errorOf(() => decodeImportBytes(utf8('  \n\t\n'))).message).toBe('The file is empty.');
    expect(errorOf(() => decodeImportBytes(new Uint8Array([0xef, 0xbb, 0xbf]))).message).toBe('The file is empty.');
  });

  it('refuses a file over 20 MB, saying the size and the limit', () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1);
    const err = errorOf(() => decodeImportBytes(big));
    expect(err.message).toContain('20.0 MB');
    expect(err.message).toContain('20,971,521 bytes');
    expect(err.message).toContain('up to 20 MB');
  });

  it('accepts a file of exactly 20 MB', () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES).fill(0x61);
    expect(decodeImportBytes(bytes).length).toBe(MAX_IMPORT_BYTES);
  });

  it('refuses binary files (NUL bytes, control characters, a PNG header)', () => {
    const message = 'This looks like a binary file, not text. Prepdeck imports .md, .txt, .json, .csv and .tsv files.';
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(errorOf(() => decodeImportBytes(png)).message).toBe(message);
    const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(errorOf(() => decodeImportBytes(controls)).message).toBe(message);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
    expect(errorOf(() => decodeImportBytes(zip)).message).toBe(message);
  });
});
