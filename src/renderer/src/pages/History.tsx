import { useState } from 'react';
import { LevelBadge } from '../components/LevelBadge';
import { EmptyState, ErrorNote, Loading } from '../components/States';
import { MAIN_ID } from '../hooks/useModalDialog';
import { useApiQuery } from '../data/hooks';
import { href, navigate } from '../hooks/useRoute';
import { dateTime, gradeScoreText, percent } from '../lib/format';
import clsx from 'clsx';
import { SessionStatus } from '../components/SessionStatus';
import styles from './History.module.css';

/** Sessions on one page of the table; older ones are a page further. */
const PAGE_SIZE = 50;

function Pager({
  offset,
  shown,
  total,
  onMove,
}: {
  offset: number;
  shown: number;
  total: number;
  onMove: (offset: number) => void;
}) {
  if (total <= PAGE_SIZE) return null;
  return (
    <nav className="pager" aria-label="Pages of sessions">
      <button
        type="button"
        className="button button-small"
        disabled={offset === 0}
        onClick={() => onMove(Math.max(0, offset - PAGE_SIZE))}
      >
        ← Newer
      </button>
      <span className="pager-text" data-testid="pager-text" aria-live="polite">
        {offset + 1}–{offset + shown} of {total}
      </span>
      <button
        type="button"
        className="button button-small"
        disabled={offset + shown >= total}
        onClick={() => onMove(offset + PAGE_SIZE)}
      >
        Older →
      </button>
    </nav>
  );
}

export default function HistoryPage() {
  const [offset, setOffset] = useState(0);
  const list = useApiQuery('listSessions', { offset, limit: PAGE_SIZE });
  if (list.error) return <ErrorNote error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data) return <Loading />;
  const move = (to: number) => {
    setOffset(to);
    document.getElementById(MAIN_ID)?.scrollTo({ top: 0 });
  };
  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>History</h1>
          <p className="lead">Every session you have sat, newest first.</p>
        </div>
      </header>
      {list.data.total === 0 ? (
        <div className="card">
          <EmptyState title="No sessions yet">
            <p>
              Your sessions appear here once you have practised. <a href={href('practice')}>Start one</a>.
            </p>
          </EmptyState>
        </div>
      ) : (
        <section className="card">
          <table className={clsx('table', styles.tableClickable)} aria-label="Sessions">
            <thead>
              <tr>
                <th>Date</th>
                <th className="num">Answered</th>
                <th>Levels</th>
                <th className="num">Self-grade</th>
                <th className="num">Keyword score</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((s) => (
                <tr key={s.id} onClick={() => navigate('results', { id: s.id })}>
                  <td>
                    <a href={href('results', { id: s.id })} onClick={(e) => e.stopPropagation()}>
                      {dateTime(s.startedAt)}
                    </a>
                  </td>
                  <td className="num">
                    {s.answered} <span className="muted">/ {s.total}</span>
                  </td>
                  <td>
                    <span className={styles.levelList}>
                      {s.levels.map((l) => (
                        <LevelBadge key={l} level={l} />
                      ))}
                    </span>
                  </td>
                  <td className="num">{gradeScoreText(s.gradeScore)}</td>
                  <td className="num">{percent(s.keywordScore)}</td>
                  <td>
                    <SessionStatus status={s.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager offset={offset} shown={list.data.items.length} total={list.data.total} onMove={move} />
        </section>
      )}
    </div>
  );
}
