import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { callNames, IPC_PREFIX, type Envelope } from '../shared/api';
import type { Handlers } from './api';
import { dispatch } from './api/dispatch';
import { isAppUrl } from './window';

/** The frame a call came from, as much of it as the check reads. */
type SenderFrame = { url: string; parent: unknown } | null | undefined;

/** Why a call is refused, or null when it comes from the app's own page in its main frame. */
export function refuseSender(frame: SenderFrame): string | null {
  if (!frame) return 'no sender frame (it navigated or was destroyed)';
  if (frame.parent !== null) return `a subframe (${frame.url.slice(0, 200)})`;
  if (!isAppUrl(frame.url)) return `a page that is not Prepdeck's (${frame.url.slice(0, 200)})`;
  return null;
}

/**
 * Binds every call of the contract to ipcMain. Calls are accepted from the main frame of the app's own page only;
 * any other sender is refused and logged.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  /** The calls, or their promise while the store opens: a call made meanwhile is answered once it has. */
  api: Handlers | Promise<Handlers>,
  log: (message: string) => void = (message) => console.warn(message),
): () => void {
  for (const name of callNames) {
    ipcMain.handle(`${IPC_PREFIX}${name}`, (event: IpcMainInvokeEvent, input: unknown): Promise<Envelope<unknown>> => {
      const refusal = refuseSender(event.senderFrame);
      if (refusal) {
        log(`Refused IPC call ${name} from ${refusal}`);
        return Promise.resolve({
          ok: false,
          error: { code: 'invalid_input', message: 'Calls are accepted from the Prepdeck window only.' },
        });
      }
      return Promise.resolve(api).then((ready) => dispatch(ready, name, input));
    });
  }
  return () => {
    for (const name of callNames) ipcMain.removeHandler(`${IPC_PREFIX}${name}`);
  };
}
