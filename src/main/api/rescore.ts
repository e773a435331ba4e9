import type { RescoreResult, ScorerStatus } from '../../shared/session-types';
import { SCORER_VERSION, scoreAnswer, type ScoringKeyword } from '../core/scoring';
import * as store from '../store/rescore';
import type { ApiContext, Handlers } from './context';

const BATCH = 500;

/**
 * Re-scoring: the one place where recorded answers are rewritten (attempts are otherwise append-only).
 * Every written answer an older scorer scored is scored again by today's, against the keywords it was
 * asked (no keyword row is added or removed: what was asked stays asked), with each keyword's current
 * label, aliases and weight. Its keyword score, keyword hits, verdicts, credits and scorer version are
 * rewritten in one transaction, and the rollup triggers move the stats with them, so every chart
 * measures the whole history with one ruler.
 */
export function rescoreApi({ db }: ApiContext) {
  return {
    getScorerStatus: (): ScorerStatus => ({
      scorerVersion: SCORER_VERSION,
      olderAnswers: store.olderScoredCount(db, SCORER_VERSION),
    }),

    rescoreHistory: (): RescoreResult =>
      db.transaction((): RescoreResult => {
        const questions = store.scoringQuestions(db, SCORER_VERSION);
        const write = store.writeRescored(db);
        const orphans = new Map<number, { label: string; aliases: string[] }>();
        let rescored = 0;
        let changed = 0;
        for (let after = 0, batch = store.rescoreBatch(db, SCORER_VERSION, after, BATCH); batch.length > 0;) {
          const unknown = batch.flatMap((a) => {
            const linked = questions.get(a.questionId)?.keywords;
            return [...a.hits.keys()].filter((id) => !linked?.has(id) && !orphans.has(id));
          });
          for (const [id, k] of store.keywordsById(db, [...new Set(unknown)])) orphans.set(id, k);

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
            write({
              attemptId: a.id,
              keywordScore: scored.score,
              scoreChanged,
              scorerVersion: SCORER_VERSION,
              keywords: hits,
            });
            rescored++;
          }
          batch = store.rescoreBatch(db, SCORER_VERSION, batch[batch.length - 1]!.id, BATCH);
        }
        return { rescored, changed, scorerVersion: SCORER_VERSION };
      })(),
  } satisfies Partial<Handlers>;
}
