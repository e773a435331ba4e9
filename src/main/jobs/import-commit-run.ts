import Database from 'better-sqlite3';
import { ApiError } from '../../shared/api';
import { failureOf } from '../api/dispatch';
import { importPlanner } from '../api/import-planner';
import { countPlan } from '../core/import/plan';
import type { Db } from '../store/db';
import { startStaging } from '../store/import-staging';
import type { ImportCommitMessage, ImportCommitTask, ImportStageEnd } from './import-protocol';

/** How the staging side looks at the person's Cancel, and (end-to-end tests) waits between chunks. */
export interface CommitControl {
  cancelled(): boolean;
  pause?(): void;
}

/**
 * Reads, parses and plans an import on `store` (reads only), then stages it in `task.stageFile`, a chunk of
 * questions at a time, saying how far it is and looking at Cancel between chunks. Nothing here writes the store:
 * cancelled or failed, the staging file is simply removed by whoever made it.
 */
export function stageImportOn(
  store: Db,
  task: Pick<ImportCommitTask, 'request' | 'picked' | 'stageFile' | 'chunkSteps'>,
  say: (message: ImportCommitMessage) => void,
  control: CommitControl,
): ImportStageEnd {
  try {
    const planner = importPlanner(store, () => {
      if (!task.picked) throw new ApiError('not_found', 'That file is no longer at hand: choose it again.');
      return task.picked;
    });
    const plan = planner.prepare(task.request);
    const destination = planner.destination(plan);
    const counts = countPlan(plan.steps);
    const deckName = plan.target.name;
    if (plan.target.deck && counts.create + counts.update === 0) {
      const result = { deckId: plan.target.deck.id, deckName, created: 0, updated: 0, skipped: counts.skip };
      return { type: 'done', result };
    }
    say({ type: 'total', total: plan.steps.length });
    const stage = new Database(task.stageFile);
    try {
      // A scratch file: nothing to recover should the machine stop (an unfinished import starts again).
      stage.pragma('journal_mode = OFF');
      stage.pragma('synchronous = OFF');
      const staging = startStaging(stage, store, { destination, deckName, counts });
      for (let at = 0; at < plan.steps.length; at += task.chunkSteps) {
        if (at > 0) control.pause?.();
        if (control.cancelled()) return { type: 'cancelled' };
        staging.write(plan.steps.slice(at, at + task.chunkSteps));
        say({ type: 'progress', done: Math.min(plan.steps.length, at + task.chunkSteps) });
      }
      if (control.cancelled()) return { type: 'cancelled' };
      staging.finish();
      return { type: 'staged' };
    } finally {
      stage.close();
    }
  } catch (error) {
    return { type: 'failed', ...failureOf(error) };
  }
}
