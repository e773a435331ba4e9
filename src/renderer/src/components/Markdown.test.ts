import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';

const html = (markdown: string): string => renderToStaticMarkup(createElement(Markdown, { children: markdown }));

describe('links in model answers', () => {
  it('keep http and https links as links', () => {
    expect(html('See [the docs](https://docs.python.org/3/) and [this](http://example.com/a?b=1).')).toBe(
      '<div class="markdown"><p>See <a href="https://docs.python.org/3/">the docs</a> and <a href="http://example.com/a?b=1">this</a>.</p></div>',
    );
    expect(html('<https://example.com>')).toContain('<a href="https://example.com">https://example.com</a>');
  });

  it.each([
    ['javascript:', '[click](javascript:alert(1))'],
    ['JavaScript: with spaces and case', '[click]( JaVaScRiPt:alert(1) )'],
    ['data:', '[click](data:text/html;base64,PHNjcmlwdD4=)'],
    ['file:', '[click](file:///etc/passwd)'],
    ['vbscript:', '[click](vbscript:msgbox)'],
    ['a custom scheme', '[click](prepdeck://reset)'],
    ['a relative path (it would reload the app)', '[click](/index.html)'],
    ['an anchor', '[click](#top)'],
    ['a reference link', '[click][x]\n\n[x]: javascript:alert(1)'],
  ])('render %s as plain text', (_what, markdown) => {
    const out = html(markdown);
    expect(out).not.toContain('<a');
    expect(out).toContain('<span class="markdown-link-text">click</span>');
  });
});
