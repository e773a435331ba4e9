import fs from 'node:fs';
import path from 'node:path';

/**
 * The built renderer's files, each read from disk once and then answered from memory (all of out/renderer is about
 * 1.5 MB). A start's page load asks for a dozen files at once, just when the store opens and the first calls run;
 * reading them again on every request put a file-system round trip in each. `warm()` reads the page's own files as
 * soon as the server listens. A file that cannot be read is not remembered: it is tried again on the next request.
 */
export function staticFiles(rendererDir: string): { read(file: string): Promise<Buffer | null>; warm(): void } {
  const files = new Map<string, Promise<Buffer | null>>();
  const read = (file: string): Promise<Buffer | null> => {
    const known = files.get(file);
    if (known) return known;
    const reading = fs.promises.readFile(file).catch(() => {
      files.delete(file);
      return null;
    });
    files.set(file, reading);
    return reading;
  };
  const warm = (): void => {
    void read(path.join(rendererDir, 'index.html'));
    fs.promises.readdir(path.join(rendererDir, 'assets')).then(
      (names) => names.forEach((name) => void read(path.join(rendererDir, 'assets', name))),
      () => {},
    );
  };
  return { read, warm };
}
