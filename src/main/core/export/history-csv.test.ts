import { describe, expect, it } from 'vitest';
import { historyCsvChunks, historyCsvHead, historyCsvRows, type HistoryRow } from './history-csv';

const row = (answer: string, i: number): HistoryRow => ({
  answeredAt: Date.UTC(2026, 2, 1, 9, i),
  sessionId: 1,
  deckName: 'Django',
  prompt: `Question ${i}?`,
  level: 'Beginner',
  outcome: 'answered',
  mode: 'write',
  timeAllowedMs: 120_000,
  timeUsedMs: 30_000,
  selfGrade: null,
  keywordScore: 0.5,
  named: ['ORM'],
  missed: [],
  answer,
});

describe('the history CSV in chunks', () => {
  it('cuts by rows, or sooner by the length of the text, and the chunks make the whole file', () => {
    const rows = [row('short', 1), row('x'.repeat(600), 2), row('y'.repeat(600), 3), row('short', 4), row('z', 5)];
    const chunks = [...historyCsvChunks(rows, 10, 1000)];
    expect(chunks.map((c) => c.rows)).toEqual([0, 3, 2]);
    expect(chunks.map((c) => c.text).join('')).toBe(historyCsvHead() + historyCsvRows(rows));
    expect([...historyCsvChunks(rows, 2)].map((c) => c.rows)).toEqual([0, 2, 2, 1]);
  });
});
