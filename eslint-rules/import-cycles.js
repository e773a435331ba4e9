/**
 * An ESLint rule that refuses import circles, type-only imports included.
 *
 * eslint-plugin-import-x's no-cycle skips `import type`, but a circle of types still means two
 * files that cannot be understood one without the other (DESIGN.md: shared types live in leaf
 * modules). This rule reads every relative import and re-export of the linted file's neighbours
 * once per lint run, finds the strongly connected components of that graph (Tarjan), and reports
 * each import that points back into its own file's component.
 */
import fs from 'node:fs';
import path from 'node:path';

const IMPORT = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.[^'"]+)['"]/gm;
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx', ''];

function resolve(from, spec) {
  const base = path.resolve(path.dirname(from), spec);
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const edgesCache = new Map();
function edges(file) {
  let out = edgesCache.get(file);
  if (!out) {
    out = [];
    const source = fs.readFileSync(file, 'utf8');
    for (const m of source.matchAll(IMPORT)) {
      const target = resolve(file, m[1]);
      if (target) out.push({ spec: m[1], target, at: m.index });
    }
    edgesCache.set(file, out);
  }
  return out;
}

/** The component of every file reachable from `start` (iterative Tarjan, so deep graphs cannot overflow). */
const componentOf = new Map();
function components(start) {
  if (componentOf.has(start)) return;
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const work = [{ node: start, i: 0 }];
  index.set(start, counter);
  low.set(start, counter++);
  stack.push(start);
  onStack.add(start);
  while (work.length > 0) {
    const frame = work[work.length - 1];
    const out = edges(frame.node);
    if (frame.i < out.length) {
      const next = out[frame.i++].target;
      if (componentOf.has(next)) continue;
      if (!index.has(next)) {
        index.set(next, counter);
        low.set(next, counter++);
        stack.push(next);
        onStack.add(next);
        work.push({ node: next, i: 0 });
      } else if (onStack.has(next)) {
        low.set(frame.node, Math.min(low.get(frame.node), index.get(next)));
      }
      continue;
    }
    work.pop();
    const parent = work[work.length - 1];
    if (parent) low.set(parent.node, Math.min(low.get(parent.node), low.get(frame.node)));
    if (low.get(frame.node) === index.get(frame.node)) {
      const members = new Set();
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        members.add(member);
      } while (member !== frame.node);
      for (const m of members) componentOf.set(m, members);
    }
  }
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Refuse import circles between the project’s own files, type-only imports included.' },
    schema: [],
    messages: {
      cycle:
        'Import circle: {{file}} imports {{target}}, which leads back here. Move what both need into a leaf module.',
    },
  },
  create(context) {
    const file = context.filename;
    return {
      Program(node) {
        if (!fs.existsSync(file)) return;
        components(file);
        const mine = componentOf.get(file);
        if (!mine || mine.size < 2) return;
        for (const { spec, target, at } of edges(file)) {
          if (!mine.has(target)) continue;
          const start = context.sourceCode.getLocFromIndex(at + (context.sourceCode.text.slice(at).search(/\S/) || 0));
          context.report({
            node,
            loc: { start, end: { line: start.line, column: start.column + 6 } },
            messageId: 'cycle',
            data: { file: path.basename(file), target: spec },
          });
        }
      },
    };
  },
};
