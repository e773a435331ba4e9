import { api } from '../api';
import { LevelBadge } from '../components/LevelBadge';
import { ErrorNote, Loading } from '../components/States';
import { useQuery } from '../hooks/useQuery';
import { href } from '../hooks/useRoute';
import { ResumeBanner } from '../components/ResumeBanner';
import { HomeDashboard } from '../components/HomeDashboard';
import { ReviewCard } from '../components/ReviewCard';
import { RescoreNotice } from '../components/RescoreNotice';
import { useState } from 'react';

export function HomePage() {
  const overview = useQuery(() => api.libraryOverview(), 'overview');
  // Re-scoring changes the weakest keywords: the dashboard is drawn afresh from the new numbers.
  const [rescores, setRescores] = useState(0);
  if (overview.error) return <ErrorNote error={overview.error} onRetry={overview.reload} />;
  if (!overview.data) return <Loading />;
  const { questionCount, decks, levels, keywords } = overview.data;
  const max = Math.max(1, ...levels.map((l) => l.count));
  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>Welcome back</h1>
          <p className="lead">
            Your bank holds <strong data-testid="bank-size">{questionCount}</strong> questions in {decks.length}{' '}
            {decks.length === 1 ? 'deck' : 'decks'}, scored against {keywords.length} technical keywords.
          </p>
        </div>
        <a className="button button-primary button-large" href={href('practice')}>
          Start practising
        </a>
      </header>
      <RescoreNotice onRescored={() => setRescores((n) => n + 1)} />
      <HomeDashboard key={rescores} />
      <ResumeBanner />
      <ReviewCard />

      <section className="card" aria-labelledby="bank-by-level">
        <div className="card-head">
          <h2 id="bank-by-level">The bank by level</h2>
          <a className="link" href={href('library')}>
            Browse the library →
          </a>
        </div>
        <ul className="level-bars">
          {levels.map((l) => (
            <li key={l.level}>
              <a className="level-bar" href={`#/library?level=${encodeURIComponent(l.level)}`}>
                <LevelBadge level={l.level} />
                <span className="bar-track" aria-hidden="true">
                  <span
                    className={`bar-fill level-fill-${l.level.toLowerCase()}`}
                    style={{ width: `${(l.count / max) * 100}%` }}
                  />
                </span>
                <span className="bar-count">
                  {l.count} <span className="muted">{l.count === 1 ? 'question' : 'questions'}</span>
                </span>
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="decks-title">
        <h2 id="decks-title">Decks</h2>
        <ul className="deck-list">
          {decks.map((d) => (
            <li key={d.id} className="deck-item">
              <div>
                <a className="deck-name" href={`#/library?deck=${d.id}`}>
                  {d.name}
                </a>
                <p className="muted">{d.description}</p>
              </div>
              <span className="pill">{d.questionCount} questions</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
