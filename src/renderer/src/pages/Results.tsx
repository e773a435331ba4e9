import { useState } from 'react';
import type { AttemptView, Grade, SessionResults } from '../../../shared/session-types';
import { api } from '../api';
import { AttemptComparison, outcomeClassName, outcomeText } from '../components/AttemptReveal';
import { GradeButtons } from '../components/grade/GradeButtons';
import { LevelBadge } from '../components/LevelBadge';
import { ErrorNote, Loading } from '../components/States';
import { useQuery } from '../hooks/useQuery';
import { href } from '../hooks/useRoute';
import { clockText, dateTime, gradeName, gradeParts, gradeText, percent, plural } from '../lib/format';
import { practiseQuestions } from '../lib/practice';

const STATUS: Record<string, string> = { finished: 'Finished', ended: 'Ended early', active: 'Unfinished' };

/** Grades an answer after the session: one left ungraded, or a grade the person wants to change. */
function GradeAfter({ attempt, onGrade }: { attempt: AttemptView; onGrade: (grade: Grade) => void }) {
  return (
    <GradeButtons
      className="grade-after"
      label={`Grade answer ${attempt.position + 1}`}
      caption={attempt.selfGrade === null ? 'Not graded yet: grade it' : 'Your grade'}
      selected={attempt.selfGrade}
      onGrade={onGrade}
    />
  );
}

function AttemptRow({
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
      <tr className={open ? 'row-open' : undefined}>
        <td className="num">{attempt.position + 1}</td>
        <td>
          <button type="button" className="row-toggle" aria-expanded={open} onClick={onToggle}>
            {attempt.question.prompt}
          </button>
        </td>
        <td>
          <LevelBadge level={attempt.question.level} />
        </td>
        <td className={outcomeClassName(attempt.outcome)}>
          {attempt.outcome === 'answered' ? 'Answered' : attempt.outcome === 'timed_out' ? 'Timed out' : 'Skipped'}
        </td>
        <td className={`grade-cell grade-text-${attempt.selfGrade ?? 0}`}>
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
        <tr className="row-detail">
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

function Summary({ results }: { results: SessionResults }) {
  const count = (outcome: AttemptView['outcome']) => results.attempts.filter((a) => a.outcome === outcome).length;
  const answered = count('answered') + count('timed_out');
  const notReached = results.session.total - results.attempts.length;
  const graded = results.attempts.filter((a) => a.selfGrade !== null).length;
  const meanGrade = results.gradeScore === null ? null : gradeParts(1 + 3 * results.gradeScore);
  const used = results.attempts.reduce((s, a) => s + a.timeUsedMs, 0);
  const allowed = results.attempts.reduce((s, a) => s + a.timeAllowedMs, 0);
  return (
    <div className="stat-tiles">
      <div className="stat-tile">
        <span className="stat-label">Self-grade</span>
        <span className="stat-value" data-testid="grade-score">
          {/* One text, "2.0 / 4 · Partial", the grade's name smaller; a narrow tile breaks the line between the two. */}
          <span className="nowrap">{meanGrade ? meanGrade.mean : '—'}</span>
          {meanGrade && <span className="stat-grade-name"> · {meanGrade.name}</span>}
        </span>
        <span className="muted small">
          Mean of {plural(graded, 'graded answer')}: Missed 1 · Partial 2 · Good 3 · Nailed 4
        </span>
      </div>
      <div className="stat-tile">
        <span className="stat-label">Keyword score</span>
        <span className="stat-value" data-testid="session-keyword-score">
          {percent(results.keywordScore)}
        </span>
        <span className="muted small">Share of keywords named</span>
      </div>
      <div className="stat-tile">
        <span className="stat-label">Answered</span>
        <span className="stat-value">
          {answered} <span className="muted">/ {results.session.total}</span>
        </span>
        <span className="muted small" data-testid="outcome-counts">
          {count('timed_out')} timed out · {count('skipped')} skipped · {notReached} not reached
        </span>
      </div>
      <div className="stat-tile">
        <span className="stat-label">Time used</span>
        <span className="stat-value">{clockText(used)}</span>
        <span className="muted small">of {clockText(allowed)} allowed</span>
      </div>
    </div>
  );
}

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
            {dateTime(r.session.startedAt)} ·{' '}
            <span className={`status status-${r.session.status}`}>{STATUS[r.session.status]}</span>
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

      <Summary results={r} />

      <div className="results-grid">
        <section className="card" aria-labelledby="by-level">
          <h2 id="by-level">By level</h2>
          <table className="table" aria-label="Results by level">
            <thead>
              <tr>
                <th>Level</th>
                <th className="num">Questions</th>
                <th className="num">Mean grade</th>
                <th className="num">Keyword score</th>
                <th className="num">Time used</th>
              </tr>
            </thead>
            <tbody>
              {r.byLevel.map((l) => (
                <tr key={l.level}>
                  <td>
                    <LevelBadge level={l.level} />
                  </td>
                  <td className="num">{l.attempts}</td>
                  <td className="num">{gradeText(l.meanGrade)}</td>
                  <td className="num">{percent(l.meanKeywordScore)}</td>
                  <td className="num">
                    {clockText(l.timeUsedMs)} <span className="muted">/ {clockText(l.timeAllowedMs)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card" aria-labelledby="missed-most">
          <h2 id="missed-most">Keywords missed most</h2>
          {r.missedKeywords.length === 0 ? (
            <p className="muted">No keyword missed in your typed answers.</p>
          ) : (
            <ul className="missed-list">
              {r.missedKeywords.map((k) => (
                <li key={k.keywordId}>
                  <span>{k.label}</span>
                  <span className="muted small">
                    missed {k.missed} of {k.asked}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="per-question">
        <h2 id="per-question">Question by question</h2>
        {r.attempts.length === 0 ? (
          <p className="muted">No question was answered in this session.</p>
        ) : (
          <table className="table table-attempts" aria-label="Answers">
            <thead>
              <tr>
                <th className="num">#</th>
                <th>Question</th>
                <th>Level</th>
                <th>Outcome</th>
                <th>Self-grade</th>
                <th className="num">Keywords</th>
                <th className="num">Time</th>
              </tr>
            </thead>
            <tbody>
              {r.attempts.map((a) => (
                <AttemptRow
                  key={a.id}
                  attempt={a}
                  open={open === a.id}
                  onToggle={() => setOpen(open === a.id ? null : a.id)}
                  onGrade={(value) => void grade(a.id, value)}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
