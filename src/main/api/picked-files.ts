import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api';
import type { PickedFile } from '../../shared/transfer';
import type { FileDialogs, FileFilter } from './context';

const NOT_IN_BROWSER = 'Not available in browser mode: use the file input instead.';
const PICKED_KEPT = 20;

/** Files chosen in the desktop app's open dialog: the renderer only ever holds an id, main keeps the path. */
export class PickedFiles {
  private readonly picked = new Map<string, { path: string; fileName: string; size: number }>();

  constructor(private readonly dialogs: FileDialogs | undefined) {}

  async pick(title: string, filters: FileFilter[]): Promise<PickedFile | null> {
    if (!this.dialogs) throw new ApiError('invalid_input', NOT_IN_BROWSER);
    const chosen = await this.dialogs.openFile({ title, filters });
    if (chosen === null) return null;
    const stat = fs.statSync(chosen, { throwIfNoEntry: false });
    if (!stat?.isFile()) throw new ApiError('not_found', 'That file could not be opened. Choose another one.');
    const file: PickedFile = { id: randomUUID(), fileName: path.basename(chosen), size: stat.size };
    this.picked.set(file.id, { path: chosen, fileName: file.fileName, size: stat.size });
    while (this.picked.size > PICKED_KEPT) this.picked.delete(this.picked.keys().next().value!);
    return file;
  }

  /** The path behind an id, or a clear error when it is no longer kept. */
  path(id: string): { path: string; fileName: string } {
    const entry = this.picked.get(id);
    if (!entry) throw new ApiError('not_found', 'That file is no longer at hand: choose it again.');
    return entry;
  }
}
