import { useState } from 'react';
import { api } from '../api';
import { useQuery } from '../hooks/useQuery';
import type { RescoreResult } from '../../../shared/session-types';
import clsx from 'clsx';
import styles from './RescoreNotice.module.css';

const count = (n: number): string => n.toLocaleString('en');

type State =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'done'; result: RescoreResult }
  | { phase: 'failed'; message: string };

/**
 * Says how many answers an older scorer scored and re-scores them in one click, so every chart measures the
 * history with one ruler. Shows nothing when there is nothing to re-score (and no result to report).
 */
export function RescoreNotice({ onRescored }: { onRescored?: () => void }) {
  const status = useQuery(() => api.getScorerStatus(), 'scorer-status');
  const [state, setState] = useState<State>({ phase: 'idle' });
  const older = status.data?.olderAnswers ?? 0;

  async function rescore() {
    setState({ phase: 'running' });
    try {
      const result = await api.rescoreHistory();
      setState({ phase: 'done', result });
      status.reload();
      onRescored?.();
    } catch (error) {
      setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  if (state.phase === 'done') {
    const n = state.result.rescored;
    return (
      <div className={clsx('note', styles.notice, styles.done)} role="status" data-testid="rescore-notice">
        {n === 0
          ? 'Every answer was already scored by the current scorer.'
          : `Re-scored ${count(n)} ${n === 1 ? 'answer' : 'answers'}; your charts now use one ruler.`}
        <button type="button" className="button button-small button-ghost" onClick={() => setState({ phase: 'idle' })}>
          Dismiss
        </button>
      </div>
    );
  }
  if (older === 0) return null;
  const running = state.phase === 'running';
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
      <button type="button" className="button button-small button-primary" onClick={rescore} disabled={running}>
        {running ? `Re-scoring ${count(older)} answers…` : 'Re-score them'}
      </button>
      {state.phase === 'failed' && (
        <span role="alert" className={styles.error}>
          Re-scoring failed, nothing was changed: {state.message}
        </span>
      )}
    </div>
  );
}
