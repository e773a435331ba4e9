import type { AttemptView, Grade } from '../../../../shared/session-types';
import { clockText, gradeName, percent } from '../../lib/format';
import { AttemptComparison, outcomeClassName, outcomeText } from '../AttemptReveal';
import { GradeButtons } from '../grade/GradeButtons';
import { LevelBadge } from '../LevelBadge';
import styles from './Results.module.css';

const GRADE_TEXT: Record<Grade, string | undefined> = {
  1: styles.gradeText1,
  2: styles.gradeText2,
  3: styles.gradeText3,
  4: styles.gradeText4,
};

/** Grades an answer after the session: one left ungraded, or a grade the person wants to change. */
function GradeAfter({ attempt, onGrade }: { attempt: AttemptView; onGrade: (grade: Grade) => void }) {
  return (
    <GradeButtons
      className={styles.gradeAfter}
      label={`Grade answer ${attempt.position + 1}`}
      caption={attempt.selfGrade === null ? 'Not graded yet: grade it' : 'Your grade'}
      selected={attempt.selfGrade}
      onGrade={onGrade}
    />
  );
}

/** One answer of the session as a table row, opened to grade it and compare it with the model answer. */
export function AttemptRow({
  attempt,
  open,
  onToggle,
  onGrade,
}: {
  attempt: AttemptView;
  open: boolean;
  onToggle: () => void;
  onGrade: (grade: Grade) => void;
}) {
  return (
    <>
      <tr>
        <td className="num">{attempt.position + 1}</td>
        <td>
          <button type="button" className={styles.rowToggle} aria-expanded={open} onClick={onToggle}>
            {attempt.question.prompt}
          </button>
        </td>
        <td>
          <LevelBadge level={attempt.question.level} />
        </td>
        <td className={outcomeClassName(attempt.outcome)}>
          {attempt.outcome === 'answered' ? 'Answered' : attempt.outcome === 'timed_out' ? 'Timed out' : 'Skipped'}
        </td>
        <td className={attempt.selfGrade === null ? undefined : GRADE_TEXT[attempt.selfGrade]}>
          {attempt.selfGrade === null ? (
            <button type="button" className="link-button" aria-expanded={open} onClick={onToggle}>
              Not graded
            </button>
          ) : (
            gradeName(attempt.selfGrade)
          )}
        </td>
        <td className="num">
          {attempt.keywords.length === 0 ? (
            <span className="muted small">No keywords to score</span>
          ) : (
            percent(attempt.keywordScore)
          )}
        </td>
        <td className="num">
          {clockText(attempt.timeUsedMs)} <span className="muted">/ {clockText(attempt.timeAllowedMs)}</span>
        </td>
      </tr>
      {open && (
        <tr className={styles.rowDetail}>
          <td colSpan={7}>
            <p className="muted small">{outcomeText(attempt)}</p>
            <GradeAfter attempt={attempt} onGrade={onGrade} />
            <AttemptComparison attempt={attempt} />
          </td>
        </tr>
      )}
    </>
  );
}
