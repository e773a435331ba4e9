/**
 * The import parsers on pathological lines (tests/pathological-lines.ts): how long each parser takes on each
 * 1–12 MB input. The unit test only checks that they finish with a deck or a clear error; this says how fast.
 * Each took minutes (or overflowed the stack) before its pattern was made linear; now each is tens to hundreds of ms.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedDeck } from '../../src/shared/domain';
import { writeDeckCsv } from '../../src/main/core/export/deck-csv';
import { parseArticle } from '../../src/main/core/import/article';
import { parseImport } from '../../src/main/core/import';
import { writeDeckJson } from '../../src/main/core/export/deck-json';
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

/**
 * Large ordinary inputs, timed here rather than in the unit tests (which check only what they parse): a 2 MB article
 * made of the Django fixture with pathological lines at its end, and decks of 10,000 questions as CSV and JSON.
 */
export function benchLargeImports(): Array<{ input: string; mb: number; questions: number; best: number }> {
  const base = fs.readFileSync(path.resolve('tests/fixtures/articles/django-emoji.txt'), 'utf8');
  const parts: string[] = [];
  for (let size = 0; size < 2 * 1024 * 1024; size += base.length) parts.push(base);
  parts.push(`\n## Beginner\n1. What is ${'*'.repeat(100_000)}?\n${'- '.repeat(100_000)}\n${' - A'.repeat(50_000)}\n`);
  const article = parts.join('\n');
  const sample = parseArticle(base);
  const big: ParsedDeck = {
    ...sample,
    questions: Array.from({ length: 10_000 }, (_, i) => ({
      ...sample.questions[i % sample.questions.length]!,
      prompt: `Q${i}: ${sample.questions[i % sample.questions.length]!.prompt}`,
      key: null,
    })),
  };
  const csv = writeDeckCsv(big);
  const json = writeDeckJson(big);
  const inputs: Array<[string, string, () => ParsedDeck]> = [
    ['article, 2 MB', article, () => parseArticle(article)],
    ['CSV, 10,000 questions', csv, () => parseImport({ text: csv, format: 'csv' }).deck],
    ['JSON, 10,000 questions', json, () => parseImport({ text: json, format: 'json' }).deck],
  ];
  return inputs.map(([input, text, parse]) => {
    let best = Infinity;
    let questions = 0;
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      questions = parse().questions.length;
      best = Math.min(best, performance.now() - start);
    }
    return { input, mb: text.length / 1024 / 1024, questions, best };
  });
}

export function largeImportsTable(timings: ReturnType<typeof benchLargeImports>): string {
  const rows = ['| Large input (best of 3) | MB | Questions | ms |', '| --- | ---: | ---: | ---: |'];
  for (const t of timings) rows.push(`| ${t.input} | ${t.mb.toFixed(1)} | ${t.questions} | ${t.best.toFixed(0)} |`);
  return rows.join('\n');
}
