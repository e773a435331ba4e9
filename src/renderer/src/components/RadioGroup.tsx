import { useId, useRef, type KeyboardEvent } from 'react';
import clsx from 'clsx';
import styles from './RadioGroup.module.css';

export interface RadioOption<T extends string> {
  value: T;
  label: string;
  /** What choosing it means: shown as text under the group while it is chosen. */
  hint?: string;
}

const STEP: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

/**
 * One choice among a few, as segmented buttons that follow the ARIA radio group pattern: one Tab
 * stop (the chosen option), arrow keys move the choice and the focus together, Home and End jump
 * to the ends. The chosen option's hint is visible text, tied to the group by aria-describedby.
 */
export function RadioGroup<T extends string>({
  label,
  labelledBy,
  value,
  options,
  onChange,
}: {
  /** The group's name, when no visible label names it (labelledBy). */
  label?: string;
  labelledBy?: string;
  value: T;
  options: ReadonlyArray<RadioOption<T>>;
  onChange: (value: T) => void;
}) {
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const hintId = useId();
  const chosen = options.findIndex((o) => o.value === value);
  const hint = options[chosen]?.hint;

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = STEP[event.key];
    if (!step || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const next = step(index, options.length);
    onChange(options[next]!.value);
    buttons.current[next]?.focus();
  };

  return (
    // radio-field: a plain name for a layout around the group to place it by (the import settings grid).
    <div className={clsx(styles.field, 'radio-field')}>
      <div
        className={styles.group}
        role="radiogroup"
        aria-label={labelledBy ? undefined : label}
        aria-labelledby={labelledBy}
        aria-describedby={hint ? hintId : undefined}
      >
        {options.map((o, i) => {
          const on = i === chosen;
          return (
            <button
              key={o.value}
              ref={(el) => {
                buttons.current[i] = el;
              }}
              type="button"
              role="radio"
              aria-checked={on}
              // One Tab stop: the chosen option, or the first when none is.
              tabIndex={on || (chosen < 0 && i === 0) ? 0 : -1}
              className={clsx(styles.option, on && styles.on)}
              onClick={() => onChange(o.value)}
              onKeyDown={(e) => onKeyDown(e, i)}
            >
              {o.label}
            </button>
          );
        })}
      </div>
      {hint && (
        <p className={styles.hint} id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
