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

const components: Components = { pre: CodeBlock };

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
