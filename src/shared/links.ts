/** Longer than any link a model answer needs; past it, a URL is more likely a payload than a page. */
const MAX_URL_LENGTH = 2048;

/**
 * The web page a link in a model answer may open, or null. Only `https:` URLs with a host and without
 * credentials: never `http:` (sent in the clear), `file:` (a local file), `javascript:`/`data:`/`blob:` (code
 * or content of the attacker's choosing) or a custom scheme (it launches whatever app registered it).
 * Parsed with `URL`, so tabs, newlines, case and leading spaces cannot hide the scheme.
 * Used by the renderer (which links to render) and by main (which URLs reach the system browser).
 */
export function webLink(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.hostname === '') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}
