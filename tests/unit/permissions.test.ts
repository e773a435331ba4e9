import { describe, expect, it } from 'vitest';
import { allowPermissionCheck, allowPermissionRequest, installPermissionHandlers } from '../../src/main/permissions';
import { isAppOrigin, isAppUrl } from '../../src/main/window';

const page = 'app://prepdeck/index.html#/session';

describe('permission checks', () => {
  it('allow the microphone for the app page in its main frame', () => {
    expect(
      allowPermissionCheck('media', 'app://prepdeck', { isMainFrame: true, mediaType: 'audio' }, isAppOrigin),
    ).toBe(true);
  });

  it.each([
    ['media', 'app://prepdeck', { isMainFrame: true, mediaType: 'video' }],
    ['media', 'app://prepdeck', { isMainFrame: true, mediaType: 'unknown' }],
    ['media', 'app://prepdeck', { isMainFrame: true }],
    ['media', 'app://prepdeck', { isMainFrame: false, mediaType: 'audio' }],
    ['media', 'https://example.com', { isMainFrame: true, mediaType: 'audio' }],
    ['media', 'file://', { isMainFrame: true, mediaType: 'audio' }],
    ['notifications', 'app://prepdeck', { isMainFrame: true }],
    ['geolocation', 'app://prepdeck', { isMainFrame: true }],
    ['clipboard-read', 'app://prepdeck', { isMainFrame: true }],
    ['hid', 'app://prepdeck', { isMainFrame: true }],
    ['openExternal', 'app://prepdeck', { isMainFrame: true }],
    ['display-capture', 'app://prepdeck', { isMainFrame: true }],
  ])('deny %s from %s %o', (permission, origin, details) => {
    expect(allowPermissionCheck(permission, origin, details, isAppOrigin)).toBe(false);
  });
});

describe('permission requests', () => {
  it('grant the microphone alone to the app page in its main frame', () => {
    expect(
      allowPermissionRequest('media', { isMainFrame: true, requestingUrl: page, mediaTypes: ['audio'] }, isAppUrl),
    ).toBe(true);
  });

  it.each([
    ['media', { isMainFrame: true, requestingUrl: page, mediaTypes: ['audio', 'video'] }],
    ['media', { isMainFrame: true, requestingUrl: page, mediaTypes: ['video'] }],
    ['media', { isMainFrame: true, requestingUrl: page, mediaTypes: [] }],
    ['media', { isMainFrame: true, requestingUrl: page }],
    ['media', { isMainFrame: false, requestingUrl: page, mediaTypes: ['audio'] }],
    ['media', { isMainFrame: true, requestingUrl: 'https://example.com/', mediaTypes: ['audio'] }],
    ['display-capture', { isMainFrame: true, requestingUrl: page, mediaTypes: ['audio'] }],
    ['notifications', { isMainFrame: true, requestingUrl: page }],
    ['pointerLock', { isMainFrame: true, requestingUrl: page }],
    ['fullscreen', { isMainFrame: true, requestingUrl: 'https://example.com/' }],
  ])('deny %s %o', (permission, details) => {
    expect(allowPermissionRequest(permission, details, isAppUrl)).toBe(false);
  });
});

describe('installPermissionHandlers', () => {
  it('sets both handlers on the session, wired to the same rules', () => {
    let check: ((...args: unknown[]) => boolean) | null = null;
    let request: ((...args: unknown[]) => void) | null = null;
    installPermissionHandlers(
      {
        setPermissionCheckHandler: (handler: never) => (check = handler),
        setPermissionRequestHandler: (handler: never) => (request = handler),
      },
      { isAppOrigin, isAppUrl },
    );
    expect(check!(null, 'media', 'app://prepdeck', { isMainFrame: true, mediaType: 'audio' })).toBe(true);
    expect(check!(null, 'notifications', 'app://prepdeck', { isMainFrame: true })).toBe(false);
    const answers: boolean[] = [];
    request!({}, 'media', (granted: boolean) => answers.push(granted), {
      isMainFrame: true,
      requestingUrl: page,
      mediaTypes: ['audio'],
    });
    request!({}, 'geolocation', (granted: boolean) => answers.push(granted), {
      isMainFrame: true,
      requestingUrl: page,
    });
    expect(answers).toEqual([true, false]);
  });
});
