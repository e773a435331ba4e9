/**
 * The page benchmark: what a person waits for, page by page, as each page makes its calls, against
 * floors that do not grow with the history (a one-row INSERT with the app's pragmas, `SELECT 1`).
 *
 * npm run bench:pages [-- sizes…]   (default 10,000 and 100,000 answers; writes tests/bench/pages-results.json)
 * npx tsx --import ./tests/bench/raw-import.mjs tests/bench/pages.ts [--json file] [--no-import] [sizes…]
 *
 * Each figure is printed with p50 / p95 / p99 and its p50 as a multiple of its floor's p50, so a
 * run on a busy machine can still be compared with one on a quiet machine. `runPages` is also the
 * smoke test's engine (tests/unit/bench-smoke.test.ts).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../../src/main/api/dispatch';
import { checkpointWhenIdle } from '../../src/main/api/idle';
import { createApi, type Handlers } from '../../src/main/api';
import type { Clock } from '../../src/main/clock';
import { DB_FILE, migrate, openDb, type Db } from '../../src/main/store/database';
import { openBrowser, startToHome, statsOverHttp } from './browser';
import { generateHistory, importText, openVersion1, type GeneratedHistory } from './generate';

/**
 * insert and select: on the store's connection; start: a Node process started until it prints a line; none: no
 * floor (the browser's own measure).
 */
export type Floor = 'insert' | 'select' | 'start' | 'none';

export interface Figure {
  page: string;
  mode: 'warm' | 'cold' | 'once';
  size: number;
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  floor: Floor;
  /** p50 divided by the floor's p50. */
  ratio: number;
  /** Median CPU time of the process (user + system): the work, without the waits for the disk and the machine. */
  cpuP50: number;
}

export interface PagesOptions {
  sizes: number[];
  /** Runs of each warm read page; saves and grades run five times as often (their p99 matters). */
  runs: number;
  coldRuns: number;
  /** Questions in each import commit (0: no import). */
  importQuestions: number;
  /** Browser mode too (start → Home, first paint, Stats over HTTP): needs `npm run build` and Chromium. */
  browser?: boolean;
  log?: (line: string) => void;
}

/** The app's core as main builds it (app.ts, less the bundled decks, which need Vite to load). */
interface AppCore {
  db: Db;
  api: Handlers;
  close(): void;
}

async function openAppCore(dir: string, clock: Clock): Promise<AppCore> {
  const db = await openDb(dir);
  const served = checkpointWhenIdle(createApi(db, clock, { dataDir: dir }), db);
  return {
    db,
    api: served.api,
    close: () => {
      served.close();
      db.close();
    },
  };
}

type Call = [name: string, input?: unknown];

/** Home, as it asks: the bank summary and its three cards, mounted together. */
const HOME: Call[][] = [[['getBankSummary'], ['getHomeStats'], ['getActiveSession'], ['getReviewSummary']]];
/** Stats, as it asks: four queries mounted together. */
const STATS: Call[][] = [
  [
    ['getBankSummary'],
    ['getLevelStats', { range: 'all' }],
    ['getKeywordStats', { range: 'all' }],
    ['getActivityStats', { range: 'all' }],
  ],
];

interface Times {
  wall: number[];
  cpu: number[];
}
const newTimes = (): Times => ({ wall: [], cpu: [] });

async function measure<T>(into: Times | null, fn: () => T | Promise<T>): Promise<T> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  into?.wall.push(wall);
  into?.cpu.push((used.user + used.system) / 1000);
  return value;
}

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;

function summarise(times: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99) };
}

async function call(core: AppCore, name: string, input?: unknown): Promise<unknown> {
  const result = await dispatch(core.api, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

/** A page's calls: each wave's calls at once (as the page starts them), waves one after another. */
async function page(core: AppCore, waves: Call[][]): Promise<void> {
  for (const wave of waves) await Promise.all(wave.map(([name, input]) => call(core, name, input)));
}

/**
 * Saving and grading, as a session goes: answer, grade, next; a new session after the tenth. `runs` of each are
 * timed, after three to warm up; `advance` moves the clock as a person would take time.
 */
async function saveAndGrade(
  core: AppCore,
  runs: number,
  config: unknown,
  advance: (ms: number) => void,
): Promise<{ saves: Times; grades: Times }> {
  const saves = newTimes();
  const grades = newTimes();
  let view = (await call(core, 'startSession', config)) as { id: number; position: number; phase: string };
  for (let i = 0; i < runs + 3; i++) {
    if (view.phase === 'done') view = (await call(core, 'startSession', config)) as typeof view;
    advance(20_000);
    const warm = i >= 3;
    const revealed = (await measure(warm ? saves : null, () =>
      call(core, 'submitAnswer', {
        sessionId: view.id,
        position: view.position,
        answer: 'It uses an index and a transaction, and a cache in front of it.',
        reason: 'answer',
      }),
    )) as { revealed: { id: number } };
    advance(5_000);
    await measure(warm ? grades : null, () =>
      call(core, 'gradeAttempt', { sessionId: view.id, attemptId: revealed.revealed.id, grade: 1 + (i % 4) }),
    );
    advance(1_000);
    view = (await call(core, 'nextQuestion', { sessionId: view.id })) as typeof view;
  }
  return { saves, grades };
}

/** A store as the first release wrote it, filled with a synthetic history, then upgraded. */
function buildStore(dir: string, size: number): GeneratedHistory {
  const db = openVersion1(path.join(dir, DB_FILE));
  const history = generateHistory(db, size);
  migrate(db);
  db.exec('CREATE TABLE bench_floor (id INTEGER PRIMARY KEY, value TEXT NOT NULL)');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return history;
}

type RecordFigure = (page: string, mode: Figure['mode'], floor: Floor, times: Times) => void;

/** A Node process started until it prints a line: what any start costs at least. */
async function processFloor(): Promise<number> {
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const proc = spawn(process.execPath, ['-e', 'console.log("up")'], { stdio: ['ignore', 'pipe', 'inherit'] });
    proc.stdout.once('data', () => resolve());
  });
  return performance.now() - start;
}

/**
 * Browser mode on the same store: process start → Home drawn with its data, and → first paint (cold, the browser
 * already open), against a Node process's own start; Stats' four calls over HTTP as the page makes them.
 */
async function browserPages(
  dir: string,
  options: PagesOptions,
  log: (line: string) => void,
  floors: Map<Floor, number>,
  record: RecordFigure,
): Promise<void> {
  const browser = await openBrowser(log);
  if (!browser) return;
  try {
    const floor = newTimes();
    for (let i = 0; i < options.coldRuns; i++) floor.wall.push(await processFloor());
    floors.set('start', summarise(floor.wall).p50);
    record('floor: a Node process started until it prints', 'once', 'start', floor);
    const listening = newTimes();
    const home = newTimes();
    const paint = newTimes();
    const fcp = newTimes();
    for (let i = 0; i < options.coldRuns; i++) {
      const started = await startToHome(browser, dir);
      listening.wall.push(started.listeningMs);
      home.wall.push(started.homeMs);
      paint.wall.push(started.firstPaintMs);
      fcp.wall.push(started.paintAfterNavigationMs);
    }
    floors.set('none', 1);
    record('browser mode: first contentful paint (from navigation)', 'cold', 'none', fcp);
    record('browser mode: process start → server listening', 'cold', 'start', listening);
    record('browser mode: process start → first paint', 'cold', 'start', paint);
    record('browser mode: process start → Home painted with data', 'cold', 'start', home);
    record('browser mode: Stats, its calls over HTTP', 'warm', 'select', {
      wall: await statsOverHttp(dir, options.runs),
      cpu: [],
    });
  } finally {
    await browser.close();
  }
}

export async function runPages(options: PagesOptions): Promise<Figure[]> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const figures: Figure[] = [];
  for (const size of options.sizes) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-pages-'));
    try {
      const start = performance.now();
      const history = buildStore(dir, size);
      log(`${size.toLocaleString('en')} answers: store built in ${((performance.now() - start) / 1000).toFixed(1)} s`);
      let now = history.now;
      const clock = { now: () => now };
      let core = await openAppCore(dir, clock);

      const floors = new Map<Floor, number>();
      const record = (page: string, mode: Figure['mode'], floor: Floor, times: Times): void => {
        const s = summarise(times.wall);
        const cpuP50 = times.cpu.length > 0 ? summarise(times.cpu).p50 : Number.NaN;
        const figure = {
          page,
          mode,
          size,
          runs: times.wall.length,
          ...s,
          floor,
          ratio: s.p50 / floors.get(floor)!,
          cpuP50,
        };
        figures.push(figure);
        log(
          `  ${page} (${mode}): p50 ${s.p50.toFixed(2)} p99 ${s.p99.toFixed(2)} ms, ×${figure.ratio.toFixed(0)}, cpu ${cpuP50.toFixed(2)} ms`,
        );
      };
      const time = async (runs: number, fn: () => unknown, warmup = 3): Promise<Times> => {
        for (let i = 0; i < warmup; i++) await fn();
        const times = newTimes();
        for (let i = 0; i < runs; i++) await measure(times, fn);
        return times;
      };

      // The floors, on the same connection: what any read and any saved write cost at least.
      const one = core.db.prepare('SELECT 1');
      const insert = core.db.prepare('INSERT INTO bench_floor (value) VALUES (?)');
      const selectTimes = await time(options.runs * 5, () => one.get());
      const insertTimes = await time(options.runs * 5, () => core.db.transaction(() => insert.run('x'))());
      floors.set('select', summarise(selectTimes.wall).p50);
      floors.set('insert', summarise(insertTimes.wall).p50);
      record('floor: SELECT 1', 'warm', 'select', selectTimes);
      record('floor: one-row INSERT, committed', 'warm', 'insert', insertTimes);

      record('Home', 'warm', 'select', await time(options.runs, () => page(core, HOME)));
      record('Stats', 'warm', 'select', await time(options.runs, () => page(core, STATS)));

      // Cold: a freshly opened store (as after a start), its first page.
      const cold = async (waves: Call[][]): Promise<Times> => {
        const times = newTimes();
        for (let i = 0; i < options.coldRuns; i++) {
          core.close();
          core = await openAppCore(dir, clock);
          await measure(times, () => page(core, waves));
        }
        return times;
      };
      record('Home', 'cold', 'select', await cold(HOME));
      record('Stats', 'cold', 'select', await cold(STATS));

      const config = { count: 10, order: 'escalating' as const };
      for (const order of ['escalating', 'weakest'] as const) {
        const times = await time(options.runs, () => {
          now += 1000;
          return call(core, 'startSession', { ...config, order });
        });
        record(`startSession (all decks, 10 questions, ${order})`, 'warm', 'insert', times);
      }

      const { saves, grades } = await saveAndGrade(core, options.runs * 5, config, (ms) => (now += ms));
      record('submitAnswer', 'warm', 'insert', saves);
      record('gradeAttempt', 'warm', 'insert', grades);

      for (const format of options.importQuestions > 0 ? (['markdown', 'csv'] as const) : []) {
        const times = newTimes();
        for (let i = 0; i < 3; i++) {
          const tag = `Import ${format} ${i}`;
          const text = importText(options.importQuestions, format, tag);
          await measure(times, () =>
            call(core, 'commitImport', {
              source: { kind: 'text', text, fileName: format === 'csv' ? 'deck.csv' : 'deck.md' },
              target: { newDeckName: tag },
              duplicates: 'skip',
            }),
          );
        }
        record(
          `commitImport, ${options.importQuestions.toLocaleString('en')} questions, ${format}`,
          'once',
          'insert',
          times,
        );
      }
      core.close();
      if (options.browser) await browserPages(dir, options, log, floors, record);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return figures;
}

export function table(figures: Figure[]): string {
  const fmt = (ms: number): string =>
    !Number.isFinite(ms) ? '—' : ms < 1 ? ms.toFixed(3) : ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
  const lines = [
    '| Page | Size | p50 / p95 / p99 (ms) | × floor (p50) | CPU p50 (ms) |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...figures.map(
      (f) =>
        `| ${f.page} (${f.mode}) | ${f.size.toLocaleString('en')} | ${fmt(f.p50)} / ${fmt(f.p95)} / ${fmt(f.p99)} | ` +
        `${f.page.startsWith('floor') || f.floor === 'none' ? '' : `${f.ratio.toFixed(0)}× ${f.floor}`} | ${fmt(f.cpuP50)} |`,
    ),
  ];
  return lines.join('\n');
}

/** One row per page, one column per size: p50 / p95 / p99, the p50 as a multiple of its floor, and the CPU p50. */
export function wideTable(figures: Figure[]): string {
  const fmt = (ms: number): string =>
    !Number.isFinite(ms) ? '—' : ms < 1 ? ms.toFixed(3) : ms < 10 ? ms.toFixed(2) : ms.toFixed(0);
  const sizes = [...new Set(figures.map((f) => f.size))].sort((a, b) => a - b);
  const rows = [...new Set(figures.map((f) => `${f.page} (${f.mode})`))];
  const lines = [
    `| Page | ${sizes.map((s) => `${s.toLocaleString('en')} answers: p50 / p95 / p99 ms (× floor; CPU p50)`).join(' | ')} |`,
    `| --- | ${sizes.map(() => '---:').join(' | ')} |`,
  ];
  for (const row of rows) {
    const cells = sizes.map((size) => {
      const f = figures.find((x) => `${x.page} (${x.mode})` === row && x.size === size);
      if (!f) return '—';
      const floor =
        f.page.startsWith('floor') || f.floor === 'none' ? '' : ` (×${f.ratio.toFixed(0)}; ${fmt(f.cpuP50)})`;
      return `${fmt(f.p50)} / ${fmt(f.p95)} / ${fmt(f.p99)}${floor}`;
    });
    lines.push(`| ${row} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  process.env['TZ'] = 'UTC';
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf('--json');
  const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
  const sizes = args.filter((a, i) => i !== jsonAt && i !== jsonAt + 1 && Number(a) > 0).map(Number);
  // --no-import: the pages only, for a quick before/after of a read or a save.
  const withImport = !args.includes('--no-import');
  // --no-browser: without browser mode (no build, no Chromium, or a quick run).
  const withBrowser = !args.includes('--no-browser');
  const figures = await runPages({
    sizes: sizes.length ? sizes : [10_000, 100_000],
    runs: 40,
    coldRuns: 5,
    importQuestions: withImport ? 10_000 : 0,
    browser: withBrowser,
  });
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} CPUs, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, Node ${process.version}`;
  console.log(`\n${table(figures)}\n\n${wideTable(figures)}\n\n${machine}`);
  if (jsonFile) fs.writeFileSync(jsonFile, `${JSON.stringify({ machine, figures }, null, 2)}\n`);
}
