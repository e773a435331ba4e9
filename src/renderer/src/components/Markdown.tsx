import { useMemo, type ComponentProps } from 'react';
import ReactMarkdown, { type Components, type ExtraProps } from 'react-markdown';
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
import styles from './Markdown.module.css';

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

/** The language a fenced block names (```python), for the block's label. */
function languageOf(node: ExtraProps['node']): string {
  const code = node?.children[0];
  if (code?.type !== 'element') return '';
  const classes = code.properties['className'];
  const language = Array.isArray(classes) ? classes.find((c) => String(c).startsWith('language-')) : undefined;
  return language ? String(language).slice('language-'.length) : '';
}

/** A code block scrolls sideways when its lines are long: keyboard users reach it, and it says what it is. */
function CodeBlock({ node, ...props }: ComponentProps<'pre'> & ExtraProps) {
  const language = languageOf(node);
  return <pre {...props} tabIndex={0} role="region" aria-label={language ? `Code, ${language}` : 'Code'} />;
}

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

const components: Components = {
  pre: CodeBlock,
  a: ({ href, children }) => <MarkdownLink href={href}>{children}</MarkdownLink>,
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
    <div className={styles.markdown}>
      <ReactMarkdown rehypePlugins={plugins as never} components={components} skipHtml>
        {children}
      </ReactMarkdown>
    </div>
  );
}
