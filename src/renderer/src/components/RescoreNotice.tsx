import clsx from 'clsx';
import { useApiMutation, useApiQuery } from '../data/hooks';
import styles from './RescoreNotice.module.css';

const count = (n: number): string => n.toLocaleString('en');

/**
 * Says how many answers an older scorer scored and re-scores them in one click, so every chart measures the
 * history with one ruler. Shows nothing when there is nothing to re-score (and no result to report).
 */
export function RescoreNotice() {
  const status = useApiQuery('getScorerStatus');
  // Re-scoring invalidates the scorer's status and every chart (see shared/call-effects.ts).
  const rescore = useApiMutation('rescoreHistory');
  const older = status.data?.olderAnswers ?? 0;

  if (rescore.isSuccess) {
    const n = rescore.data.rescored;
    return (
      <div className={clsx('note', styles.notice, styles.done)} role="status" data-testid="rescore-notice">
        {n === 0
          ? 'Every answer was already scored by the current scorer.'
          : `Re-scored ${count(n)} ${n === 1 ? 'answer' : 'answers'}; your charts now use one ruler.`}
        <button type="button" className="button button-small button-ghost" onClick={() => rescore.reset()}>
          Dismiss
        </button>
      </div>
    );
  }
  if (older === 0) return null;
  const running = rescore.isPending;
  return (
    <div
      className={clsx('note', styles.notice, styles.waiting)}
      role="status"
      aria-busy={running}
      data-testid="rescore-notice"
    >
      <span>
        <strong>
          {count(older)} {older === 1 ? 'answer was' : 'answers were'} scored by an older version of the scorer
        </strong>{' '}
        — {older === 1 ? 'its keyword score is' : 'their keyword scores are'} not comparable with newer ones. Re-scoring
        changes only those scores, never your answers or grades.
      </span>
      <button
        type="button"
        className="button button-small button-primary"
        onClick={() => rescore.mutate()}
        disabled={running}
      >
        {running ? `Re-scoring ${count(older)} answers…` : 'Re-score them'}
      </button>
      {rescore.isError && (
        <span role="alert" className={styles.error}>
          Re-scoring failed, nothing was changed: {rescore.error.message}
        </span>
      )}
    </div>
  );
}
