import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../src/shared/call-names';
import { callNames } from '../../src/shared/api';

/** The modules a file pulls in at run time: `import type` lines are erased by the compiler. */
function runtimeImports(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  return [...source.matchAll(/^import\s+(?!type\b)[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

function graph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    for (const spec of runtimeImports(file)) {
      if (!spec.startsWith('.')) {
        seen.add(spec);
        continue;
      }
      const resolved = path.resolve(path.dirname(file), spec) + '.ts';
      if (seen.has(resolved)) continue;
      seen.add(resolved);
      visit(resolved);
    }
  };
  visit(path.resolve(entry));
  return [...seen];
}

describe('the preload', () => {
  it('carries the call names but not the contract or zod, so its bundle stays a few KB', () => {
    const modules = graph('src/preload/index.ts');
    expect(modules).toContain('electron');
    expect(modules.some((m) => m.endsWith(path.join('shared', 'call-names.ts')))).toBe(true);
    expect(modules.filter((m) => m === 'zod' || m.endsWith(path.join('shared', 'api.ts')))).toEqual([]);
  });

  it('lists exactly the calls of the contract, in the same order', () => {
    expect([...CALL_NAMES]).toEqual([...callNames]);
  });
});
