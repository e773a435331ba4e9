import { useMemo } from 'react';
import ReactMarkdown, { defaultUrlTransform, type Components, type UrlTransform } from 'react-markdown';
import rehypeHighlight, { type Options as HighlightOptions } from 'rehype-highlight';
import bash from 'highlight.js/lib/languages/bash';
import css from 'highlight.js/lib/languages/css';
import ini from 'highlight.js/lib/languages/ini';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import { isWebLink } from '../lib/links';
import { rehypeMark, type Mark } from '../lib/rehype-mark';

// The languages interview answers use; the full set would triple the bundle.
const highlight: HighlightOptions = {
  detect: false,
  languages: { bash, css, ini, javascript, json, python, sql, typescript, xml, yaml },
  aliases: {
    bash: ['sh', 'shell', 'console'],
    javascript: ['js', 'jsx'],
    typescript: ['ts', 'tsx'],
    xml: ['html'],
    ini: ['toml', 'env'],
  },
};

/** Links keep only web addresses; any other href becomes empty, and the `a` below renders it as plain text. */
const urlTransform: UrlTransform = (url, key) =>
  key === 'href' ? (isWebLink(url) ? url : '') : defaultUrlTransform(url);

const components: Components = {
  a: ({ href, children, node: _node, ...rest }) =>
    href ? (
      <a href={href} {...rest}>
        {children}
      </a>
    ) : (
      <span className="markdown-link-text">{children}</span>
    ),
};

/**
 * Model answers: Markdown without raw HTML (react-markdown never renders it), code highlighted,
 * and optionally some words marked (the keywords of a reveal).
 */
export function Markdown({ children, marks }: { children: string; marks?: readonly Mark[] }) {
  const plugins = useMemo(
    () =>
      marks?.length
        ? [[rehypeHighlight, highlight] as const, rehypeMark(marks)]
        : [[rehypeHighlight, highlight] as const],
    [marks],
  );
  return (
    <div className="markdown">
      <ReactMarkdown rehypePlugins={plugins as never} urlTransform={urlTransform} components={components} skipHtml>
        {children}
      </ReactMarkdown>
    </div>
  );
}
