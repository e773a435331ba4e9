import clsx from 'clsx';
import { GRADES } from '../../../../shared/session-types';
import styles from './GradeChip.module.css';

const TONE: Record<number, string | undefined> = {
  1: styles.grade1,
  2: styles.grade2,
  3: styles.grade3,
  4: styles.grade4,
};

/** A self-grade as a tinted pill; `null` reads as not graded, in the pill's shape so columns line up. */
export function GradeChip({ grade, ungraded = '—' }: { grade: number | null; ungraded?: string }) {
  const known = GRADES.find((g) => g.value === grade);
  if (!known) return <span className={clsx(styles.chip, 'muted')}>{ungraded}</span>;
  return <span className={clsx(styles.chip, TONE[known.value])}>{known.label}</span>;
}
