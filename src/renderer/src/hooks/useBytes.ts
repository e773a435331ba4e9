import { useCallback, useState } from 'react';
import { api, uploadFile } from '../api';

const POLL_MS = 250;
/** A download the browser has not started after this many polls (blocked, or saved elsewhere) is not followed. */
const WAIT_POLLS = 120;

export interface BytesMoving {
  /** What is happening, in words: "Downloading prepdeck-….sqlite". */
  label: string;
  done: number;
  total: number;
}

/**
 * Browser mode's files on the move, in bytes, for <Progress unit="bytes">: an upload as the browser sends it, and a
 * streamed download as the server sends it (the job behind `/download/<jobId>` counts the bytes out).
 */
export function useBytes() {
  const [moving, setMoving] = useState<BytesMoving | null>(null);

  const upload = useCallback(async (file: File): Promise<string> => {
    const label = `Uploading ${file.name}`;
    setMoving({ label, done: 0, total: file.size });
    try {
      return await uploadFile(file, (done, total) => setMoving({ label, done, total }));
    } finally {
      setMoving(null);
    }
  }, []);

  const follow = useCallback(async (fileName: string, address: string): Promise<void> => {
    const jobId = /^\/download\/([0-9a-f-]{36})$/.exec(address)?.[1];
    if (!jobId) return;
    const label = `Downloading ${fileName}`;
    try {
      for (let polls = 0; ; polls++) {
        const job = await api.getJob({ jobId });
        if (job.size === null || job.sent >= job.size || (job.sent === 0 && polls > WAIT_POLLS)) return;
        setMoving({ label, done: job.sent, total: job.size });
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    } catch {
      // The job is gone (Prepdeck restarted): the browser's own download list still shows the file.
    } finally {
      setMoving(null);
    }
  }, []);

  return { moving, upload, follow };
}
