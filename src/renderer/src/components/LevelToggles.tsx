import type { LevelCount } from '../../../shared/types';
import clsx from 'clsx';
import { LevelBadge } from './LevelBadge';
import styles from './LevelToggles.module.css';

/** One toggle per level with its question count; none selected means every level. */
export function LevelToggles({
  levels,
  selected,
  onChange,
  row = false,
  labelledBy,
}: {
  levels: LevelCount[];
  selected: string[];
  onChange: (levels: string[]) => void;
  /** Lay the toggles out side by side instead of stacked. */
  row?: boolean;
  labelledBy?: string;
}) {
  return (
    <div className={clsx(styles.toggles, row && styles.row)} role="group" aria-labelledby={labelledBy}>
      {levels.map((l) => {
        const on = selected.includes(l.level);
        return (
          <button
            key={l.level}
            type="button"
            className={clsx(styles.toggle, on && styles.on)}
            aria-pressed={on}
            onClick={() => onChange(on ? selected.filter((x) => x !== l.level) : [...selected, l.level])}
          >
            <LevelBadge level={l.level} />
            <span className="muted">{l.count}</span>
          </button>
        );
      })}
    </div>
  );
}
