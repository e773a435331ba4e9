import type { Ref } from 'react';
import clsx from 'clsx';
import { GRADES, type Grade } from '../../../../shared/session-types';
import styles from './GradeButtons.module.css';

const TONE: Record<Grade, string | undefined> = {
  1: styles.grade1,
  2: styles.grade2,
  3: styles.grade3,
  4: styles.grade4,
};

/** The four self-grades as pressed/unpressed buttons in one named group, the chosen one filled. */
export function GradeButtons({
  label,
  caption,
  selected,
  onGrade,
  showKeys = false,
  groupRef,
  className,
}: {
  /** The group's accessible name. */
  label: string;
  /** The visible words before the buttons. */
  caption: string;
  selected: Grade | null;
  onGrade: (grade: Grade) => void;
  /** Shows each grade's key (1–4) on its button, where the keys work. */
  showKeys?: boolean;
  /** Set to focus the group itself (tabIndex −1), not a grade that Enter would press. */
  groupRef?: Ref<HTMLDivElement>;
  className?: string;
}) {
  return (
    <div
      className={clsx(styles.group, className)}
      role="group"
      aria-label={label}
      tabIndex={groupRef ? -1 : undefined}
      ref={groupRef}
    >
      <span className={clsx('field-label', styles.caption)}>{caption}</span>
      {GRADES.map((g) => (
        <button
          key={g.value}
          type="button"
          className={clsx(styles.button, TONE[g.value], selected === g.value && styles.on)}
          aria-pressed={selected === g.value}
          onClick={() => onGrade(g.value)}
        >
          {g.label}
          {showKeys && (
            <>
              {' '}
              <kbd>{g.value}</kbd>
            </>
          )}
        </button>
      ))}
    </div>
  );
}
