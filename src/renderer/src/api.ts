// Not ApiError and callNames from shared/api: that would bring zod and every schema into Home's chunk.
import type { Api, Bridge, Envelope } from '../../shared/api';
import { CALL_NAMES as callNames } from '../../shared/call-names';
import { ApiError } from '../../shared/errors';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    api?: Bridge;
  }
}

const TOKEN_KEY = 'prepdeck-token';
/** Fired when browser mode refuses the token: the page then says how to get in. */
export const ACCESS_DENIED_EVENT = 'prepdeck:access-denied';

/** Browser mode's access token: from the URL the server printed, or kept from it for this tab. */
function browserToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) sessionStorage.setItem(TOKEN_KEY, fromUrl);
  return fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** Browser mode: the same calls as POST /api/<name>, with the token from the URL the server printed. */
function fetchBridge(token: string): Bridge {
  const call = async (name: string, input: unknown): Promise<Envelope<unknown>> => {
    let response: Response;
    try {
      response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Prepdeck-Token': token },
        body: input === undefined ? '' : JSON.stringify(input),
      });
    } catch {
      return {
        ok: false,
        error: { code: 'storage', message: 'Prepdeck is not running any more. Start it again with `npm run web`.' },
      };
    }
    if (response.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      window.dispatchEvent(new Event(ACCESS_DENIED_EVENT));
    }
    return (await response.json()) as Envelope<unknown>;
  };
  return Object.fromEntries(callNames.map((name) => [name, (input?: unknown) => call(name, input)])) as Bridge;
}

export const isBrowserMode = window.api === undefined;

/** Browser mode's token, read (and kept for this tab) once: sessionStorage is a round trip to the browser. */
const token = isBrowserMode ? browserToken() : '';

/** Browser mode opened without its token (an address typed by hand, a bookmark without it). */
export const tokenMissing = isBrowserMode && token === '';

const bridge: Bridge = window.api ?? fetchBridge(token);

/** The typed client: resolves with the result or throws ApiError with a message for a person. */
export const api = Object.fromEntries(
  callNames.map((name) => [
    name,
    async (input?: unknown) => {
      const envelope = await bridge[name](input);
      if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
      return envelope.value;
    },
  ]),
) as unknown as Api;

/** Browser mode: the address of a finished file (a GET with the token, since a link cannot send headers). */
export function downloadAddress(pathname: string): string {
  return `${pathname}?token=${encodeURIComponent(browserToken())}`;
}

/**
 * Browser mode: streams a file to the server (the browser sends a File from disk, never read into the page); the id
 * a call then names. XMLHttpRequest, not fetch: only it reports the bytes sent as they go (`onProgress`).
 */
export function uploadFile(file: File, onProgress?: (sent: number, total: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/upload');
    request.setRequestHeader('X-Prepdeck-Token', browserToken());
    request.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    request.responseType = 'json';
    request.upload.onprogress = (event) => onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size);
    request.onerror = () => reject(new ApiError('storage', 'The upload stopped: the connection to Prepdeck was lost.'));
    request.onload = () => {
      const envelope = request.response as Envelope<{ id: string }> | null;
      if (!envelope) reject(new ApiError('storage', 'The upload could not be saved. Nothing was changed.'));
      else if (!envelope.ok) reject(new ApiError(envelope.error.code, envelope.error.message));
      else resolve(envelope.value.id);
    };
    request.send(file);
  });
}
