import fs from 'node:fs';
import type { JobProgress } from '../../shared/transfer';

/** A job's finished file, for browser mode's download. */
export interface Download {
  file: string;
  fileName: string;
  mimeType: string;
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

  add(job: Job): void {
    this.jobs.set(job.progress.jobId, job);
    // Finished jobs are kept a while for their last poll; old ones go (a waiting download's file with them).
    for (const [id, old] of this.jobs) {
      if (this.jobs.size <= KEPT) break;
      if (old.progress.state === 'running') continue;
      if (old.download) fs.rmSync(old.download.file, { force: true });
      this.jobs.delete(id);
    }
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

  /** Browser mode: the finished file of a job, once; `sent` removes it. */
  takeDownload(jobId: string): (Download & { sent(): void }) | null {
    const job = this.jobs.get(jobId);
    const download = job?.download;
    if (!job || !download || job.progress.state !== 'done') return null;
    job.download = null;
    job.progress.download = null;
    return { ...download, sent: () => fs.rmSync(download.file, { force: true }) };
  }

  /** Quitting: stops what runs and removes files never downloaded. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.jobs.keys()].map((id) => this.cancel(id)));
    for (const job of this.jobs.values()) if (job.download) fs.rmSync(job.download.file, { force: true });
    this.jobs.clear();
  }
}
