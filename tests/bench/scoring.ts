/**
 * npm run bench (first part): the keyword scorer on huge answers.
 *
 * A pasted 1 MB answer with 100k keyword mentions must score and produce its highlights in well under
 * 100 ms; a 5 MB one (the answer that once kept the server at 100% CPU for minutes) must stay linear.
 * Prints the median wall and CPU time of each case, and a warning when a 1 MB case needs 100 ms of CPU or more
 * to score or to highlight (CPU, not wall: the machine that runs it may be shared).
 */
import { findKeywordSpans, scoreAnswer, type ScoringKeyword } from '../../src/main/core/scoring';

const KEYWORDS: ScoringKeyword[] = [
  { id: 1, label: 'row-level lock', aliases: ['select_for_update', 'FOR UPDATE', 'row lock'], weight: 3 },
  { id: 2, label: 'held until commit', aliases: ['transaction.atomic', 'until the transaction commits'], weight: 2 },
  { id: 3, label: 'check-then-act', aliases: ['read-modify-write', 'check then act'], weight: 3 },
  { id: 4, label: 'conditional UPDATE', aliases: ['F expression', 'atomic decrement'], weight: 3 },
  { id: 5, label: 'UniqueConstraint', aliases: ['database constraint', 'CheckConstraint'], weight: 2 },
  { id: 6, label: 'cache', aliases: ['caching'], weight: 1 },
  { id: 7, label: 'per-view cache', aliases: [], weight: 1 },
];
const PROMPT = 'Two users redeem the last unit of a limited coupon at the same moment. How do you fix the race?';

/** Prose with ~11 mentions per sentence: ~50k mentions in 1 MB. */
const SENTENCE =
  'We take a row-level lock with select_for_update, held until commit, so check-then-act cannot race; ' +
  'a conditional UPDATE with an F expression and a UniqueConstraint back it up, and the per-view cache and caching stay. ';

function build(bytes: number, sentence: string): string {
  return sentence.repeat(Math.ceil(bytes / sentence.length)).slice(0, bytes);
}

interface Case {
  label: string;
  text: string;
}

const CASES: Case[] = [
  { label: 'typical answer (300 words)', text: build(2_000, SENTENCE) },
  { label: '1 MB prose, ~50k mentions', text: build(1_000_000, SENTENCE) },
  { label: '1 MB, ~100k mentions', text: build(1_000_000, 'cache a row lock, caching. ') },
  { label: '1 MB, one sentence, no punctuation', text: build(1_000_000, SENTENCE.replace(/[.,;]/g, '')) },
  { label: '1 MB, one keyword word repeated', text: build(1_000_000, 'cache ') },
  { label: '5 MB, ~500k mentions', text: build(5_000_000, SENTENCE) },
];

/** Wall time and this thread's CPU time, in ms: on a shared machine the CPU time is the honest number. */
function time(fn: () => unknown): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const rows: Array<Record<string, string | number>> = [];
let failed = false;
for (const c of CASES) {
  const runs = c.text.length > 2_000_000 ? 3 : 9;
  time(() => scoreAnswer(c.text, KEYWORDS, { prompt: PROMPT }));
  const score: Array<{ wall: number; cpu: number }> = [];
  const spans: Array<{ wall: number; cpu: number }> = [];
  let result = 0;
  for (let i = 0; i < runs; i++) {
    score.push(time(() => (result = scoreAnswer(c.text, KEYWORDS, { prompt: PROMPT }).score)));
    spans.push(time(() => findKeywordSpans(c.text, KEYWORDS)));
  }
  const mentions = findKeywordSpans(c.text, KEYWORDS, { maxSpans: Infinity }).length;
  const sw = median(score.map((r) => r.wall));
  const sc = median(score.map((r) => r.cpu));
  const hw = median(spans.map((r) => r.wall));
  const hc = median(spans.map((r) => r.cpu));
  rows.push({
    case: c.label,
    chars: c.text.length,
    mentions,
    'scoreAnswer ms (wall / cpu)': `${sw.toFixed(1)} / ${sc.toFixed(1)}`,
    'findKeywordSpans ms (wall / cpu)': `${hw.toFixed(1)} / ${hc.toFixed(1)}`,
    score: +result.toFixed(2),
  });
  if (c.label.startsWith('1 MB') && (sc >= 100 || hc >= 100)) failed = true;
}
console.log('Keyword scorer (median of runs)');
console.table(rows);
if (failed) console.warn('Over budget: a 1 MB answer took 100 ms of CPU or more to score or to highlight.');
