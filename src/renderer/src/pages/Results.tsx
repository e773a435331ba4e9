import { useState } from 'react';
import { AttemptsTable, ByLevel, MissedKeywords } from '../components/results/ResultsTables';
import { ResultsSummary } from '../components/results/ResultsSummary';
import { SessionStatus } from '../components/SessionStatus';
import { ErrorNote, Loading } from '../components/States';
import { useApiMutation, useApiQuery } from '../data/hooks';
import { href } from '../hooks/useRoute';
import { dateTime } from '../lib/format';
import { usePractiseQuestions } from '../lib/practice';
import styles from '../components/results/Results.module.css';

export default function ResultsPage({ id }: { id: number }) {
  const results = useApiQuery('getSessionResults', { sessionId: id });
  const [open, setOpen] = useState<number | null>(null);
  // Grading refetches the results (and everything computed from answers) by itself.
  const grade = useApiMutation('gradeAttempt');
  const again = usePractiseQuestions();
  if (results.error) return <ErrorNote error={results.error} onRetry={() => void results.refetch()} />;
  if (!results.data) return <Loading />;
  const r = results.data;
  const error = grade.error ?? again.error;

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <p className="breadcrumb">
            <a href={href('history')}>History</a> / Session {r.session.id}
          </p>
          <h1>Session results</h1>
          <p className="lead">
            {dateTime(r.session.startedAt)} · <SessionStatus status={r.session.status} />
          </p>
        </div>
        <button
          type="button"
          className="button button-primary"
          disabled={r.weakQuestionIds.length === 0 || again.isPending}
          title={
            r.weakQuestionIds.length === 0
              ? 'Every answer is graded Good or Nailed and names at least half its keywords'
              : 'The answers graded Missed or Partial, not graded, or naming under half their keywords'
          }
          onClick={() => again.mutate(r.weakQuestionIds)}
        >
          Practise these again ({r.weakQuestionIds.length})
        </button>
      </header>
      {error && <p className="error-text">{error.message}</p>}

      <ResultsSummary results={r} />

      <div className={styles.resultsGrid}>
        <ByLevel byLevel={r.byLevel} />
        <MissedKeywords missed={r.missedKeywords} />
      </div>

      <AttemptsTable
        attempts={r.attempts}
        open={open}
        onToggle={(attemptId) => setOpen(open === attemptId ? null : attemptId)}
        onGrade={(attemptId, value) => grade.mutate({ sessionId: id, attemptId, grade: value })}
      />
    </div>
  );
}
