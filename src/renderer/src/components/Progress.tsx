import { useId } from 'react';
import type { useJob } from '../hooks/useJob';
import { count } from '../lib/format';
import styles from './Progress.module.css';

export interface ProgressProps {
  /** What is happening, in words: "Exporting your answers". */
  label: string;
  done: number;
  /** 0 while the total is not known yet. */
  total: number;
  /** What is counted: rows (of a file), answers, questions (of an import or a deck), or bytes (shown in MB). */
  unit: 'rows' | 'answers' | 'questions' | 'bytes';
  /** The time left, once the rate is known (see useJob); null before. */
  msLeft?: number | null;
  /** Where cancelling leaves everything as it was; absent when it cannot be cancelled. */
  onCancel?: () => void;
  cancelling?: boolean;
  /** What is said while the total is not known: "Starting…" until the work has begun. */
  waiting?: string;
}

const quantity = (n: number, unit: ProgressProps['unit']): string =>
  unit === 'bytes' ? `${(n / (1024 * 1024)).toFixed(1)} MB` : count(n);

function timeLeft(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `about ${s} s left`;
  const m = Math.ceil(s / 60);
  return `about ${m} min left`;
}

/**
 * Long work on screen: what is happening, how far (done of total), the time left when it can be known, and
 * Cancel. One component for every job, announced to assistive technology as a progressbar with its values.
 */
export function Progress({
  label,
  done,
  total,
  unit,
  msLeft = null,
  onCancel,
  cancelling = false,
  waiting = 'Starting…',
}: ProgressProps) {
  const labelId = useId();
  const known = total > 0;
  const amount = known
    ? `${quantity(done, unit)} of ${quantity(total, unit)}${unit === 'bytes' ? '' : ` ${unit}`}`
    : waiting;
  const text = msLeft !== null && known && done < total ? `${amount}, ${timeLeft(msLeft)}` : amount;
  return (
    <div className={styles.progress}>
      <div className={styles.head}>
        <span id={labelId}>{label}</span>
        <span className="muted small">{text}</span>
      </div>
      <div
        className={styles.track}
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        // While the total is not known the bar is indeterminate: no current or highest value (ARIA), only the words.
        aria-valuemax={known ? total : undefined}
        aria-valuenow={known ? done : undefined}
        aria-valuetext={text}
      >
        <div className={styles.fill} style={{ width: `${known ? Math.min(100, (done / total) * 100) : 0}%` }} />
      </div>
      {onCancel && (
        <button type="button" className="button button-small" onClick={onCancel} disabled={cancelling}>
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      )}
    </div>
  );
}

/**
 * A job of useJob on screen while it runs (nothing once it has stopped), with its Cancel. A job in stages (a restore)
 * names its stage and how it is counted; a stage that cannot be counted says it is at work, and one past the point of
 * no return offers no Cancel.
 */
export function JobProgress({
  job,
  label,
  unit,
}: {
  job: ReturnType<typeof useJob>;
  label: string;
  unit: ProgressProps['unit'];
}) {
  if (!job.job) return null;
  const { progress, msLeft, cancelling } = job.job;
  const stage = progress.stage;
  return (
    <Progress
      label={stage ? `${label}: ${stage.label}` : label}
      done={progress.done}
      total={stage?.unit === null ? 0 : progress.total}
      unit={stage?.unit ?? unit}
      msLeft={msLeft}
      onCancel={stage?.cancellable === false ? undefined : () => void job.cancel()}
      cancelling={cancelling}
      waiting={stage?.unit === null ? 'Working…' : undefined}
    />
  );
}
