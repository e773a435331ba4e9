/**
 * First contentful paint in browser mode, two builds side by side (alternating, the first load of each
 * dropped): node tests/bench/first-paint.mjs <web.js of build A> <web.js of build B>
 * (out/main/web.js after `npm run build`; build the other branch into another folder the same way).
 * Needs Chromium at /usr/bin/chromium or PREPDECK_CHROMIUM.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';
const [a, b] = process.argv.slice(2);
if (!a || !b) throw new Error('Usage: node tests/bench/first-paint.mjs <web.js A> <web.js B>');
const builds = { A: a, B: b };
const browser = await chromium.launch({ executablePath: process.env.PREPDECK_CHROMIUM || '/usr/bin/chromium' });
const res = { A: [], B: [] };
async function once(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fcp-'));
  const proc = spawn(process.execPath, [builds[name]], { env: { ...process.env, PREPDECK_DATA_DIR: dir } });
  const url = await new Promise((resolve) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/Open: (\S+)/);
      if (m) resolve(m[1]);
    });
  });
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-testid=bank-size]');
  const t = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    home: performance.now(),
  }));
  await page.close();
  proc.kill();
  fs.rmSync(dir, { recursive: true, force: true });
  return t;
}
for (let i = 0; i < 8; i++)
  for (const name of ['A', 'B']) {
    const t = await once(name);
    if (i > 0) res[name].push(t);
  }
await browser.close();
const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)].toFixed(0);
for (const [n, a] of Object.entries(res))
  console.log(
    n,
    'FCP p50',
    med(a.map((x) => x.fcp)),
    'ms; bank size shown p50',
    med(a.map((x) => x.home)),
    'ms; n',
    a.length,
    'loads',
    os.loadavg()[0].toFixed(1),
  );
