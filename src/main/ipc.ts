import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { callNames, IPC_PREFIX, type Envelope } from '../shared/api';
import type { Handlers } from './api';
import { dispatch } from './api/dispatch';
import { isAppUrl } from './window';

/** Binds every call of the contract to ipcMain; calls from any frame other than the app's own page are refused. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, api: Handlers): () => void {
  for (const name of callNames) {
    ipcMain.handle(`${IPC_PREFIX}${name}`, (event: IpcMainInvokeEvent, input: unknown): Promise<Envelope<unknown>> => {
      const url = event.senderFrame?.url ?? '';
      if (!isAppUrl(url)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'invalid_input', message: 'Calls are accepted from the Prepdeck window only.' },
        });
      }
      return dispatch(api, name, input);
    });
  }
  return () => {
    for (const name of callNames) ipcMain.removeHandler(`${IPC_PREFIX}${name}`);
  };
}
