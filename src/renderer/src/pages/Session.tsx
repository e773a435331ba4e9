import { useCallback, useEffect, useState } from 'react';
import clsx from 'clsx';
import type { SessionView } from '../../../shared/session-types';
import { api } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Asking } from '../components/session/Asking';
import { Revealed } from '../components/session/Revealed';
import { SessionProgress } from '../components/session/SessionProgress';
import type { Act } from '../components/session/types';
import { ErrorNote, Loading } from '../components/States';
import { navigate } from '../hooks/useRoute';
import styles from '../components/session/Session.module.css';

export default function SessionPage({ id }: { id: number }) {
  const [view, setView] = useState<SessionView | null>(null);
  const [deadline, setDeadline] = useState(0);
  const [error, setError] = useState<Error | null>(null);
  const [confirmEnd, setConfirmEnd] = useState(false);

  const apply = useCallback((next: SessionView) => {
    // The clock arrives as "remaining on main's clock now"; anchor it to this window's clock once.
    if (next.current) setDeadline(Date.now() + next.current.remainingMs);
    setView(next);
    setError(null);
    // Ended before any answer: the session was removed, there are no results to show.
    if (next.discarded) navigate('practice');
    else if (next.phase === 'done') navigate('results', { id: next.id });
  }, []);

  const act: Act = useCallback(
    async (run) => {
      try {
        apply(await run());
      } catch (e) {
        setError(e as Error);
      }
    },
    [apply],
  );

  useEffect(() => {
    api.getSession({ sessionId: id }).then(apply, (e: Error) => setError(e));
  }, [apply, id]);

  const endSession = async () => {
    setConfirmEnd(false);
    await act(() => api.endSession({ sessionId: id }));
  };

  if (!view) return error ? <ErrorNote error={error} /> : <Loading label="Opening the session…" />;

  return (
    <div className={clsx('page', styles.sessionPage)}>
      <div>
        <SessionProgress view={view} />
      </div>
      {error && <ErrorNote error={error} />}
      {view.phase === 'asking' && (
        <Asking key={view.position} view={view} deadline={deadline} act={act} onEnd={() => setConfirmEnd(true)} />
      )}
      {view.phase === 'revealed' && view.revealed && (
        <Revealed
          key={view.revealed.id}
          view={view}
          attempt={view.revealed}
          act={act}
          onEnd={() => setConfirmEnd(true)}
        />
      )}
      {confirmEnd && (
        <ConfirmDialog
          title="End this session?"
          confirmLabel="End session"
          onConfirm={() => void endSession()}
          onCancel={() => setConfirmEnd(false)}
        >
          {view.answeredCount === 0 ? (
            <p>Nothing has been answered yet: the session will not be kept in your history.</p>
          ) : (
            <p>
              {view.answeredCount} of {view.total} answers are saved and stay in your history. The session will count as
              ended early{view.phase === 'asking' ? '; the question on screen counts as not reached' : ''}.
            </p>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}
