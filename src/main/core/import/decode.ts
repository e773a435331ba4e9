import { ImportError } from './errors';

/** Largest file Prepdeck imports. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const BINARY_MESSAGE =
  'This looks like a binary file, not text. Prepdeck imports .md, .txt, .json, .csv and .tsv files.';

/** How many leading bytes / characters the sniffers look at. */
const SAMPLE = 64 * 1024;

/**
 * Turns the bytes of an import file into text.
 * UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or without one when the zero-byte pattern gives it away);
 * bytes that are not valid UTF-8 are read as windows-1252, the usual encoding of old Windows text files.
 * Throws ImportError for empty, oversized and binary files.
 */
export function decodeImportBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ImportError('The file is empty.');
  if (bytes.length > MAX_IMPORT_BYTES) {
    const mb = (bytes.length / (1024 * 1024)).toFixed(1);
    throw new ImportError(
      `The file is ${mb} MB (${bytes.length.toLocaleString('en-US')} bytes); Prepdeck imports files up to 20 MB. ` +
        'Split it into smaller files and import them one by one.',
    );
  }

  let text: string;
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  } else if (b0 === 0xff && b1 === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (b0 === 0xfe && b1 === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    const utf16 = sniffUtf16(bytes);
    if (utf16) {
      text = new TextDecoder(utf16).decode(bytes);
    } else {
      if (hasNul(bytes)) throw new ImportError(BINARY_MESSAGE);
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        text = new TextDecoder('windows-1252').decode(bytes);
      }
    }
  }
  // A stray BOM can survive a re-encoding (e.g. UTF-16 text that itself started with U+FEFF).
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (looksBinary(text)) throw new ImportError(BINARY_MESSAGE);
  if (text.trim() === '') throw new ImportError('The file is empty.');
  return text;
}

/** UTF-16 without a BOM: text in Latin scripts has a zero in every other byte. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 2) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd / pairs >= 0.3 && zeroEven / pairs <= 0.05) return 'utf-16le';
  if (zeroEven / pairs >= 0.3 && zeroOdd / pairs <= 0.05) return 'utf-16be';
  return null;
}

function hasNul(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** NUL characters, or more than 10% control characters (other than tab, newlines, form feed) in the sample. */
function looksBinary(text: string): boolean {
  const n = Math.min(text.length, SAMPLE);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c <= 0x9f)) control++;
  }
  return control / n > 0.1;
}
