/**
 * Whether a link in a model answer may be a link: an absolute http(s) URL. Everything else — javascript:, data:,
 * file:, vbscript:, custom schemes, and relative paths that would navigate the app itself — is shown as its text.
 */
export function isWebLink(url: string): boolean {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}
