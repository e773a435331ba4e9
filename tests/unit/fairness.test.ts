import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeckMarkdown } from '../../src/main/core/deck-markdown';
import { scoreAnswer, type ScoringKeyword } from '../../src/main/core/scoring';
import type { ParsedQuestion } from '../../src/shared/domain';

/**
 * Does the scorer reward understanding over name-dropping? Measured on answers to every question of the
 * bundled Django deck written by people who never saw the scorer or the keywords
 * (tests/fixtures/fairness-corpus.json): a strong answer, a name-drop, a wrong answer and an off-topic one.
 * The deck is read with the app's own parser; its keywords are the ruler. When a threshold fails, the
 * per-question numbers are printed so the failure says which question and which answer.
 */

interface CorpusEntry {
  id: string;
  level: string;
  prompt: string;
  strong: string;
  nameDrop: string;
  wrong: string;
  offTopic: string;
}

const ROOT = path.resolve(__dirname, '../..');
const corpus = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'tests/fixtures/fairness-corpus.json'), 'utf8'),
) as CorpusEntry[];
const deck = parseDeckMarkdown(fs.readFileSync(path.join(ROOT, 'resources/decks/django.md'), 'utf8'));
const byKey = new Map(deck.questions.map((q) => [q.key, q]));

function keywordsOf(q: ParsedQuestion): ScoringKeyword[] {
  return q.keywords.map((k, i) => ({ id: i + 1, label: k.label, aliases: k.aliases, weight: k.weight }));
}

const allLabels = deck.questions.flatMap((q) => q.keywords.map((k) => k.label)).join(', ');

interface Row {
  id: string;
  strong: number;
  nameDrop: number;
  wrong: number;
  offTopic: number;
  prompt: number;
  labels: number;
  deckLabels: number;
}

const pct = (n: number): number => Math.round(n * 100);
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

const rows: Row[] = [];
const missing: string[] = [];
for (const entry of corpus) {
  const q = byKey.get(entry.id);
  if (!q) {
    missing.push(entry.id);
    continue;
  }
  const keywords = keywordsOf(q);
  const score = (answer: string): number => scoreAnswer(answer, keywords, { prompt: q.prompt }).score;
  rows.push({
    id: entry.id,
    strong: score(entry.strong),
    nameDrop: score(entry.nameDrop),
    wrong: score(entry.wrong),
    offTopic: score(entry.offTopic),
    prompt: score(q.prompt),
    labels: score(q.keywords.map((k) => k.label).join(', ')),
    deckLabels: score(allLabels),
  });
}

/** The table of every question's scores (in %), printed when an assertion about them fails. */
function report(title: string, filter: (r: Row) => boolean = () => true): string {
  const shown = rows.filter(filter).map((r) => ({
    id: r.id,
    strong: pct(r.strong),
    nameDrop: pct(r.nameDrop),
    wrong: pct(r.wrong),
    offTopic: pct(r.offTopic),
    prompt: pct(r.prompt),
    labels: pct(r.labels),
    deckLabels: pct(r.deckLabels),
  }));
  console.log(title);
  console.table(shown);
  return `${title}: ${shown.map((r) => r.id).join(', ')}`;
}

function expectAll(title: string, bad: (r: Row) => boolean): void {
  const failing = rows.filter(bad);
  if (failing.length > 0) report(title, bad);
  expect(
    failing.map((r) => r.id),
    title,
  ).toEqual([]);
}

function expectMean(title: string, pick: (r: Row) => number, ok: (m: number) => boolean): void {
  const m = mean(rows.map(pick));
  if (!ok(m)) report(`${title} (mean ${pct(m)}%)`);
  expect(ok(m), `${title}: mean ${pct(m)}%`).toBe(true);
}

describe('fairness of the scorer on the bundled Django deck', () => {
  it('has a corpus entry for every question of the deck, and a deck question for every entry', () => {
    expect(missing, 'corpus ids with no question in resources/decks/django.md').toEqual([]);
    expect(deck.questions.filter((q) => !corpus.some((e) => e.id === q.key)).map((q) => q.key)).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(50);
  });

  it('strong answers average at least 80%, none below 50%', () => {
    expectMean(
      'strong answers',
      (r) => r.strong,
      (m) => m >= 0.8,
    );
    expectAll('strong answers below 50%', (r) => r.strong < 0.5);
  });

  it('name-drop answers average at most 40%', () => {
    expectMean(
      'name-drop answers',
      (r) => r.nameDrop,
      (m) => m <= 0.4,
    );
  });

  it('off-topic answers score at most 10%', () => {
    expectAll('off-topic answers above 10%', (r) => r.offTopic > 0.1);
  });

  it('a strong answer beats the name-drop answer to the same question', () => {
    expectAll('strong not above name-drop', (r) => r.strong <= r.nameDrop);
  });

  it('the prompt alone scores at most 10%', () => {
    expectAll('prompt alone above 10%', (r) => r.prompt > 0.1);
  });

  it("the question's own keyword labels, joined by commas, score at most 40%", () => {
    expectAll('labels list above 40%', (r) => r.labels > 0.4);
  });

  it('every label of the deck pasted as one answer scores at most 40% on each question', () => {
    expectAll('deck labels above 40%', (r) => r.deckLabels > 0.4);
  });

  it('prints the summary when FAIRNESS_REPORT is set', () => {
    if (!process.env['FAIRNESS_REPORT']) return;
    report('all questions');
    const cols = ['strong', 'nameDrop', 'wrong', 'offTopic', 'prompt', 'labels', 'deckLabels'] as const;
    console.table(
      cols.map((c) => {
        const xs = rows.map((r) => r[c]);
        return { answers: c, mean: pct(mean(xs)), min: pct(Math.min(...xs)), max: pct(Math.max(...xs)) };
      }),
    );
  });

  it('wrong answers score below strong answers on average', () => {
    expect(mean(rows.map((r) => r.wrong))).toBeLessThan(mean(rows.map((r) => r.strong)));
  });
});
