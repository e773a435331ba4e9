import { useApiMutation, useApiQuery } from '../data/hooks';
import { navigate } from '../hooks/useRoute';
import { plural } from '../lib/format';

/** Offers to pick up a session that was interrupted (closed, crashed, killed) or to end it. */
export function ResumeBanner() {
  const active = useApiQuery('getActiveSession');
  // Ended before any answer, a session is removed: there are no results to open, and the banner goes.
  const end = useApiMutation('endSession', {
    onSuccess: (ended) => {
      if (!ended.discarded) navigate('results', { id: ended.id });
    },
  });
  const resume = useApiMutation('resumeSession', {
    awaitRefetch: false,
    onSuccess: (view) => navigate('session', { id: view.id }),
  });
  const busy = end.isPending || resume.isPending;
  const error = end.error ?? resume.error;
  const session = active.data;
  if (!session) return null;
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
        {error && <p className="error-text">{error.message}</p>}
      </div>
      <div className="resume-actions">
        <button type="button" className="button" disabled={busy} onClick={() => end.mutate({ sessionId: session.id })}>
          End it
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => resume.mutate({ sessionId: session.id })}
        >
          Resume session
        </button>
      </div>
    </section>
  );
}
