/** A rehype plugin that wraps given words of the rendered text in <mark>, outside code blocks. */

interface HastText {
  type: 'text';
  value: string;
}
interface HastElement {
  type: 'element';
  tagName: string;
  properties: Record<string, unknown>;
  children: HastNode[];
}
type HastNode = HastText | HastElement | { type: string; children?: HastNode[] };

export interface Mark {
  text: string;
  className: string;
  title?: string;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function rehypeMark(marks: readonly Mark[]) {
  const sorted = [...marks].filter((m) => m.text.trim()).sort((a, b) => b.text.length - a.text.length);
  const byText = new Map(sorted.map((m) => [m.text.toLowerCase(), m]));
  const pattern = sorted.length ? new RegExp(`(${sorted.map((m) => escape(m.text)).join('|')})`, 'gi') : null;

  function split(value: string): HastNode[] {
    if (!pattern) return [{ type: 'text', value }];
    const out: HastNode[] = [];
    let last = 0;
    for (const match of value.matchAll(pattern)) {
      const mark = byText.get(match[0].toLowerCase());
      if (!mark || match.index === undefined) continue;
      if (match.index > last) out.push({ type: 'text', value: value.slice(last, match.index) });
      out.push({
        type: 'element',
        tagName: 'mark',
        properties: { className: [mark.className], title: mark.title },
        children: [{ type: 'text', value: match[0] }],
      });
      last = match.index + match[0].length;
    }
    if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
    return out;
  }

  function walk(node: HastNode): void {
    if (!('children' in node) || !node.children) return;
    if (
      node.type === 'element' &&
      ((node as HastElement).tagName === 'pre' || (node as HastElement).tagName === 'code')
    )
      return;
    node.children = node.children.flatMap((child) =>
      child.type === 'text' ? split((child as HastText).value) : (walk(child), [child]),
    );
  }

  return () => (tree: HastNode) => walk(tree);
}
