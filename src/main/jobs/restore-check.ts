import { Worker } from 'node:worker_threads';
import { BackupFileError, prepareRestore } from '../store/backup';
import type { WorkerSpec } from './history-export';

/** What the restore-check worker is given, and what it answers (both sides import these types). */
export interface RestoreCheckTask {
  source: string;
  workDir: string;
}

export type RestoreCheckMessage =
  | { type: 'ready'; candidate: string }
  | { type: 'refused'; message: string }
  | { type: 'failed'; code: string; message: string };

/**
 * prepareRestore in a worker when there is one (the built app), here otherwise (tests): the checked, migrated copy
 * of `source` in `workDir`, or the same BackupFileError prepareRestore throws.
 */
export async function checkRestore(source: string, workDir: string, worker: WorkerSpec | undefined): Promise<string> {
  if (!worker) return prepareRestore(source, workDir);
  const task: RestoreCheckTask = { source, workDir };
  const answer = await new Promise<RestoreCheckMessage>((resolve) => {
    const thread = new Worker(worker.file, { workerData: task, execArgv: worker.execArgv });
    let message: RestoreCheckMessage | null = null;
    thread.on('message', (m: RestoreCheckMessage) => (message = m));
    thread.on('error', (error) => (message ??= { type: 'failed', code: '', message: error.message }));
    thread.on('exit', () =>
      resolve(message ?? { type: 'failed', code: '', message: 'the check stopped unexpectedly' }),
    );
  });
  if (answer.type === 'ready') return answer.candidate;
  if (answer.type === 'refused') throw new BackupFileError(answer.message);
  throw Object.assign(new Error(answer.message), { code: answer.code || undefined });
}
