import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';

const render = (markdown: string): string => renderToStaticMarkup(<Markdown>{markdown}</Markdown>);

describe('links in model answers', () => {
  it('open a web page in a new tab, without handing it the app (noopener, noreferrer)', () => {
    expect(render('See [the docs](https://docs.djangoproject.com/en/5.0/).')).toContain(
      '<a href="https://docs.djangoproject.com/en/5.0/" target="_blank" rel="noopener noreferrer">the docs</a>',
    );
    expect(render('<https://example.com/a>')).toContain('<a href="https://example.com/a" target="_blank"');
  });

  it.each([
    '[click](javascript:alert(1))',
    '[click](JAVASCRIPT:alert(1))',
    '[click](file:///etc/passwd)',
    '[click](data:text/html,<script>alert(1)</script>)',
    '[click](vbscript:msgbox(1))',
    '[click](prepdeck://import)',
    '[click](http://example.com/)',
    '[click](#/home)',
    '[click](../../out/main/index.js)',
    '[click](https://user:pw@example.com/)',
  ])('render %s as plain text', (markdown) => {
    const html = render(markdown);
    expect(html).not.toContain('<a');
    expect(html).not.toContain('href');
    expect(html).toContain('click');
  });
});
