import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../shared/api';
import { localDateTime } from '../../shared/spreadsheet';
import type { ExportSource } from '../jobs/export-protocol';
import { runExport } from '../jobs/history-export';
import type { Job } from '../jobs/registry';
import { startingProgress } from '../../shared/transfer';
import type { ApiContext, Handlers } from './context';
import { writeFailure, type OutgoingFile } from './file-output';

const unknownJob = (): never => {
  throw new ApiError('not_found', 'That job is no longer known (Prepdeck may have restarted). Start it again.');
};

/**
 * An export as a job: the desktop app asks where to save it first (null when the person cancels the dialog), and
 * the file is written off the answering thread, a chunk at a time, never held whole; browser mode downloads it when
 * done. The job's id, to poll.
 */
export async function startExportJob(
  { db, dialogs, jobs, exportWorker }: ApiContext,
  file: OutgoingFile,
  source: ExportSource,
): Promise<{ jobId: string } | null> {
  const jobId = randomUUID();
  let target: string | null = null;
  if (dialogs) {
    target = await dialogs.saveFile({
      title: `Save ${file.label}`,
      defaultName: file.fileName,
      filters: [{ name: file.label, extensions: file.extensions }],
    });
    if (target === null) return null;
  }
  // The desktop app writes next to the chosen file and renames it when complete: a cancelled or failed export
  // leaves nothing behind, and never a half-written file under the chosen name.
  const temp = target
    ? path.join(path.dirname(target), `.${path.basename(target)}.${jobId}.part`)
    : path.join(os.tmpdir(), `prepdeck-export-${jobId}.${file.extensions[0] ?? 'txt'}`);
  const progress = startingProgress(jobId, target ? path.basename(target) : file.fileName);
  const run = runExport(db, source, temp, exportWorker, (message) => {
    if (message.type === 'total') progress.total = message.total;
    else if (message.type === 'progress') progress.done = message.done;
  });
  const job: Job = { progress, download: null, cancel: run.cancel, settled: Promise.resolve() };
  job.settled = run.finished.then((end) => {
    if (end.type === 'done') {
      progress.done = end.done;
      if (target) {
        try {
          fs.renameSync(temp, target);
          progress.path = target;
        } catch (error) {
          fs.rmSync(temp, { force: true });
          const e = error as NodeJS.ErrnoException;
          progress.state = 'failed';
          progress.error = writeFailure(target, e.code, e.message);
          return;
        }
      } else {
        job.download = { file: temp, fileName: file.fileName, mimeType: `${file.mimeType}; charset=utf-8` };
        progress.size = end.bytes;
        progress.download = `/download/${jobId}`;
      }
      progress.state = 'done';
    } else if (end.type === 'cancelled') progress.state = 'cancelled';
    else {
      progress.state = 'failed';
      // The deck went (deleted while the export started): that, in words, not a write failure.
      progress.error =
        end.code === 'not_found' ? end.message : writeFailure(target ?? file.fileName, end.code, end.message);
    }
  });
  jobs.add(job);
  return { jobId };
}

/** Long work as jobs: started, polled, cancelled. The file is written in chunks, never held whole. */
export function exportJobsApi(context: ApiContext) {
  const { clock, jobs } = context;
  return {
    startHistoryExport: () =>
      startExportJob(
        context,
        {
          fileName: `prepdeck-history-${localDateTime(clock.now()).slice(0, 10)}.csv`,
          mimeType: 'text/csv',
          label: 'answer history (CSV)',
          extensions: ['csv'],
        },
        { kind: 'history' },
      ),

    getJob: ({ jobId }) => jobs.progress(jobId) ?? unknownJob(),

    cancelJob: async ({ jobId }) => (await jobs.cancel(jobId)) ?? unknownJob(),
  } satisfies Partial<Handlers>;
}
