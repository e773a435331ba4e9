import fs from 'node:fs';

// The data folder holds a person's answers and self-grades: on Linux and macOS it and everything Prepdeck writes in
// it are readable by that person only (0700 folders, 0600 files), whatever the umask. Windows ignores these modes;
// there the folder lives in the user's own profile, which is private already.

const posix = process.platform !== 'win32';

function chmod(target: string, mode: number): void {
  if (!posix) return;
  try {
    fs.chmodSync(target, mode);
  } catch (error) {
    // A folder on a file system without Unix modes (a FAT stick, for portable use) cannot be tightened: use it as is.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM' && (error as NodeJS.ErrnoException).code !== 'ENOTSUP') {
      throw error;
    }
  }
}

/** Creates `dir` (and missing parents) as 0700, and tightens it to 0700 if it already existed. */
export function privateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmod(dir, 0o700);
}

/** Makes `file` 0600, creating it empty if it is missing, before anything sensitive is written to it. */
export function privateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  chmod(file, 0o600);
}

/** Tightens `file` to 0600 if it exists. */
export function tightenFile(file: string): void {
  if (fs.existsSync(file)) chmod(file, 0o600);
}
