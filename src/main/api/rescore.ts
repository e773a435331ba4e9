import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToCalls } from 'node:timers/promises';
import { ApiError } from '../../shared/api';
import type { ScorerStatus } from '../../shared/session-types';
import { SCORER_VERSION, scoreAnswer, type ScoringKeyword } from '../core/scoring';
import type { Job } from '../jobs/registry';
import { startingProgress } from '../../shared/transfer';
import type { Db } from '../store/db';
import * as store from '../store/rescore';
import type { ApiContext, Handlers } from './context';

/**
 * Answers re-scored per transaction. Scoring one takes about half a millisecond on a slow machine, so a chunk holds
 * the thread (and the write lock) for some tens of milliseconds: a session's call waits at most that long.
 */
export const RESCORE_CHUNK = 100;

type Orphans = Map<number, { label: string; aliases: string[] }>;

/**
 * Re-scores the next `limit` waiting answers after `afterId`, in the caller's transaction. Returns how many were
 * re-scored and changed, and the last id (null when none was left).
 */
function rescoreChunk(
  db: Db,
  questions: Map<number, store.ScoringQuestion>,
  orphans: Orphans,
  afterId: number,
  limit: number,
): { rescored: number; changed: number; lastId: number | null } {
  const batch = store.rescoreBatch(db, SCORER_VERSION, afterId, limit);
  if (batch.length === 0) return { rescored: 0, changed: 0, lastId: null };
  const write = store.writeRescored(db);
  const unknown = batch.flatMap((a) => {
    const linked = questions.get(a.questionId)?.keywords;
    return [...a.hits.keys()].filter((id) => !linked?.has(id) && !orphans.has(id));
  });
  for (const [id, k] of store.keywordsById(db, [...new Set(unknown)])) orphans.set(id, k);

  let changed = 0;
  for (const a of batch) {
    const q = questions.get(a.questionId);
    // The question's own order first (the scorer breaks ties by it), then any keyword it no longer lists.
    const keywords: ScoringKeyword[] = [];
    for (const [id, k] of q?.keywords ?? []) if (a.hits.has(id)) keywords.push({ id, ...k });
    for (const id of a.hits.keys()) {
      const k = q?.keywords.has(id) ? undefined : orphans.get(id);
      if (k) keywords.push({ id, ...k, weight: 1 });
    }
    const scored = scoreAnswer(a.answer, keywords, { prompt: q?.prompt ?? '' });
    const hits = scored.hits.map((h) => ({
      keywordId: h.keywordId,
      hit: h.hit,
      hitChanged: h.hit !== a.hits.get(h.keywordId),
      verdict: h.verdict,
      credit: h.credit,
    }));
    const scoreChanged = a.keywordScore !== scored.score;
    if (scoreChanged || hits.some((h) => h.hitChanged)) changed++;
    write({ attemptId: a.id, keywordScore: scored.score, scoreChanged, scorerVersion: SCORER_VERSION, keywords: hits });
  }
  return { rescored: batch.length, changed, lastId: batch[batch.length - 1]!.id };
}

/**
 * Re-scoring: the one place where recorded answers are rewritten (attempts are otherwise append-only).
 * Every written answer an older scorer scored is scored again by today's, against the keywords it was
 * asked (no keyword row is added or removed: what was asked stays asked), with each keyword's current
 * label, aliases and weight. Its keyword score, keyword hits, verdicts, credits and scorer version are
 * rewritten together, and the rollup triggers move the stats with them, so every chart measures the
 * whole history with one ruler once it is done.
 *
 * It runs as a job on this thread, a chunk of answers per transaction with a yield between chunks: scoring
 * needs the main connection's writes, and short transactions let a running session's answers in between.
 * Each answer is re-scored whole or not at all, so a cancelled or failed run leaves a consistent store in
 * which getScorerStatus counts the answers still waiting, and the next run picks them up.
 */
export function rescoreApi({ db, jobs }: ApiContext, chunk = RESCORE_CHUNK) {
  let running: string | null = null;

  return {
    getScorerStatus: (): ScorerStatus => ({
      scorerVersion: SCORER_VERSION,
      olderAnswers: store.olderScoredCount(db, SCORER_VERSION),
    }),

    rescoreHistory: () => {
      if (running && jobs.progress(running)?.state === 'running') {
        throw new ApiError('conflict', 'The history is being re-scored already. Wait for it to finish.');
      }
      const jobId = randomUUID();
      const progress = startingProgress(jobId, '', {
        total: store.olderScoredCount(db, SCORER_VERSION),
        changed: 0,
      });
      let cancelled = false;
      const run = async (): Promise<void> => {
        const questions = store.scoringQuestions(db, SCORER_VERSION);
        const orphans: Orphans = new Map();
        const step = db.transaction((after: number) => rescoreChunk(db, questions, orphans, after, chunk));
        for (let after = 0; ;) {
          await yieldToCalls();
          if (cancelled) {
            progress.state = 'cancelled';
            return;
          }
          const result = step(after);
          if (result.lastId === null) break;
          progress.done += result.rescored;
          progress.changed! += result.changed;
          after = result.lastId;
        }
        // Answers an older scorer scored but that have no keywords to score (spoken, skipped) were counted too.
        progress.total = progress.done;
        progress.state = 'done';
      };
      const job: Job = {
        progress,
        download: null,
        cancel: () => (cancelled = true),
        settled: run().catch((error: unknown) => {
          progress.state = 'failed';
          progress.error = `${(error as Error).message.replace(/\.$/, '')}. The answers re-scored so far keep their new scores.`;
        }),
      };
      running = jobId;
      jobs.add(job);
      return { jobId };
    },
  } satisfies Partial<Handlers>;
}
