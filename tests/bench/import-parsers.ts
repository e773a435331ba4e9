/**
 * The import parsers on pathological lines (tests/pathological-lines.ts): how long each parser takes on each
 * 1–12 MB input. The unit test only checks that they finish with a deck or a clear error; this says how fast.
 * Each took minutes (or overflowed the stack) before its pattern was made linear; now each is tens to hundreds of ms.
 */
import { parsersReading, PATHOLOGICAL_LINES } from '../pathological-lines';

const RUNS = 3;

export interface ParserTiming {
  line: string;
  parser: string;
  /** Best of RUNS, in ms. */
  best: number;
}

export function benchImportParsers(): ParserTiming[] {
  const out: ParserTiming[] = [];
  for (const [what, line, only] of PATHOLOGICAL_LINES) {
    for (const [parser, parse] of parsersReading(line, only)) {
      let best = Infinity;
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        parse();
        best = Math.min(best, performance.now() - start);
      }
      out.push({ line: what, parser, best });
    }
  }
  return out;
}

/** A Markdown table: one row per line, one column per parser, the slowest of all named below it. */
export function importParsersTable(timings: readonly ParserTiming[]): string {
  const parsers = [...new Set(timings.map((t) => t.parser))];
  const lines = [...new Set(timings.map((t) => t.line))];
  const header = ['Pathological line (best of 3, ms)', ...parsers];
  const rows = [`| ${header.join(' | ')} |`, `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`];
  for (const line of lines) {
    const cells = parsers.map((p) => {
      const t = timings.find((x) => x.line === line && x.parser === p);
      return t ? t.best.toFixed(0) : '—';
    });
    rows.push(`| ${line} | ${cells.join(' | ')} |`);
  }
  const slowest = timings.reduce((a, b) => (b.best > a.best ? b : a));
  rows.push('', `Slowest: ${slowest.parser} on ${slowest.line}, ${slowest.best.toFixed(0)} ms.`);
  return rows.join('\n');
}
