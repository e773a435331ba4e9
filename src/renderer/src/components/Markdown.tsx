import { useMemo } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
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
import { webLink } from '../../../shared/links';
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

/**
 * A link to a web page opens in a new tab (in the desktop app, main sends it to the system browser); any other
 * link (javascript:, file:, data:, a custom scheme, a relative path) is shown as its text, not a link.
 */
export function MarkdownLink({ href, children }: { href?: string | undefined; children?: React.ReactNode }) {
  const link = webLink(href);
  if (!link) return <span className="markdown-link-text">{children}</span>;
  return (
    <a href={link} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

const components: Components = { a: ({ href, children }) => <MarkdownLink href={href}>{children}</MarkdownLink> };

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
      <ReactMarkdown rehypePlugins={plugins as never} components={components} skipHtml>
        {children}
      </ReactMarkdown>
    </div>
  );
}
