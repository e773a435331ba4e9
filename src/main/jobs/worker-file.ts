import path from 'node:path';

/**
 * The worker's built file beside main's, as a worker thread can load it: inside a packaged app, the copy unpacked
 * next to the archive (`app.asar/out/main/x.mjs` → `app.asar.unpacked/out/main/x.mjs`, see electron-builder.yml),
 * since a worker's module loader cannot read from the asar. Elsewhere the path is returned as it is.
 */
export function workerFile(mainDir: string, name: string): string {
  return path.join(mainDir, name).replace(/\.asar(?=[\\/])/, '.asar.unpacked');
}
