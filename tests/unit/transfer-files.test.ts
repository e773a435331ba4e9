/** Files a person asked for that cannot be written: a storage error in words, never the generic internal one. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../src/shared/transfer';
import { createApi, type Handlers } from '../../src/main/api';
import { dispatch } from '../../src/main/api/dispatch';
import type { FileDialogs } from '../../src/main/api/context';
import { openAppCore, type AppCore } from '../../src/main/app';
import { callApi, jobFinished } from './harness';

const NOW = Date.UTC(2026, 2, 10, 9, 30);
const clock = { now: () => NOW };

let dir: string;
let core: AppCore;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-files-'));
  core = await openAppCore(dir, clock);
});
afterEach(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The api of the desktop app, whose save dialog answers `save`. */
function desktop(save: string): Handlers {
  const dialogs: FileDialogs = {
    openFile: () => Promise.resolve(null),
    saveFile: () => Promise.resolve(save),
  };
  return createApi(core.db, clock, { dataDir: dir, dialogs });
}

async function failure(on: Handlers, name: string, input?: unknown): Promise<{ code: string; message: string }> {
  const result = await dispatch(on, name, input);
  if (result.ok) throw new Error(`${name} was expected to fail, and answered ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('writing a file the person chose', () => {
  it('exportBackup says which file could not be written and why', async () => {
    const created = await dispatch(core.api, 'createBackup', undefined);
    if (!created.ok) throw new Error(created.error.message);
    const { fileName } = created.value as BackupInfo;

    const missing = path.join(dir, 'no-such-folder', 'copy.sqlite');
    expect(await failure(desktop(missing), 'exportBackup', { fileName })).toEqual({
      code: 'storage',
      message: 'Could not write copy.sqlite: the folder does not exist. Nothing was changed.',
    });
    const folder = fs.mkdirSync(path.join(dir, 'taken.sqlite'), { recursive: true })!;
    expect(await failure(desktop(folder), 'exportBackup', { fileName })).toEqual({
      code: 'storage',
      message: 'Could not write taken.sqlite: a folder has that name. Nothing was changed.',
    });
  });

  it('exports of decks and history say the same', async () => {
    const deck = desktop(path.join(dir, 'gone', 'django.md'));
    const deckJob = await callApi(deck, 'startDeckExport', { deckId: 1, format: 'markdown' });
    expect(await jobFinished(deck, deckJob!.jobId)).toMatchObject({
      state: 'failed',
      error: 'Could not write django.md: the folder does not exist. Nothing was changed.',
    });
    const history = desktop(path.join(dir, 'gone', 'h.csv'));
    const started = await callApi(history, 'startHistoryExport');
    expect(await jobFinished(history, started!.jobId)).toMatchObject({
      state: 'failed',
      error: 'Could not write h.csv: the folder does not exist. Nothing was changed.',
    });
  });

  it('a backup into a folder that cannot be made is a storage error too', async () => {
    // A file where the backups folder should be.
    fs.writeFileSync(path.join(dir, 'backups'), 'not a folder');
    const error = await failure(desktop(''), 'createBackup');
    expect(error.code).toBe('storage');
    expect(error.message).toBe(
      'Could not write prepdeck-2026-03-10T09-30-00-000Z.sqlite: a file is where its folder should be. ' +
        'Nothing was changed.',
    );
  });
});
