import type { AttemptView, SessionResults } from '../../../../shared/session-types';
import { clockText, gradeParts, percent, plural } from '../../lib/format';
import styles from './Results.module.css';

/** The session in four numbers: self-grade, keyword score, answered, time used. */
export function ResultsSummary({ results }: { results: SessionResults }) {
  const count = (outcome: AttemptView['outcome']) => results.attempts.filter((a) => a.outcome === outcome).length;
  const answered = count('answered') + count('timed_out');
  const notReached = results.session.total - results.attempts.length;
  const graded = results.attempts.filter((a) => a.selfGrade !== null).length;
  const meanGrade = results.gradeScore === null ? null : gradeParts(1 + 3 * results.gradeScore);
  const used = results.attempts.reduce((s, a) => s + a.timeUsedMs, 0);
  const allowed = results.attempts.reduce((s, a) => s + a.timeAllowedMs, 0);
  return (
    <div className={styles.statTiles}>
      <div className={styles.statTile}>
        <span className={styles.statLabel}>Self-grade</span>
        <span className={styles.statValue} data-testid="grade-score">
          {/* One text, "2.0 / 4 · Partial", the grade's name smaller; a narrow tile breaks the line between the two. */}
          <span className="nowrap">{meanGrade ? meanGrade.mean : '—'}</span>
          {meanGrade && <span className={styles.statGradeName}> · {meanGrade.name}</span>}
        </span>
        <span className="muted small">
          Mean of {plural(graded, 'graded answer')}: Missed 1 · Partial 2 · Good 3 · Nailed 4
        </span>
      </div>
      <div className={styles.statTile}>
        <span className={styles.statLabel}>Keyword score</span>
        <span className={styles.statValue} data-testid="session-keyword-score">
          {percent(results.keywordScore)}
        </span>
        <span className="muted small">Share of keywords named</span>
      </div>
      <div className={styles.statTile}>
        <span className={styles.statLabel}>Answered</span>
        <span className={styles.statValue}>
          {answered} <span className="muted">/ {results.session.total}</span>
        </span>
        <span className="muted small" data-testid="outcome-counts">
          {count('timed_out')} timed out · {count('skipped')} skipped · {notReached} not reached
        </span>
      </div>
      <div className={styles.statTile}>
        <span className={styles.statLabel}>Time used</span>
        <span className={styles.statValue}>{clockText(used)}</span>
        <span className="muted small">of {clockText(allowed)} allowed</span>
      </div>
    </div>
  );
}
