import { useState } from 'react';
import clsx from 'clsx';
import { api } from '../api';
import { count } from '../lib/format';
import { useApiQuery } from '../data/hooks';
import { useIdle } from '../hooks/useIdle';
import { useJob } from '../hooks/useJob';
import { JobProgress } from './Progress';
import styles from './RescoreNotice.module.css';

type State =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'done'; rescored: number }
  | { phase: 'cancelled'; rescored: number }
  | { phase: 'failed'; message: string };

/**
 * Says how many answers an older scorer scored and re-scores them in one click, so every chart measures the
 * history with one ruler: a job with progress and Cancel (what is re-scored stays; the rest still wait). Shows
 * nothing when there is nothing to re-score (and no result to report).
 */
export function RescoreNotice() {
  // Counting the older answers reads most of a long history's index after a scorer update (150 ms cold at a
  // million answers), and the server answers one call at a time: asked once the page is drawn, not beside it.
  const idle = useIdle();
  const status = useApiQuery('getScorerStatus', undefined, { enabled: idle });
  const [state, setState] = useState<State>({ phase: 'idle' });
  const job = useJob();
  const older = status.data?.olderAnswers ?? 0;

  async function rescore() {
    setState({ phase: 'running' });
    try {
      // When the job stops, done or cancelled, the scorer's status and every chart are read again (call-effects.ts).
      const end = await job.run(() => api.rescoreHistory(), { changes: 'rescoreHistory' });
      if (!end || end.state === 'failed') throw new Error(end?.error ?? 'it stopped');
      setState({ phase: end.state === 'done' ? 'done' : 'cancelled', rescored: end.done });
    } catch (error) {
      setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  if (state.phase === 'done' || (state.phase === 'cancelled' && older === 0)) {
    const n = state.rescored;
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
      {running && job.job ? (
        <JobProgress job={job} label="Re-scoring your answers" unit="answers" />
      ) : (
        <button type="button" className="button button-small button-primary" onClick={rescore} disabled={running}>
          {running ? `Re-scoring ${count(older)} answers…` : 'Re-score them'}
        </button>
      )}
      {state.phase === 'cancelled' && (
        <span className="muted small">
          Stopped after {count(state.rescored)} {state.rescored === 1 ? 'answer' : 'answers'}: those keep their new
          scores, the rest wait for the next run.
        </span>
      )}
      {state.phase === 'failed' && (
        <span role="alert" className={styles.error}>
          Re-scoring stopped: {state.message}
        </span>
      )}
    </div>
  );
}
