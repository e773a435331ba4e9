import type { SessionConfig, SessionSetup } from '../../../../shared/session-types';
import { clockText, plural } from '../../lib/format';
import styles from './Practice.module.css';

/** One click to a session: Quick 5, a full mock, or the setup used last; each shows its times. */
export function Presets({
  setup,
  levels,
  onStart,
}: {
  setup: SessionSetup;
  levels: string[];
  onStart: (choice: Partial<SessionConfig>) => void;
}) {
  const { last, presetTimes, presetDefaultSeconds } = setup;
  // A preset runs on its own times, shown on it; a custom session's times are remembered for the form only.
  const fixed = { timePerLevel: presetTimes, defaultSeconds: presetDefaultSeconds, remember: false };
  const timesOf = (times: Record<string, number>, fallback: number) =>
    levels.map((level) => `${level} ${clockText((times[level] ?? fallback) * 1000)}`).join(' · ');
  const times = (text: string) => <span className="muted small">{text}</span>;

  return (
    <section aria-label="Presets" className={styles.presets}>
      <button type="button" className={styles.preset} onClick={() => onStart({ ...fixed, count: 5, order: 'random' })}>
        <span className={styles.presetTitle}>Quick 5</span>
        <span className="muted">5 random questions from every level</span>
        {times(timesOf(presetTimes, presetDefaultSeconds))}
      </button>
      <button
        type="button"
        className={styles.preset}
        onClick={() => onStart({ ...fixed, count: 10, order: 'escalating' })}
      >
        <span className={styles.presetTitle}>Full mock</span>
        <span className="muted">10 questions, every level, escalating from Beginner to Scenario</span>
        {times(timesOf(presetTimes, presetDefaultSeconds))}
      </button>
      <button type="button" className={styles.preset} disabled={!last} onClick={last ? () => onStart(last) : undefined}>
        <span className={styles.presetTitle}>Last used</span>
        <span className="muted">
          {last ? `${plural(last.count, 'question')}, ${last.order}` : 'Your last setup will appear here'}
        </span>
        {last && times(timesOf(last.timePerLevel, last.defaultSeconds))}
      </button>
    </section>
  );
}
