/**
 * Lets the benchmarks load main's modules outside Vite: a `?raw` import (the bundled deck's Markdown) is
 * the file's text as its default export, as Vite gives it. Loaded with `tsx --import`.
 */
import fs from 'node:fs';
import { registerHooks } from 'node:module';

registerHooks({
  load(url, context, nextLoad) {
    const parsed = new URL(url);
    if (parsed.protocol !== 'file:' || parsed.search !== '?raw') return nextLoad(url, context);
    parsed.search = '';
    const text = fs.readFileSync(parsed, 'utf8');
    return { format: 'module', source: `export default ${JSON.stringify(text)};`, shortCircuit: true };
  },
});
