/**
 * npm run bench [-- 10000 100000 1000000]
 *
 * For each size: generates a seeded synthetic history into a temporary SQLite file (as Prepdeck
 * 0.1 would have stored it), upgrades it (migration 0002 builds the stats rollups from it), then
 * times every stats call through the same dispatch the app uses, and prints a table of median and
 * p95 per call and size, with a plain `SELECT count(*) FROM attempts` as the floor.
 *
 * Then, per size: the reveal of a question whose model answer is 1 MB (the first getSession computes its
 * highlights, later ones read them from the cache), and re-scoring the whole history (up to 100,000
 * answers: every answer the migration marked as scored by scorer 1). Last, the import parsers on
 * pathological lines and on large ordinary inputs (import-parsers.ts).
 */
// The synthetic history is laid out in local days; fix the zone so every run sees the same days.
process.env['TZ'] = 'UTC';

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createApi } from '../../src/main/api';
import { seededRandom } from '../../src/main/core/planning';
import type { ScorerStatus } from '../../src/shared/session-types';
import { dispatch } from '../../src/main/api/dispatch';
import { migrate, type Db } from '../../src/main/store/database';
import { generateHistory, openVersion1, type GeneratedHistory } from './generate';
import { benchImportParsers, benchLargeImports, importParsersTable, largeImportsTable } from './import-parsers';
import { latencyLine, runJobTimingCalls } from './job-latency';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [10_000, 100_000, 1_000_000];
const RUNS = 25;
/** Re-scoring is timed up to this size: a person's real history, with room to spare. */
const RESCORE_MAX = 100_000;
const WARMUP = 3;
/** No series handed to the renderer may be longer than this. */
const MAX_POINTS = 400;

interface Case {
  label: string;
  call: string;
  input: (h: GeneratedHistory) => unknown;
}

const CASES: Case[] = [
  { label: 'getLevelStats all', call: 'getLevelStats', input: () => ({ range: 'all' }) },
  { label: 'getLevelStats 90d, 1 level', call: 'getLevelStats', input: () => ({ range: '90d', levels: ['Advanced'] }) },
  { label: 'getKeywordStats all', call: 'getKeywordStats', input: () => ({ range: 'all' }) },
  { label: 'getKeywordStats 90d', call: 'getKeywordStats', input: () => ({ range: '90d' }) },
  { label: 'getKeywordStats 30d', call: 'getKeywordStats', input: () => ({ range: '30d' }) },
  { label: 'getKeywordStats 7d', call: 'getKeywordStats', input: () => ({ range: '7d' }) },
  {
    label: 'getKeywordStats all, 1 level',
    call: 'getKeywordStats',
    input: () => ({ range: 'all', levels: ['Advanced'] }),
  },
  {
    label: 'getKeywordStats 90d, 3 decks',
    call: 'getKeywordStats',
    input: (h) => ({ range: '90d', deckIds: [h.decks, h.decks - 1, 1].filter((d) => d > 0) }),
  },
  { label: 'getActivityStats all', call: 'getActivityStats', input: () => ({ range: 'all' }) },
  { label: 'getActivityStats 90d', call: 'getActivityStats', input: () => ({ range: '90d' }) },
  { label: 'getActivityStats 7d', call: 'getActivityStats', input: () => ({ range: '7d' }) },
  {
    label: 'getQuestionStats all, by last grade',
    call: 'getQuestionStats',
    input: () => ({ range: 'all', sort: 'lastGrade' }),
  },
  { label: 'getQuestionStats 90d', call: 'getQuestionStats', input: () => ({ range: '90d' }) },
  {
    label: 'getStatsAttempts keyword (most asked), all',
    call: 'getStatsAttempts',
    input: () => ({ range: 'all', keywordId: 1 }),
  },
  {
    label: 'getStatsAttempts level × keyword, 30d',
    call: 'getStatsAttempts',
    input: () => ({ range: '30d', keywordId: 1, level: 'Scenario' }),
  },
  {
    label: 'getStatsAttempts level, 7d',
    call: 'getStatsAttempts',
    input: () => ({ range: '7d', level: 'Advanced' }),
  },
  { label: 'getHomeStats', call: 'getHomeStats', input: () => undefined },
];

const FLOOR = 'SELECT count(*) FROM attempts (floor)';

function quantiles(times: number[]): { median: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
}

/** The longest array anywhere in a result: what the renderer would have to draw. */
function longestSeries(value: unknown): number {
  if (Array.isArray(value)) return Math.max(value.length, ...value.map(longestSeries));
  if (value && typeof value === 'object') return Math.max(0, ...Object.values(value).map(longestSeries));
  return 0;
}

async function time(fn: () => unknown): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return quantiles(times);
}

/**
 * A question with a 1 MB model answer (an imported article, say) in a one-question session, answered, then
 * revealed: the first getSession finds its highlights, the next ones read them from the cache.
 */
async function revealHugeAnswer(
  db: Db,
  api: ReturnType<typeof createApi>,
): Promise<{ chars: number; mentions: number; first: number; cached: { median: number; p95: number } }> {
  const labels = ['transaction.atomic', 'savepoint', 'rollback', 'row-level locking', 'select_for_update'];
  const filler = 'the request then reads a few rows and writes them back while other workers wait their turn'.split(
    ' ',
  );
  const rand = seededRandom(7);
  const words: string[] = [];
  let chars = 0;
  while (chars < 1_000_000) {
    const word =
      rand() < 0.02 ? labels[Math.floor(rand() * labels.length)]! : filler[Math.floor(rand() * filler.length)]!;
    words.push(word);
    chars += word.length + 1;
    if (rand() < 0.05) words.push('.\n\n');
  }
  const answer = words.join(' ');
  const deckId = (db.prepare('SELECT min(id) FROM decks').pluck().get() as number) ?? 1;
  const questionId = db.transaction(() => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO questions (deck_id, level, prompt, answer, position, created_at, updated_at)
           VALUES (?, 'Advanced', 'How do you keep two workers from writing the same row?', ?, 999, 0, 0)`,
        )
        .run(deckId, answer).lastInsertRowid,
    );
    labels.forEach((label, i) => {
      const keyword = Number(db.prepare('INSERT INTO keywords (label) VALUES (?)').run(`${label}`).lastInsertRowid);
      db.prepare('INSERT INTO question_keywords (question_id, keyword_id, weight, position) VALUES (?, ?, 1, ?)').run(
        id,
        keyword,
        i,
      );
    });
    return id;
  })();
  const must = async <T>(call: string, input: unknown): Promise<T> => {
    const r = await dispatch(api, call, input);
    if (!r.ok) throw new Error(`${call}: ${r.error.message}`);
    return r.value as T;
  };
  const started = await must<{ id: number }>('startSession', { questionIds: [questionId], count: 1, order: 'random' });
  // Submitting returns the reveal: the first view of the model answer, which finds its highlights.
  const firstStart = performance.now();
  const view = await must<{ revealed: { modelMentions: unknown[] } }>('submitAnswer', {
    sessionId: started.id,
    position: 0,
    answer: 'Wrap it in transaction.atomic and take row-level locking with select_for_update.',
    reason: 'answer',
  });
  const first = performance.now() - firstStart;
  const cached = await time(() => dispatch(api, 'getSession', { sessionId: started.id }));
  await must('endSession', { sessionId: started.id });
  return { chars: answer.length, mentions: view.revealed.modelMentions.length, first, cached };
}

const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
const results = new Map<string, Map<number, { median: number; p95: number; points: number }>>();
const notes: string[] = [];

for (const size of SIZES) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-bench-'));
  const file = path.join(dir, 'prepdeck.sqlite');
  try {
    const db = openVersion1(file);
    let start = performance.now();
    const history = generateHistory(db, size);
    const generated = performance.now() - start;
    start = performance.now();
    migrate(db);
    const migrated = performance.now() - start;
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();

    // Reopen as the app does (WAL, synchronous=FULL, default cache), and read as the app would.
    const app = new Database(file);
    app.pragma('journal_mode = WAL');
    app.pragma('synchronous = FULL');
    app.pragma('foreign_keys = ON');
    const api = createApi(app, { now: () => history.now });
    const mb = (fs.statSync(file).size / 1024 / 1024).toFixed(0);
    notes.push(
      `${size.toLocaleString('en')} attempts: ${history.decks} decks, ${history.questions.toLocaleString('en')} questions, ` +
        `${history.keywords.toLocaleString('en')} keywords, ${history.sessions.toLocaleString('en')} sessions, ` +
        `${history.keywordRows.toLocaleString('en')} keyword hits; generated in ${(generated / 1000).toFixed(1)} s, ` +
        `rollups built by migration 0002 in ${(migrated / 1000).toFixed(1)} s; file ${mb} MB`,
    );
    process.stderr.write(`${notes.at(-1)}\n`);

    const floorStatement = app.prepare('SELECT count(*) FROM attempts');
    const floor = await time(() => floorStatement.get());
    if (!results.has(FLOOR)) results.set(FLOOR, new Map());
    results.get(FLOOR)!.set(size, { ...floor, points: 1 });

    for (const c of CASES) {
      const input = c.input(history);
      const first = await dispatch(api, c.call, input);
      if (!first.ok) throw new Error(`${c.label}: ${first.error.message}`);
      const points = longestSeries(first.value);
      if (points > MAX_POINTS) throw new Error(`${c.label} returned a series of ${points} points`);
      const t = await time(() => dispatch(api, c.call, input));
      if (!results.has(c.label)) results.set(c.label, new Map());
      results.get(c.label)!.set(size, { ...t, points });
    }

    // The reveal of a 1 MB model answer: highlights computed on the first view, cached after.
    const reveal = await revealHugeAnswer(app, api);
    notes.push(
      `${size.toLocaleString('en')} attempts: reveal of a ${(reveal.chars / 1e6).toFixed(1)} MB model answer ` +
        `(${reveal.mentions} highlighted wordings): first ${reveal.first.toFixed(0)} ms, cached median ` +
        `${fmt(reveal.cached.median)} ms / p95 ${fmt(reveal.cached.p95)} ms`,
    );
    process.stderr.write(`${notes.at(-1)}\n`);

    // Re-scoring the history: every written answer was scored by scorer 1 (the migration says so). Twice:
    // answers that name the keywords they hit in a sentence (the scorer agrees: few scores change), then
    // the same answers emptied and marked old again (every hit becomes a miss: the triggers' worst case).
    if (size <= RESCORE_MAX) {
      app.exec(`UPDATE attempts SET answer = coalesce((
          SELECT 'I would use ' || group_concat(k.label, ' and ') || ' because each of them keeps the data consistent.'
            FROM attempt_keywords ak JOIN keywords k ON k.id = ak.keyword_id
           WHERE ak.attempt_id = attempts.id AND ak.hit = 1), 'I am not sure.')
        WHERE scorer_version IS NOT NULL`);
      const rescore = async (label: string): Promise<void> => {
        const statusResult = await dispatch(api, 'getScorerStatus', undefined);
        if (!statusResult.ok) throw new Error(`getScorerStatus: ${statusResult.error.message}`);
        const status = statusResult as { value: ScorerStatus };
        const sessionId = app.prepare('SELECT max(id) FROM sessions').pluck().get() as number;
        const run = await runJobTimingCalls(
          api,
          async () => {
            const started = await dispatch(api, 'rescoreHistory', undefined);
            if (!started.ok) throw new Error(`rescoreHistory: ${started.error.message}`);
            return started.value as { jobId: string };
          },
          sessionId,
        );
        notes.push(
          `${size.toLocaleString('en')} attempts: re-scoring ${run.end.done.toLocaleString('en')} ${label} ` +
            `(${status.value.olderAnswers.toLocaleString('en')} waiting, ${(run.end.changed ?? 0).toLocaleString('en')} changed) ` +
            `took ${run.seconds.toFixed(1)} s as a job, rollups included; ${latencyLine(run.latencies)}`,
        );
        process.stderr.write(`${notes.at(-1)}\n`);
      };
      await rescore('answers that name their keywords');
      app.exec(`UPDATE attempts SET answer = '', scorer_version = 1 WHERE scorer_version IS NOT NULL`);
      await rescore('emptied answers');
    }

    // A write that the rollup triggers pay for: deleting the deck with the most answers, once.
    const biggest = app
      .prepare('SELECT deck_id AS id, count(*) AS n FROM attempts GROUP BY deck_id ORDER BY n DESC LIMIT 1')
      .get() as { id: number; n: number };
    const deleteStart = performance.now();
    const deleted = await dispatch(api, 'deleteDeck', { id: biggest.id });
    if (!deleted.ok) throw new Error(`deleteDeck: ${deleted.error.message}`);
    notes.push(
      `${size.toLocaleString('en')} attempts: deleting the deck with the most answers ` +
        `(${biggest.n.toLocaleString('en')}) took ${(performance.now() - deleteStart).toFixed(0)} ms, rollups included`,
    );
    app.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const header = ['Call', ...SIZES.map((s) => `${s.toLocaleString('en')}: median / p95 (ms)`), 'Longest series'];
const lines = [`| ${header.join(' | ')} |`, `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`];
for (const [label, bySize] of results) {
  const cells = SIZES.map((s) => {
    const r = bySize.get(s);
    return r ? `${fmt(r.median)} / ${fmt(r.p95)}` : '—';
  });
  const points = Math.max(...[...bySize.values()].map((r) => r.points));
  lines.push(`| ${label} | ${cells.join(' | ')} | ${label === FLOOR ? '' : points} |`);
}
const slowest = Math.max(
  ...[...results].filter(([label]) => label !== FLOOR).flatMap(([, m]) => [...m.values()].map((r) => r.p95)),
);
console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}\n\n${lines.join('\n')}\n`);
console.log(
  `Slowest p95: ${fmt(slowest)} ms (${RUNS} runs after ${WARMUP} warm-up, Node ${process.version}, ${os.cpus().length} CPUs).`,
);

console.log(`\n${importParsersTable(benchImportParsers())}\n`);
console.log(`\n${largeImportsTable(benchLargeImports())}\n`);
