import { useState } from 'react';
import { api } from '../api';
import { useQuery } from '../hooks/useQuery';
import { navigate } from '../hooks/useRoute';
import { plural } from '../lib/format';

/** Offers to pick up a session that was interrupted (closed, crashed, killed) or to end it. */
export function ResumeBanner() {
  const active = useQuery(() => api.getActiveSession(), 'active-session');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const session = active.data;
  if (!session) return null;
  const act = async (run: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await run();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="resume-banner" aria-label="Unfinished session">
      <div>
        <strong>You have an unfinished session.</strong>{' '}
        <span className="muted">
          {plural(session.answeredCount, 'answer')} of {session.total} saved
          {session.phase === 'asking'
            ? ' — the question on screen goes on with your answer so far and the time it had left.'
            : '.'}
        </span>
        {error && <p className="error-text">{error}</p>}
      </div>
      <div className="resume-actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() =>
            act(async () => {
              const ended = await api.endSession({ sessionId: session.id });
              // Ended before any answer, it was removed: there are no results to open.
              if (ended.discarded) active.reload();
              else navigate('results', { id: session.id });
            })
          }
        >
          End it
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() =>
            act(async () => {
              await api.resumeSession({ sessionId: session.id });
              navigate('session', { id: session.id });
            })
          }
        >
          Resume session
        </button>
      </div>
    </section>
  );
}
