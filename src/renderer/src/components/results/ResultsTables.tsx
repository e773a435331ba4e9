import clsx from 'clsx';
import type { Grade, SessionResults } from '../../../../shared/session-types';
import { clockText, gradeText, percent } from '../../lib/format';
import { LevelBadge } from '../LevelBadge';
import { AttemptRow } from './AttemptRow';
import styles from './Results.module.css';

/** Questions, mean grade, keyword score and time used, level by level. */
export function ByLevel({ byLevel }: { byLevel: SessionResults['byLevel'] }) {
  return (
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
          {byLevel.map((l) => (
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
  );
}

/** The keywords the typed answers missed, most missed first. */
export function MissedKeywords({ missed }: { missed: SessionResults['missedKeywords'] }) {
  return (
    <section className="card" aria-labelledby="missed-most">
      <h2 id="missed-most">Keywords missed most</h2>
      {missed.length === 0 ? (
        <p className="muted">No keyword missed in your typed answers.</p>
      ) : (
        <ul className={styles.missedList}>
          {missed.map((k) => (
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
  );
}

/** Every answer as a row; one at a time opens to its grades and comparison. */
export function AttemptsTable({
  attempts,
  open,
  onToggle,
  onGrade,
}: {
  attempts: SessionResults['attempts'];
  open: number | null;
  onToggle: (attemptId: number) => void;
  onGrade: (attemptId: number, grade: Grade) => void;
}) {
  return (
    <section className="card" aria-labelledby="per-question">
      <h2 id="per-question">Question by question</h2>
      {attempts.length === 0 ? (
        <p className="muted">No question was answered in this session.</p>
      ) : (
        <table className={clsx('table', styles.tableAttempts)} aria-label="Answers">
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
            {attempts.map((a) => (
              <AttemptRow
                key={a.id}
                attempt={a}
                open={open === a.id}
                onToggle={() => onToggle(a.id)}
                onGrade={(value) => onGrade(a.id, value)}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
