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

/** Browser mode: the same calls as POST /api/<name>, with the token from the URL the server printed. */
function fetchBridge(): Bridge {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) sessionStorage.setItem('prepdeck-token', fromUrl);
  const token = fromUrl ?? sessionStorage.getItem('prepdeck-token') ?? '';
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
    return (await response.json()) as Envelope<unknown>;
  };
  return Object.fromEntries(callNames.map((name) => [name, (input?: unknown) => call(name, input)])) as Bridge;
}

const bridge: Bridge = window.api ?? fetchBridge();

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

export const isBrowserMode = window.api === undefined;
