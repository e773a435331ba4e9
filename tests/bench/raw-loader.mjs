// Vite's `?raw` imports (the bundled deck's Markdown) for the benchmarks, which run the sources under tsx rather than
// through Vite: the file's text as the module's default export.
import { registerHooks } from 'node:module';
import fs from 'node:fs';

registerHooks({
  load(url, context, nextLoad) {
    if (!url.startsWith('file:') || !url.endsWith('?raw')) return nextLoad(url, context);
    const text = fs.readFileSync(new URL(url.slice(0, -'?raw'.length)), 'utf8');
    return { format: 'module', source: `export default ${JSON.stringify(text)};`, shortCircuit: true };
  },
});
