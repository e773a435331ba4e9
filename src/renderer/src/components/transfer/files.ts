import type { FileResult } from '../../../../shared/transfer';
import { downloadAddress } from '../../api';

/** A file input's file as base64, for browser mode's upload (the desktop app reads files in main). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** Browser mode: a file the server streams (a finished export), downloaded by the browser itself, never held here. */
export function downloadFrom(address: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = address;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

/** Downloads the file if main streams it, and says in words what happened; null when the person cancelled. */
export function deliverFile(result: FileResult): string | null {
  if (result.kind === 'cancelled') return null;
  if (result.kind === 'saved') return `Saved ${result.fileName} (${result.path}).`;
  downloadFrom(downloadAddress(result.download), result.fileName);
  return `Downloaded ${result.fileName}.`;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
