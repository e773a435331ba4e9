// Electron 45 fetches its binary lazily, on the first require('electron') from Node. electron-vite
// only looks for it, so the start and dev scripts trigger the download here first.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function ensureElectron() {
  try {
    return require('electron');
  } catch (error) {
    console.error(
      [
        '',
        'Prepdeck cannot open its desktop window: the Electron binary is not installed and could not be downloaded.',
        `(${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
        '',
        'Electron downloads itself on the first start, which needs access to its download host.',
        'On this machine, run the same app in your browser instead:',
        '',
        '    npm run web',
        '',
      ].join('\n'),
    );
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) ensureElectron();
