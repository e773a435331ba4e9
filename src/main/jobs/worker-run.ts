import type { Worker } from 'node:worker_threads';

/**
 * A job's Cancel as the worker sees it: a flag in shared memory it reads between chunks (and waits on while paused,
 * so that a cancel wakes it at once).
 */
export function cancelFlag(): { buffer: SharedArrayBuffer; cancel(): void } {
  const buffer = new SharedArrayBuffer(4);
  const flag = new Int32Array(buffer);
  return {
    buffer,
    cancel: () => {
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    },
  };
}

/**
 * The worker's side of cancelFlag: whether Cancel was pressed, and the pause a test asks for between chunks (a cancel
 * ends it at once, since the canceller notifies).
 */
export function cancelReader(buffer: SharedArrayBuffer, pauseMs?: number): { cancelled(): boolean; pause(): void } {
  const flag = new Int32Array(buffer);
  return {
    cancelled: () => Atomics.load(flag, 0) === 1,
    pause: () => void (pauseMs && Atomics.wait(flag, 0, 0, pauseMs)),
  };
}

/** A job's end when its worker stopped: the error that stopped it, or, without one, that `what` stopped. */
export function stoppedFailure(
  what: string,
): (error: Error | null) => { type: 'failed'; code: string; message: string } {
  return (error) => ({
    type: 'failed',
    code: (error as NodeJS.ErrnoException | null)?.code ?? '',
    message: error?.message ?? `${what} stopped unexpectedly`,
  });
}

/**
 * The last word of a job's worker, once it has exited: its own end message, or `failure` of the error that stopped it
 * (null when it exited without a word). Every other message is progress, handed to `onProgress` as it comes.
 */
export function workerEnd<Message extends { type: string }, End extends Message>(
  worker: Worker,
  isEnd: (message: Message) => message is End,
  onProgress: (message: Exclude<Message, End>) => void,
  failure: (error: Error | null) => End,
): Promise<End> {
  return new Promise((resolve) => {
    let last: End | null = null;
    worker.on('message', (message: Message) => {
      if (isEnd(message)) last = message;
      else onProgress(message as Exclude<Message, End>);
    });
    worker.on('error', (error: Error) => {
      last ??= failure(error);
    });
    worker.on('exit', () => resolve(last ?? failure(null)));
  });
}
