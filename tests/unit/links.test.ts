import { describe, expect, it } from 'vitest';
import { webLink } from '../../src/shared/links';

describe('webLink: which links may open in the system browser', () => {
  it.each([
    [
      'https://docs.djangoproject.com/en/5.0/topics/db/transactions/',
      'https://docs.djangoproject.com/en/5.0/topics/db/transactions/',
    ],
    ['HTTPS://Example.COM/a?b=c#d', 'https://example.com/a?b=c#d'],
    ['https://example.com', 'https://example.com/'],
    ['https://xn--nxasmq6b.example/', 'https://xn--nxasmq6b.example/'],
  ])('opens %s', (url, expected) => {
    expect(webLink(url)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'javascript://https://example.com/%0aalert(1)',
    'file:///etc/passwd',
    'file://server/share/run.exe',
    'FILE:///C:/Windows/System32/calc.exe',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'blob:https://example.com/3f1c',
    'vbscript:msgbox(1)',
    'http://example.com/',
    'ftp://example.com/file',
    'app://prepdeck/index.html',
    'prepdeck://import?file=/etc/passwd',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x&crumb=location:\\\\evil\\share',
    'smb://evil.example/share',
    'mailto:someone@example.com',
    'chrome://settings',
    'about:blank',
    'https://user:secret@example.com/',
    'https://example.com@evil.example/',
    '//evil.example/path',
    '/relative/path',
    '#/home',
    'https:',
    'https://',
    '\\\\evil\\share',
    '',
    `https://example.com/${'a'.repeat(3000)}`,
  ])('refuses %s', (url) => {
    expect(webLink(url)).toBeNull();
  });

  it('refuses what is not a string', () => {
    expect(webLink(undefined)).toBeNull();
    expect(webLink(null)).toBeNull();
    expect(webLink({ href: 'https://example.com/' })).toBeNull();
  });
});
