import clsx from 'clsx';
import { clockText } from '../lib/format';
import styles from './Countdown.module.css';

const RADIUS = 44;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;
export const WARNING_MS = 15_000;

/** A ring and m:ss, visible at a glance; amber in the last 15 seconds, red in overtime. */
export function Countdown({
  remainingMs,
  allowedMs,
  paused,
}: {
  remainingMs: number;
  allowedMs: number;
  paused: boolean;
}) {
  const over = remainingMs < 0;
  const fraction = allowedMs > 0 ? Math.min(1, Math.max(0, remainingMs / allowedMs)) : 0;
  const state = over ? 'over' : remainingMs <= WARNING_MS ? 'warning' : 'normal';
  const left = over ? `Overtime ${clockText(-remainingMs)}` : `${clockText(remainingMs)} left`;
  // The page says Paused in its heading; the ring only dims, and says so to a screen reader.
  const label = paused ? `${left}, paused` : left;
  return (
    <div
      className={clsx(styles.countdown, state !== 'normal' && styles[state], paused && styles.paused)}
      role="timer"
      aria-label={label}
      data-state={paused ? 'paused' : state}
    >
      <svg viewBox="0 0 100 100" aria-hidden="true">
        <circle className={styles.track} cx="50" cy="50" r={RADIUS} />
        <circle
          className={styles.ring}
          cx="50"
          cy="50"
          r={RADIUS}
          strokeDasharray={CIRCUMFERENCE}
          strokeDashoffset={CIRCUMFERENCE * (1 - (over ? 1 : fraction))}
        />
      </svg>
      <span className={styles.text} data-testid="countdown">
        {over ? `+${clockText(-remainingMs)}` : clockText(remainingMs)}
      </span>
    </div>
  );
}
