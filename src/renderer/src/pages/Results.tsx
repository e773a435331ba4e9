import { useState } from 'react';
import type { Grade } from '../../../shared/session-types';
import { api } from '../api';
import { AttemptsTable, ByLevel, MissedKeywords } from '../components/results/ResultsTables';
import { ResultsSummary } from '../components/results/ResultsSummary';
import { SessionStatus } from '../components/SessionStatus';
import { ErrorNote, Loading } from '../components/States';
import { useQuery } from '../hooks/useQuery';
import { href } from '../hooks/useRoute';
import { dateTime } from '../lib/format';
import { practiseQuestions } from '../lib/practice';
import styles from '../components/results/Results.module.css';

export default function ResultsPage({ id }: { id: number }) {
  const results = useQuery(() => api.getSessionResults({ sessionId: id }), `results-${id}`);
  const [open, setOpen] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const grade = (attemptId: number, value: Grade) =>
    api
      .gradeAttempt({ sessionId: id, attemptId, grade: value })
      .then(results.reload, (e: Error) => setError(e.message));
  if (results.error) return <ErrorNote error={results.error} onRetry={results.reload} />;
  if (!results.data) return <Loading />;
  const r = results.data;
  const again = () => practiseQuestions(r.weakQuestionIds).catch((e: Error) => setError(e.message));

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
          disabled={r.weakQuestionIds.length === 0}
          title={
            r.weakQuestionIds.length === 0
              ? 'Every answer is graded Good or Nailed and names at least half its keywords'
              : 'The answers graded Missed or Partial, not graded, or naming under half their keywords'
          }
          onClick={() => void again()}
        >
          Practise these again ({r.weakQuestionIds.length})
        </button>
      </header>
      {error && <p className="error-text">{error}</p>}

      <ResultsSummary results={r} />

      <div className={styles.resultsGrid}>
        <ByLevel byLevel={r.byLevel} />
        <MissedKeywords missed={r.missedKeywords} />
      </div>

      <AttemptsTable
        attempts={r.attempts}
        open={open}
        onToggle={(attemptId) => setOpen(open === attemptId ? null : attemptId)}
        onGrade={(attemptId, value) => void grade(attemptId, value)}
      />
    </div>
  );
}
