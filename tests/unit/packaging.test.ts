// Packs the app with electron-builder (`--linux dir`, the step every installer starts from) against a stand-in
// Electron distribution, since Electron's own binary cannot be downloaded everywhere the tests run, and inspects
// what would ship. Needs `npm run build` first (`npm test` builds before the unit tests). What it cannot check:
// that the packed app starts, that better-sqlite3 loads inside it, and the installers themselves (AppImage, deb,
// dmg, nsis): the release workflow builds those, and runs the real window, where Electron can be downloaded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { Arch, build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { generateIcons } from '../../scripts/icons';
import type { ExportMessage, ExportTask } from '../../src/main/jobs/export-protocol';
import { workerFile } from '../../src/main/jobs/worker-file';
import { DB_FILE, openDb } from '../../src/main/store/database';
import { generateHistory } from '../bench/generate';

const root = path.resolve(import.meta.dirname, '../..');
const projectPackage = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

// The fuse wire as Electron ships it: a sentinel, version 1, the wire length, one byte per fuse ('1' on, '0' off).
// Electron 45's defaults: RunAsNode, NodeOptions, NodeCliInspect, GrantFileProtocolExtraPrivileges and
// WasmTrapHandlers on; the rest off. electron-builder flips them in place, as it would in the real binary.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ELECTRON_DEFAULT_WIRE = '101100011';

function standInElectron(dir: string): void {
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'locales'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'locales', 'en-US.pak'), 'stand-in');
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'stand-in');
  const wire = Buffer.concat([
    Buffer.from(`#!/bin/sh\necho "stand-in Electron for the packaging test"\nexit 1\n# ${SENTINEL}`, 'latin1'),
    Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]),
    Buffer.from(`${ELECTRON_DEFAULT_WIRE}\n`, 'latin1'),
  ]);
  fs.writeFileSync(path.join(dir, 'electron'), wire, { mode: 0o755 });
}

const arch = process.arch === 'arm64' ? 'arm64' : 'x64';

// The stand-in is a Linux distribution. On macOS and Windows the release workflow packs the real thing instead.
const linux = process.platform === 'linux';
if (!linux)
  console.log(
    'packaging.test.ts skipped: the stand-in Electron is a Linux one (the release workflow packs on each system).',
  );

// One pack for the whole file: packing takes a while, and every test below inspects the same output.
let work: string;
let appDir: string;
let asarPath: string;
let files: string[];

beforeAll(async () => {
  if (!linux) return;
  const main = path.join(root, projectPackage.main);
  if (!fs.existsSync(main)) throw new Error(`${projectPackage.main} is missing: run \`npm run build\` first.`);
  generateIcons();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-pack-'));
  standInElectron(path.join(work, 'electron-dist'));
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir', arch === 'arm64' ? Arch.arm64 : Arch.x64),
    publish: 'never',
    config: { electronDist: path.join(work, 'electron-dist'), directories: { output: path.join(work, 'dist') } },
  });
  appDir = path.join(work, 'dist', arch === 'arm64' ? 'linux-arm64-unpacked' : 'linux-unpacked');
  asarPath = path.join(appDir, 'resources', 'app.asar');
  files = listPackage(asarPath, { isPack: false }).map((file) => file.replaceAll('\\', '/'));
}, 120_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!linux)('the packaged app: what app.asar holds', () => {
  it('ships the built app: main, preload and the renderer, under out/', () => {
    for (const file of [
      '/out/main/index.js',
      '/out/main/history-export-worker.mjs',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/package.json',
    ]) {
      expect(files).toContain(file);
    }
    const ownFiles = files.filter((file) => !file.startsWith('/node_modules'));
    expect(ownFiles.every((file) => file === '/package.json' || file === '/out' || file.startsWith('/out/'))).toBe(
      true,
    );
    expect(files.some((file) => /^\/out\/renderer\/assets\/index-[\w-]+\.js$/.test(file))).toBe(true);
  });

  it('leaves out sources, tests, source maps, TypeScript and browser mode', () => {
    expect(files.filter((file) => /^\/(src|tests|scripts|resources|docs|build|dist)(\/|$)/.test(file))).toEqual([]);
    expect(files.filter((file) => /\.(map|ts|tsx|mts|cts|md)$/.test(file))).toEqual([]);
    expect(files).not.toContain('/out/main/web.js');
    expect(files.filter((file) => /(^|\/)(__tests__|tests?)\//.test(file))).toEqual([]);
  });

  it('has a production package.json: no dev dependencies, no scripts, the same entry point', () => {
    const shipped = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(shipped['name']).toBe(projectPackage.name);
    expect(shipped['version']).toBe(projectPackage.version);
    expect(shipped['main']).toBe(projectPackage.main);
    // Electron names the data folder after productName, else name: it must stay `prepdeck` (the README's folders).
    expect(shipped).not.toHaveProperty('productName');
    // On Linux, Electron takes the window's app_id from desktopName, matching the installed prepdeck.desktop.
    expect(shipped['desktopName']).toBe('prepdeck.desktop');
    expect(shipped['dependencies']).toEqual(projectPackage.dependencies);
    expect(shipped).not.toHaveProperty('devDependencies');
    expect(shipped).not.toHaveProperty('scripts');
  });

  it('carries the runtime dependencies and none of the development ones', () => {
    const packages = new Set(
      files.map((file) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1]).filter((name) => name !== undefined),
    );
    for (const name of Object.keys(projectPackage.dependencies)) expect(packages).toContain(name);
    const dev = Object.keys(projectPackage.devDependencies).filter((name) => packages.has(name));
    expect(dev).toEqual([]);
    // Nothing the renderer bundle already holds, nor the build tools' trees.
    for (const name of ['react', 'recharts', 'electron', 'vite', 'typescript', 'node-addon-api']) {
      expect(packages.has(name)).toBe(false);
    }
  });

  it('stays small: a few MB of app, a few hundred files', () => {
    const size = fs.statSync(asarPath).size;
    console.log(`app.asar: ${(size / 1e6).toFixed(1)} MB, ${files.length} entries`);
    expect(size).toBeLessThan(15_000_000);
  });
});

describe.skipIf(!linux)('the packaged app: the binary and what is unpacked beside app.asar', () => {
  it("unpacks better-sqlite3's binary for this system only, and none of its C sources", () => {
    const binary = `node_modules/better-sqlite3/prebuilds/linux-${arch}.node`;
    expect(statFile(asarPath, binary)).toMatchObject({ unpacked: true });
    const unpacked = path.join(appDir, 'resources', 'app.asar.unpacked', binary);
    expect(fs.statSync(unpacked).size).toBeGreaterThan(1_000_000);
    expect(fs.readFileSync(unpacked).subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    const prebuilds = fs.readdirSync(
      path.join(appDir, 'resources', 'app.asar.unpacked/node_modules/better-sqlite3/prebuilds'),
    );
    expect(prebuilds).toEqual([`linux-${arch}.node`]);
    expect(files.filter((file) => /better-sqlite3\/(deps|src)\/|\.(c|cpp|h|gyp|gypi)$/.test(file))).toEqual([]);
  });

  it('flips the fuses on the Electron binary', async () => {
    const executable = path.join(appDir, 'prepdeck');
    expect(fs.existsSync(executable)).toBe(true);
    const wire = await getCurrentFuseWire(executable);
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      nodeCliInspect: wire[FuseV1Options.EnableNodeCliInspectArguments],
      cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
      asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyLoadAppFromAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      fileProtocolExtraPrivileges: wire[FuseV1Options.GrantFileProtocolExtraPrivileges],
    }).toEqual({
      runAsNode: FuseState.DISABLE,
      nodeOptions: FuseState.DISABLE,
      nodeCliInspect: FuseState.DISABLE,
      cookieEncryption: FuseState.ENABLE,
      asarIntegrity: FuseState.ENABLE,
      onlyLoadAppFromAsar: FuseState.ENABLE,
      fileProtocolExtraPrivileges: FuseState.DISABLE,
    });
  });

  it('unpacks the export worker with all it imports, and it runs from there without the archive', async () => {
    const worker = '/out/main/history-export-worker.mjs';
    expect(files).toContain(worker);
    const unpackedRoot = path.join(appDir, 'resources', 'app.asar.unpacked');
    // Everything the worker loads (its chunks, better-sqlite3's JavaScript and binary) is unpacked beside the archive.
    const needed = files.filter(
      (file) =>
        /^\/out\/main\/[\w-]+-worker\.mjs$/.test(file) ||
        /^\/out\/main\/chunks\/.+\.mjs$/.test(file) ||
        /^\/node_modules\/better-sqlite3\/lib\//.test(file),
    );
    expect(needed).toContain('/out/main/restore-check-worker.mjs');
    expect(needed).toContain('/out/main/import-commit-worker.mjs');
    expect(needed.length).toBeGreaterThan(5);
    for (const file of needed) {
      const entry = statFile(asarPath, file.slice(1));
      if ('files' in entry) continue;
      expect(entry, file).toMatchObject({ unpacked: true });
    }
    // Main starts the Worker on the unpacked copy.
    const packedMain = path.join(asarPath, 'out', 'main');
    expect(workerFile(packedMain, 'history-export-worker.mjs')).toBe(path.join(unpackedRoot, worker));

    // Plain Node has no asar support at all: the worker running here proves it never reaches into the archive.
    const store = path.join(work, 'store');
    const db = await openDb(store);
    generateHistory(db, 40);
    db.close();
    const outFile = path.join(work, 'history.csv');
    const task: ExportTask = {
      source: { kind: 'history' },
      dbFile: path.join(store, DB_FILE),
      outFile,
      cancel: new SharedArrayBuffer(4),
      chunkRows: 10,
    };
    const last = await new Promise<ExportMessage>((resolve, reject) => {
      const thread = new Worker(path.join(unpackedRoot, worker), { workerData: task });
      let message: ExportMessage | null = null;
      thread.on('message', (m: ExportMessage) => (message = m));
      thread.on('error', reject);
      thread.on('exit', () => (message ? resolve(message) : reject(new Error('the worker said nothing'))));
    });
    expect(last).toMatchObject({ type: 'done', done: 40 });
    expect(fs.readFileSync(outFile, 'utf8').split('\r\n')).toHaveLength(42);
  });

  it('puts the window icon beside the asar, where main looks for it', () => {
    const icon = fs.readFileSync(path.join(appDir, 'resources', 'icon.png'));
    expect(icon.readUInt32BE(16)).toBe(512);
  });
});
