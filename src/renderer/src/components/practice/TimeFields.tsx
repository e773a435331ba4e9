import { LevelBadge } from '../LevelBadge';
import styles from './Practice.module.css';

/** Seconds per question, one field per level (10 s to an hour), the default for a level not set. */
export function TimeFields({
  levels,
  times,
  defaultSeconds,
  onChange,
}: {
  levels: string[];
  times: Record<string, number>;
  defaultSeconds: number;
  onChange: (times: Record<string, number>) => void;
}) {
  return (
    <div className={styles.formRow}>
      <span className="field-label">Time per question (seconds)</span>
      <div className={styles.timeGrid}>
        {levels.map((level) => (
          <label key={level} className={styles.timeField}>
            <LevelBadge level={level} />
            <input
              className="input"
              type="number"
              min={10}
              max={3600}
              step={10}
              aria-label={`Seconds for ${level} questions`}
              value={times[level] ?? defaultSeconds}
              onChange={(e) =>
                onChange({ ...times, [level]: Math.max(10, Math.min(3600, Number(e.target.value) || 10)) })
              }
            />
          </label>
        ))}
      </div>
    </div>
  );
}
