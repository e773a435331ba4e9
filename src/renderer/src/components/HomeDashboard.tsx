import { useState } from 'react';
import '../styles/stats.css';
import type { HomeStats } from '../../../shared/stats-types';
import { api } from '../api';
import { heatFill, pct } from '../charts/format';
import { gradeScoreText } from '../lib/format';
import { practiseQuestions } from '../lib/practice';
import { href } from '../hooks/useRoute';

/** Home's glance at the record: this week, the streak, the three weakest keywords, the last session. */
export function HomeDashboard({ stats: s }: { stats: HomeStats }) {
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const practise = async (keywordId: number): Promise<void> => {
    setBusy(keywordId);
    setError(null);
    try {
      const { questionIds } = await api.getStatsAttempts({ range: 'all', keywordId, limit: 100 });
      await practiseQuestions(questionIds);
    } catch (e) {
      setError(e as Error);
      setBusy(null);
    }
  };

  return (
    <section className="dashboard" aria-label="Your practice">
      <div className="tile">
        <span className="tile-label">This week</span>
        <span className="tile-value" data-testid="home-sessions-week">
          {s.sessionsThisWeek}
        </span>
        <span className="tile-note">{s.sessionsThisWeek === 1 ? 'session' : 'sessions'} since Monday</span>
      </div>
      <div className="tile">
        <span className="tile-label">Streak</span>
        <span className="tile-value" data-testid="home-streak">
          {s.streak} {s.streak === 1 ? 'day' : 'days'}
        </span>
        <span className="tile-note">
          {s.practisedToday
            ? 'practised today'
            : s.streak > 0
              ? 'practise today to keep it'
              : 'practise today to start one'}
        </span>
      </div>
      <div className="tile tile-weak">
        <span className="tile-label">Weakest keywords</span>
        {s.weakestKeywords.length === 0 ? (
          <span className="tile-note">
            Keywords you miss show up here once each has been asked {s.minAttempts} times.{' '}
            <a className="link" href={href('practice')}>
              Practise now →
            </a>
          </span>
        ) : (
          <ul className="weak-list" aria-label="Weakest keywords">
            {s.weakestKeywords.map((k) => (
              <li key={k.keywordId} className="weak-item">
                <span className="label">{k.label}</span>
                <span className="weak-bar" title={`named ${k.hits} of ${k.asked} times`}>
                  <span style={{ width: `${Math.max(4, k.hitRate * 100)}%`, background: heatFill(k.hitRate) }} />
                </span>
                <span className="weak-rate">{pct(k.hitRate)}</span>
                <button
                  type="button"
                  className="button button-small"
                  disabled={busy !== null}
                  onClick={() => void practise(k.keywordId)}
                  aria-label={`Practise ${k.label}`}
                >
                  Practise
                </button>
              </li>
            ))}
          </ul>
        )}
        {s.weakestKeywords.length > 0 && (
          <span className="tile-note">
            How often you named each when a question called for it.{' '}
            <a className="link" href={href('stats')}>
              All keywords →
            </a>
          </span>
        )}
        {error && <span className="tile-note">{error.message}</span>}
      </div>
      <div className="tile">
        <span className="tile-label">Last session</span>
        {s.lastSession ? (
          <>
            <span className="tile-value" data-testid="home-last-session">
              {pct(s.lastSession.keywordScore)}
            </span>
            <span className="tile-note">
              keywords named · self-grade {gradeScoreText(s.lastSession.gradeScore)} ·{' '}
              <a className="link" href={href('results', { id: s.lastSession.id })}>
                {s.lastSession.answered} of {s.lastSession.total} answered →
              </a>
            </span>
          </>
        ) : (
          <span className="tile-note">No session finished yet.</span>
        )}
      </div>
      <div className="tile">
        <span className="tile-label">All answers</span>
        <span className="tile-value">{s.totalAttempts.toLocaleString()}</span>
        <span className="tile-note">
          <a className="link" href={href('stats')}>
            See your stats →
          </a>
        </span>
      </div>
    </section>
  );
}
