import fs from 'node:fs';
import { startingProgress, type JobProgress } from '../../shared/transfer';

/** A job's finished file, for browser mode's download. */
export interface Download {
  file: string;
  fileName: string;
  mimeType: string;
  /** A file that stays where it is once sent (a backup); others are temporary and removed. */
  keep?: boolean;
}

export interface Job {
  progress: JobProgress;
  /** Browser mode: the finished file waiting to be downloaded (a temp file, removed once sent). */
  download: Download | null;
  cancel(): void;
  /** Settles when the job is no longer running. */
  settled: Promise<void>;
}

const KEPT = 20;

/** The jobs of this run of the app: what each has done, and the finished files browser mode hands out once. */
export class Jobs {
  private readonly jobs = new Map<string, Job>();
  /** Browser mode: files streamed to POST /upload, waiting for the call that uses them (a restore). */
  private readonly uploads = new Map<string, { file: string; fileName: string }>();

  /** Keeps an uploaded file for one call; the oldest waiting ones are removed past a few. */
  acceptUpload(id: string, upload: { file: string; fileName: string }): void {
    this.uploads.set(id, upload);
    for (const [old, waiting] of this.uploads) {
      if (this.uploads.size <= 3) break;
      fs.rmSync(waiting.file, { force: true });
      this.uploads.delete(old);
    }
  }

  /** An uploaded file, once: whoever takes it removes it when done. */
  takeUpload(id: string): { file: string; fileName: string } | null {
    const upload = this.uploads.get(id) ?? null;
    this.uploads.delete(id);
    return upload;
  }

  add(job: Job): void {
    this.jobs.set(job.progress.jobId, job);
    // Finished jobs are kept a while for their last poll; old ones go (a waiting download's file with them).
    for (const [id, old] of this.jobs) {
      if (this.jobs.size <= KEPT) break;
      if (old.progress.state === 'running') continue;
      if (old.download && !old.download.keep) fs.rmSync(old.download.file, { force: true });
      this.jobs.delete(id);
    }
  }

  /** Browser mode: a file that exists already (a backup), offered for one streamed download; its address. */
  offerFile(jobId: string, download: Download): string {
    const address = `/download/${jobId}`;
    this.add({
      progress: startingProgress(jobId, download.fileName, {
        state: 'done',
        done: 1,
        total: 1,
        download: address,
        size: fs.statSync(download.file).size,
      }),
      download,
      cancel: () => {},
      settled: Promise.resolve(),
    });
    return address;
  }

  /** Whether any job is still running (a restore waits for them: it replaces what they read and write). */
  anyRunning(): boolean {
    return [...this.jobs.values()].some((job) => job.progress.state === 'running');
  }

  progress(jobId: string): JobProgress | null {
    const job = this.jobs.get(jobId);
    return job ? { ...job.progress } : null;
  }

  async cancel(jobId: string): Promise<JobProgress | null> {
    const job = this.jobs.get(jobId);
    if (!job) return null;
    if (job.progress.state === 'running') job.cancel();
    await job.settled;
    return { ...job.progress };
  }

  /**
   * Browser mode: the finished file of a job, once; `sending` counts the bytes out (the page shows them, polling the
   * job), `sent` removes a temporary file.
   */
  takeDownload(jobId: string): (Download & { sending(bytes: number): void; sent(): void }) | null {
    const job = this.jobs.get(jobId);
    const download = job?.download;
    if (!job || !download || job.progress.state !== 'done') return null;
    job.download = null;
    job.progress.download = null;
    return {
      ...download,
      sending: (bytes) => (job.progress.sent = bytes),
      sent: () => (download.keep ? undefined : fs.rmSync(download.file, { force: true })),
    };
  }

  /** Quitting: stops what runs and removes files never downloaded. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.jobs.keys()].map((id) => this.cancel(id)));
    for (const job of this.jobs.values()) {
      if (job.download && !job.download.keep) fs.rmSync(job.download.file, { force: true });
    }
    this.jobs.clear();
    for (const upload of this.uploads.values()) fs.rmSync(upload.file, { force: true });
    this.uploads.clear();
  }
}
