import { ApiError } from '../../shared/api';
import { failureOf } from '../api/dispatch';
import { importPlanner } from '../api/import-planner';
import { countPlan } from '../core/import/plan';
import type { Db } from '../store/db';
import { deckById, deckByName } from '../store/decks';
import { startImportWrite, type ImportDestination } from '../store/transfer';
import type { ImportCommitEnd, ImportCommitMessage, ImportCommitTask } from './import-protocol';

/** How the running side looks at the person's Cancel, and (end-to-end tests) waits between chunks. */
export interface CommitControl {
  cancelled(): boolean;
  pause?(): void;
}

/** Between the plan and the write, main may have taken the name or deleted the deck: the write checks again. */
function checkDestination(db: Db, where: ImportDestination): void {
  if (where.kind === 'new' && deckByName(db, where.name)) {
    throw new ApiError(
      'conflict',
      `There is already a deck called “${where.name}”. Import into it, or give the new deck another name.`,
    );
  }
  if (where.kind === 'existing' && !deckById(db, where.deck.id)) {
    throw new ApiError('not_found', `Deck ${where.deck.id} does not exist (it may have been deleted).`);
  }
}

/**
 * Commits an import on `db`, synchronously: reads, parses and plans it (no lock held), then writes it in one
 * transaction, a chunk of questions at a time, saying how far it is and looking at Cancel between chunks. Cancelled
 * or failed, the transaction is rolled back: nothing of the import is left. A crash mid-way leaves nothing either
 * (SQLite never commits a transaction that was not committed).
 */
export function commitImportOn(
  db: Db,
  task: Pick<ImportCommitTask, 'request' | 'picked' | 'now' | 'chunkSteps'>,
  say: (message: ImportCommitMessage) => void,
  control: CommitControl,
): ImportCommitEnd {
  try {
    const planner = importPlanner(db, () => {
      if (!task.picked) throw new ApiError('not_found', 'That file is no longer at hand: choose it again.');
      return task.picked;
    });
    const plan = planner.prepare(task.request);
    const where = planner.destination(plan);
    const counts = countPlan(plan.steps);
    const deckName = plan.target.name;
    if (plan.target.deck && counts.create + counts.update === 0) {
      return {
        type: 'done',
        result: { deckId: plan.target.deck.id, deckName, created: 0, updated: 0, skipped: counts.skip },
      };
    }
    say({ type: 'total', total: plan.steps.length });
    db.exec('BEGIN IMMEDIATE');
    try {
      checkDestination(db, where);
      const writer = startImportWrite(db, where, task.now);
      for (let at = 0; at < plan.steps.length; at += task.chunkSteps) {
        // End-to-end tests wait between chunks, holding the transaction, as a slow disk would.
        if (at > 0) control.pause?.();
        if (control.cancelled()) return { type: 'cancelled' };
        writer.write(plan.steps.slice(at, at + task.chunkSteps));
        say({ type: 'progress', done: Math.min(plan.steps.length, at + task.chunkSteps) });
      }
      const result = writer.finish();
      db.exec('COMMIT');
      return { type: 'done', result: { ...result, deckName } };
    } finally {
      if (db.inTransaction) db.exec('ROLLBACK');
    }
  } catch (error) {
    return { type: 'failed', ...failureOf(error) };
  }
}
