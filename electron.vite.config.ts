import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { HtmlTagDescriptor, Plugin } from 'vite';

/**
 * The app's chunk (boot.tsx: React, the pages, the global styles) is imported by the small entry only after the
 * entry has started the first page's calls. These links make the browser fetch it, its chunks and its stylesheet
 * alongside the entry instead of after it; none of them blocks the first paint (the stylesheet is preloaded, and
 * applied by the import, which waits for it).
 */
function preloadTheApp(): Plugin {
  return {
    name: 'prepdeck-preload-the-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const boot = chunks.find((c) => c.facadeModuleId?.replace(/\\/g, '/').endsWith('/src/renderer/src/boot.tsx'));
        if (!boot) throw new Error('preloadTheApp: no chunk for src/renderer/src/boot.tsx');
        const entries = new Set(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
        const files = [boot.fileName, ...boot.imports.filter((file) => !entries.has(file))];
        const tags: HtmlTagDescriptor[] = files.map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
          injectTo: 'head',
        }));
        for (const css of boot.viteMetadata?.importedCss ?? []) {
          tags.push({
            tag: 'link',
            attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `./${css}` },
            injectTo: 'head',
          });
        }
        return tags;
      },
    },
  };
}

/** The stylesheets the window's frame is drawn with: the design tokens and the layout (sidebar, brand, grid). */
const FRAME_STYLES = ['src/renderer/src/styles/tokens.css', 'src/renderer/src/styles/layout.css'];

/**
 * The frame's stylesheets, inlined into index.html: the first paint waits for that file only, and draws the frame
 * with the app's own rules (6 KB) rather than a copy of them. The app does not import them again.
 */
function inlineTheFrameStyles(): Plugin {
  return {
    name: 'prepdeck-inline-the-frame-styles',
    transformIndexHtml: {
      order: 'pre',
      handler: () =>
        FRAME_STYLES.map((file) => ({ tag: 'style', children: readFileSync(resolve(file), 'utf8'), injectTo: 'head' })),
    },
  };
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // web.js is browser mode: the same api in plain Node, without Electron.
        // history-export-worker.mjs runs in a worker thread of either (long work off the thread that answers calls).
        // The worker and the chunks it shares are .mjs: ES modules by their name alone, so they run from
        // app.asar.unpacked, where no package.json says `"type": "module"` (see electron-builder.yml).
        input: {
          index: resolve('src/main/index.ts'),
          web: resolve('src/main/web/cli.ts'),
          'history-export-worker': resolve('src/main/jobs/history-export-worker.ts'),
          'restore-check-worker': resolve('src/main/jobs/restore-check-worker.ts'),
          'import-commit-worker': resolve('src/main/jobs/import-commit-worker.ts'),
        },
        external: ['better-sqlite3'],
        output: {
          entryFileNames: (chunk) => (chunk.name.endsWith('-worker') ? '[name].mjs' : '[name].js'),
          chunkFileNames: 'chunks/[name]-[hash].mjs',
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require packages: bundle everything it uses.
      externalizeDeps: false,
      rollupOptions: { output: { format: 'cjs' } },
    },
  },
  renderer: {
    plugins: [react(), inlineTheFrameStyles(), preloadTheApp()],
    // Component styles are CSS Modules (Foo.module.css): `.grade-on` is read as styles.gradeOn, and only that name.
    // Scoped names keep the class they come from (_grade-on_x1y2z_40): readable in devtools, and the layout
    // spec finds a component's boxes by it.
    css: { modules: { localsConvention: 'camelCaseOnly', generateScopedName: '_[local]_[hash:base64:5]' } },
    build: {
      minify: true,
      chunkSizeWarningLimit: 1500,
      // The icon (resources/icon.svg, linked from index.html) stays a file the browser can cache, not a data: URL.
      assetsInlineLimit: (file: string) => (file.endsWith('icon.svg') ? false : undefined),
    },
  },
});
