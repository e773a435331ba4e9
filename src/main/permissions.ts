import type { Session } from 'electron';

// Nothing is granted on the app's behalf (camera, notifications, geolocation, USB, clipboard reads, ...), except
// the microphone for the app's own page in its main frame, for spoken answers. Both handlers are set: Chromium
// checks a permission before it asks for it, and the check alone decides for some APIs.

/** Whether a permission check from `origin` passes; `isAppOrigin` says whether an origin is the app's page. */
export function allowPermissionCheck(
  permission: string,
  origin: string,
  details: { isMainFrame: boolean; mediaType?: string },
  isAppOrigin: (origin: string) => boolean,
): boolean {
  return permission === 'media' && details.mediaType === 'audio' && details.isMainFrame && isAppOrigin(origin);
}

/** Whether a permission request (a prompt a browser would show) is granted. */
export function allowPermissionRequest(
  permission: string,
  details: { isMainFrame: boolean; requestingUrl: string; mediaTypes?: readonly string[] },
  isAppUrl: (url: string) => boolean,
): boolean {
  if (permission !== 'media' || !details.isMainFrame || !isAppUrl(details.requestingUrl)) return false;
  const types = details.mediaTypes ?? [];
  return types.length > 0 && types.every((type) => type === 'audio');
}

export function installPermissionHandlers(
  session: Pick<Session, 'setPermissionCheckHandler' | 'setPermissionRequestHandler'>,
  rules: { isAppOrigin: (origin: string) => boolean; isAppUrl: (url: string) => boolean },
): void {
  session.setPermissionCheckHandler((_contents, permission, origin, details) =>
    allowPermissionCheck(permission, origin, details, rules.isAppOrigin),
  );
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(
      allowPermissionRequest(permission, details as Parameters<typeof allowPermissionRequest>[1], rules.isAppUrl),
    ),
  );
}
