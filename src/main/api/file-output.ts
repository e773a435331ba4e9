import path from 'node:path';
import { ApiError } from '../../shared/api';
import { StoreDamagedError } from '../store/backup';

const WRITE_FAILURES: Record<string, string> = {
  EACCES: 'Prepdeck may not write in that folder',
  EPERM: 'Prepdeck may not write in that folder',
  EROFS: 'the folder is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'the folder does not exist',
  EISDIR: 'a folder has that name',
  EEXIST: 'a file is where its folder should be',
  EBUSY: 'the file is in use by another program',
  SQLITE_FULL: 'the disk is full',
  SQLITE_READONLY: 'the folder is read-only',
  SQLITE_CANTOPEN: 'the file could not be created there',
};

/** Why a write failed, in words: the error's code as a person would say it, else its message. */
export function failureReason(code: string | undefined, message: string): string {
  return WRITE_FAILURES[code ?? ''] ?? (message.replace(/\.$/, '') || 'unknown error');
}

/** `Could not write <file>: <reason in words>. Nothing was changed.` */
export function writeFailure(file: string, code: string | undefined, message: string): string {
  return `Could not write ${path.basename(file)}: ${failureReason(code, message)}. Nothing was changed.`;
}

/**
 * Runs a write of a file a person asked for (an export, a backup) and says in words what stopped it:
 * `Could not write <file>: <reason>. Nothing was changed.`
 */
export async function writingFile<T>(file: string, write: () => T | Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error instanceof StoreDamagedError) throw new ApiError('storage', error.message);
    throw new ApiError('storage', writeFailure(file, (error as NodeJS.ErrnoException).code, (error as Error).message));
  }
}

/** File-system friendly name from a deck name: `System design` → `system-design`. */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'deck';
}

/** A moment as part of a file name: `2026-03-01T09-30-00-000Z`. */
export const stamp = (ms: number): string => new Date(ms).toISOString().replace(/[:.]/g, '-');

/** What an exported file is called and how the save dialog offers it. */
export interface OutgoingFile {
  fileName: string;
  mimeType: string;
  label: string;
  extensions: string[];
}
