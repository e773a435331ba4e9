import { randomUUID } from 'node:crypto';
import { ApiError } from '../../shared/api';
import { importPreview } from '../core/import/prepare';
import { importStagingDir, importWorkerBeside, runImportCommit } from '../jobs/import-commit';
import type { ImportCommitEnd } from '../jobs/import-protocol';
import type { Job } from '../jobs/registry';
import { startingProgress } from '../../shared/transfer';
import { importPlanner, type ImportRequest } from './import-planner';
import type { ApiContext, FileFilter, Handlers } from './context';
import type { PickedFiles } from './picked-files';

const IMPORT_FILTERS: FileFilter[] = [
  { name: 'Question files', extensions: ['md', 'markdown', 'txt', 'json', 'csv', 'tsv', 'tab'] },
  { name: 'All files', extensions: ['*'] },
];

/** Reading, planning, previewing and committing an import. */
export function importsApi({ db, clock, jobs, exportWorker }: ApiContext, picked: PickedFiles) {
  const planner = importPlanner(db, (id) => picked.path(id));
  const worker = importWorkerBeside(exportWorker);
  const stagingDir = importStagingDir(db, { sweep: true });

  /** The commit as a job: read, parsed, planned and written off the thread that answers calls. */
  const start = (req: ImportRequest): { job: Job; end: Promise<ImportCommitEnd> } => {
    // The id is main's: the worker is handed the path (and a file no longer at hand is refused here, at once).
    const file = req.source.kind === 'picked' ? picked.path(req.source.id) : null;
    const progress = startingProgress(
      randomUUID(),
      file?.fileName ?? (req.source.kind === 'picked' ? '' : (req.source.fileName ?? '')),
      { imported: null },
    );
    const run = runImportCommit(db, { request: req, picked: file, now: clock.now() }, stagingDir, worker, (message) => {
      if (message.type === 'total') progress.total = message.total;
      else if (message.type === 'progress') progress.done = message.done;
    });
    const end = run.finished.then((last) => {
      if (last.type === 'done') {
        progress.done = progress.total;
        progress.imported = last.result;
        progress.state = 'done';
      } else if (last.type === 'cancelled') progress.state = 'cancelled';
      else {
        progress.state = 'failed';
        progress.error = last.message;
      }
      return last;
    });
    const job: Job = { progress, download: null, cancel: run.cancel, settled: end.then(() => undefined) };
    jobs.add(job);
    return { job, end };
  };

  return {
    handlers: {
      chooseImportFile: () => picked.pick('Import questions', IMPORT_FILTERS),

      previewImport: ({ offset, limit, ...req }) => importPreview(planner.prepare(req), offset, limit),

      startImport: (req) => ({ jobId: start(req).job.progress.jobId }),

      commitImport: async (req) => {
        const last = await start(req).end;
        if (last.type === 'done') return last.result;
        if (last.type === 'cancelled')
          throw new ApiError('conflict', 'The import was cancelled. Nothing was imported.');
        throw new ApiError(last.code, last.message);
      },
    } satisfies Partial<Handlers>,
  };
}
