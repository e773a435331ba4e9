import type { BankSummary } from '../../../shared/types';
import { api } from '../api';
import { LevelBadge } from '../components/LevelBadge';
import { ErrorNote, Loading } from '../components/States';
import { useQuery } from '../hooks/useQuery';
import { href } from '../hooks/useRoute';
import { ResumeBanner } from '../components/ResumeBanner';
import { HomeDashboard } from '../components/HomeDashboard';
import { ReviewCard } from '../components/ReviewCard';

/**
 * Home's cards are mounted with the page, so all of its calls start together: none waits for the bank
 * summary to arrive before asking for its own numbers.
 */
export function HomePage() {
  const bank = useQuery(() => api.getBankSummary(), 'bank-summary');
  return (
    <div className="page">
      {bank.error ? (
        <ErrorNote error={bank.error} onRetry={bank.reload} />
      ) : bank.data ? (
        <BankHead bank={bank.data} />
      ) : (
        <Loading />
      )}
      <HomeDashboard />
      <ResumeBanner />
      <ReviewCard />
      {bank.data && <Bank bank={bank.data} />}
    </div>
  );
}

function BankHead({ bank }: { bank: BankSummary }) {
  const { questionCount, decks, keywordCount } = bank;
  return (
    <header className="page-head">
      <div>
        <h1>Welcome back</h1>
        <p className="lead">
          Your bank holds <strong data-testid="bank-size">{questionCount}</strong> questions in {decks.length}{' '}
          {decks.length === 1 ? 'deck' : 'decks'}, scored against {keywordCount} technical keywords.
        </p>
      </div>
      <a className="button button-primary button-large" href={href('practice')}>
        Start practising
      </a>
    </header>
  );
}

function Bank({ bank }: { bank: BankSummary }) {
  const { decks, levels } = bank;
  const max = Math.max(1, ...levels.map((l) => l.count));
  return (
    <>
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
    </>
  );
}
