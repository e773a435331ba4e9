import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { stageImportOn } from './import-commit-run';
import type { ImportCommitMessage, ImportCommitTask } from './import-protocol';
import { cancelReader } from './worker-run';

/** The request as main made it: its source's text back from the buffer it was handed over in. */
function restored(task: ImportCommitTask): ImportCommitTask {
  if (!task.payload) return task;
  const text = new TextDecoder().decode(task.payload);
  const source = task.request.source;
  if (source.kind === 'text') return { ...task, request: { ...task.request, source: { ...source, text } } };
  if (source.kind === 'bytes') return { ...task, request: { ...task.request, source: { ...source, base64: text } } };
  return task;
}

/**
 * An import's heavy part, off the thread that answers the app's calls: reading, parsing and planning a file of up
 * to 20 MB, and staging its rows in a file of their own (see import-commit-run.ts). The store is only read here.
 */
function run(given: ImportCommitTask, say: (message: ImportCommitMessage) => void): void {
  const task = restored(given);
  const flag = cancelReader(task.cancel, task.pauseMs);
  const store = new Database(task.dbFile, { readonly: true, fileMustExist: true });
  try {
    store.pragma('busy_timeout = 5000');
    const end = stageImportOn(store, task, say, {
      cancelled: flag.cancelled,
      pause: task.pauseMs ? flag.pause : undefined,
    });
    say(end);
  } finally {
    store.close();
  }
}

if (parentPort) {
  const port = parentPort;
  run(workerData as ImportCommitTask, (message) => port.postMessage(message));
}
