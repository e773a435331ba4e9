// `npm start`: make sure Electron is there, build the app, open the window.
import { spawnSync, spawn } from 'node:child_process';
import { ensureElectron } from './ensure-electron.mjs';

const electronPath = ensureElectron();
const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);
const app = spawn(electronPath, ['.'], { stdio: 'inherit' });
app.on('exit', (code) => process.exit(code ?? 0));
