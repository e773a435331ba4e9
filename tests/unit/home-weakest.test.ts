import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { statsWindow } from '../../src/main/core/stats-windows';
import { migrate } from '../../src/main/store/database';
import { weakestAllTime } from '../../src/main/store/stats';
import { keywordStats } from '../../src/main/store/stats';
import { generateHistory, openVersion1 } from '../bench/generate';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-weakest-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("Home's weakest keywords", () => {
  it('are the ones Stats ranks weakest over all time, with the same figures and trends', () => {
    const db = openVersion1(path.join(dir, 'store.sqlite'));
    const history = generateHistory(db, 4000, 7);
    migrate(db);
    const day = Math.floor(history.now / 86_400_000);
    const buckets = statsWindow('all', day).trendBuckets;
    for (const limit of [1, 3, 10]) {
      const stats = keywordStats(db, {}, buckets, { list: 0, weakest: limit, heatmap: 0 }).weakest;
      expect(stats.length, `limit ${limit}`).toBeGreaterThan(0);
      expect(weakestAllTime(db, buckets, limit), `limit ${limit}`).toEqual(stats);
    }
    // Named every time it was asked: not weak, so it leaves the list rather than filling it.
    const first = weakestAllTime(db, buckets, 1)[0]!;
    db.prepare('UPDATE stats_keyword_totals SET hits = asked WHERE keyword_id = ?').run(first.keywordId);
    expect(weakestAllTime(db, buckets, 1).map((k) => k.keywordId)).not.toContain(first.keywordId);
    expect(weakestAllTime(db, buckets, 1)).toEqual(keywordStats(db, {}, buckets, { weakest: 1, list: 0 }).weakest);
    db.close();
  });
});
