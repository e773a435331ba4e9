import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { startingProgress, type JobStage } from '../../shared/transfer';
import { runRestore } from '../jobs/restore-check';
import type { RestoreStage } from '../jobs/restore-steps';
import type { ApiContext } from './context';
import { failureReason } from './file-output';

/** What a restore's stages are called on screen, how each is counted, and where Cancel stops being offered. */
const RESTORE_STAGES: Record<RestoreStage, JobStage> = {
  reading: { label: 'Reading the backup', unit: 'bytes', cancellable: true },
  checking: { label: 'Checking the backup', unit: null, cancellable: true },
  'backing-up': { label: 'Backing up your current data', unit: 'bytes', cancellable: true },
  'checking-backup': { label: 'Checking the backup of your current data', unit: null, cancellable: true },
  replacing: { label: 'Replacing your data', unit: 'rows', cancellable: true },
  finishing: { label: 'Finishing (it can no longer be cancelled)', unit: null, cancellable: false },
};

/** Why a write is refused while a restore runs (see WriteGate). */
export const RESTORING =
  'A restore is running: it replaces all your data when it ends, so nothing can be changed until then. ' +
  'Wait for it to finish (its progress is under Decks → Backups), then try again.';

/**
 * A restore of `file` as a job (getJob, cancelJob): its stage, done of total and, once done, what the data holds and
 * the name of the backup of what it replaced. `ended` runs once it is over, whatever the outcome, told whether the
 * data was replaced.
 */
export function restoreJob(
  { db, jobs, restoreCheckWorker }: Pick<ApiContext, 'db' | 'jobs' | 'restoreCheckWorker'>,
  { file, work, replaced }: { file: string; work: string; replaced: string },
  ended: (replaced: boolean) => void,
): { jobId: string } {
  const jobId = randomUUID();
  const progress = startingProgress(jobId, path.basename(file), { stage: RESTORE_STAGES.reading });
  // The worker says "finishing" once the swap has committed: from then on the data is the backup's, whatever happens.
  let replacedData = false;
  const run = runRestore(db, { source: file, workDir: work, replacedFile: replaced }, restoreCheckWorker, (m) => {
    if (m.stage === 'finishing') replacedData = true;
    progress.stage = RESTORE_STAGES[m.stage];
    progress.done = m.done;
    progress.total = m.total;
  });
  const settled = run.finished
    .then((end) => {
      if (end.type === 'done') {
        progress.restored = { restored: end.restored, replacedBackup: path.basename(replaced) };
        progress.state = 'done';
      } else if (end.type === 'cancelled') {
        progress.state = 'cancelled';
      } else {
        progress.state = 'failed';
        progress.error =
          end.type === 'refused'
            ? `${end.message} Nothing was changed.`
            : replacedData
              ? `Your data was replaced by the backup, but the restore could not finish: ${failureReason(end.code, end.message)}. ` +
                `Your previous data is kept as ${path.basename(replaced)} (Decks → Backups).`
              : `The restore failed: ${failureReason(end.code, end.message)}. Nothing was changed.`;
      }
    })
    .finally(() => ended(progress.state === 'done' || replacedData));
  jobs.add({
    progress,
    download: null,
    // Past the commit there is nothing left to cancel: the worker no longer looks at the flag.
    cancel: () => (progress.stage?.cancellable === false ? undefined : run.cancel()),
    settled,
  });
  return { jobId };
}
