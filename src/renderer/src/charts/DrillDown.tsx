import { LevelBadge } from '../components/LevelBadge';
import { ErrorNote, Loading } from '../components/States';
import { useApiQuery } from '../data/hooks';
import { usePractiseQuestions } from '../lib/practice';
import type { StatsFilter } from '../../../shared/stats-types';
import { dateTime, num, pct } from './format';
import { GradeChip } from '../components/grade/GradeChip';
import { useModalDialog } from '../hooks/useModalDialog';
import styles from './DrillDown.module.css';
import { href } from '../hooks/useRoute';

export interface DrillTarget {
  level?: string;
  keywordId?: number;
  /** What was clicked, in words: "caching", "Advanced", "Advanced · caching". */
  title: string;
}

const OUTCOME = { answered: 'Answered', timed_out: 'Timed out', skipped: 'Skipped' } as const;

/** The answers behind a level, a keyword or a heatmap cell, in a side panel, with "Practise this". */
export function DrillDown({
  filter,
  target,
  onClose,
}: {
  filter: StatsFilter;
  target: DrillTarget;
  onClose: () => void;
}) {
  const ref = useModalDialog();
  const query = useApiQuery('getStatsAttempts', {
    ...filter,
    level: target.level,
    keywordId: target.keywordId,
    limit: 100,
  });
  const data = query.data;
  const practise = usePractiseQuestions();
  return (
    <dialog
      ref={ref}
      className={styles.drill}
      aria-labelledby="drill-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === ref.current) onClose();
      }}
    >
      <div className={styles.drillInner}>
        <header className={styles.drillHead}>
          <div>
            <p className="field-label">
              {target.keywordId !== undefined ? (target.level ? 'Level × keyword' : 'Keyword') : 'Level'}
            </p>
            <h2 id="drill-title">{target.title}</h2>
          </div>
          <button type="button" className="icon-button" onClick={onClose} aria-label="Close">
            ×
          </button>
        </header>
        {query.error ? (
          <ErrorNote error={query.error} onRetry={() => void query.refetch()} />
        ) : !data ? (
          <Loading />
        ) : (
          <>
            <div className={styles.drillSummary}>
              <span data-testid="drill-summary">
                {data.hits !== null ? (
                  <>
                    Named <strong>{num(data.hits)}</strong> of <strong>{num(data.total)}</strong> times (
                    {pct(data.total ? data.hits / data.total : null)})
                  </>
                ) : (
                  <>
                    <strong>{num(data.total)}</strong> {data.total === 1 ? 'answer' : 'answers'}
                  </>
                )}
                {data.total > data.attempts.length && (
                  <span className="muted"> · the latest {data.attempts.length} below</span>
                )}
              </span>
              <button
                type="button"
                className="button button-primary"
                onClick={() => practise.mutate(data.questionIds)}
                disabled={practise.isPending || data.questionIds.length === 0}
              >
                Practise this ({data.questionIds.length} {data.questionIds.length === 1 ? 'question' : 'questions'})
              </button>
            </div>
            <div className={styles.drillList}>
              {practise.error && <ErrorNote error={practise.error} />}
              <ul className={styles.attemptList} aria-label="Answers">
                {data.attempts.map((a) => (
                  <li key={a.id} className={styles.attemptItem}>
                    <a className="prompt link" href={href('results', { id: a.sessionId })}>
                      {a.prompt}
                    </a>
                    <span>
                      <GradeChip grade={a.selfGrade} ungraded="Not graded" />
                    </span>
                    <span className={styles.attemptMeta}>
                      <LevelBadge level={a.level} />
                      <span>{a.deckName}</span>
                      <span>{dateTime(a.answeredAt)}</span>
                      <span>{OUTCOME[a.outcome]}</span>
                      {a.keywordScore !== null && <span>keywords {pct(a.keywordScore)}</span>}
                    </span>
                    {a.hit !== null && (
                      <span className={a.hit ? styles.named : styles.missed}>{a.hit ? '✓ named' : '✗ missed'}</span>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          </>
        )}
      </div>
    </dialog>
  );
}
