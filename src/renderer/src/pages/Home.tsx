import { useState } from 'react';
import { LevelBadge } from '../components/LevelBadge';
import { ErrorNote, Loading } from '../components/States';
import { useApiQuery } from '../data/hooks';
import { href } from '../hooks/useRoute';
import { ResumeBanner } from '../components/ResumeBanner';
import { HomeDashboard } from '../components/HomeDashboard';
import { ReviewCard } from '../components/ReviewCard';
import type { BankSummary } from '../../../shared/types';
import { RescoreNotice } from '../components/RescoreNotice';
import { useStartPractice } from '../lib/practice';
import { count, plural } from '../lib/format';
import clsx from 'clsx';
import styles from './Home.module.css';

/** Each known level's bar in its colour; another level keeps the neutral fill. */
const LEVEL_FILL: Record<string, string | undefined> = {
  beginner: styles.fillBeginner,
  intermediate: styles.fillIntermediate,
  advanced: styles.fillAdvanced,
  scenario: styles.fillScenario,
};

/** A fresh install: what Prepdeck does, and the one step that starts it. */
function FirstStep() {
  const quick = useStartPractice();
  return (
    <section className={clsx('card', styles.firstStep)} aria-labelledby="first-step-title">
      <h2 id="first-step-title">Your first step: a Quick 5</h2>
      <p>
        Five questions from every level, one at a time against the clock. Type your answer as you would say it, then see
        the model answer with the keywords you named and missed, and grade yourself. Your charts start with it.
      </p>
      <div className={styles.firstStepActions}>
        <button
          type="button"
          className="button button-primary button-large"
          disabled={quick.isPending}
          onClick={() => quick.mutate({ count: 5, order: 'random' })}
        >
          Start a Quick 5
        </button>
        <a className="button button-large" href={href('practice')}>
          Set up your own session
        </a>
        <a className="link" href={href('library')}>
          Browse the questions first →
        </a>
      </div>
      {quick.error && <p className="error-text">{quick.error.message}</p>}
    </section>
  );
}

/** Home's calls are started before the first render (main.tsx), together: none waits for another. */
export function HomePage() {
  const bank = useApiQuery('getBankSummary');
  const stats = useApiQuery('getHomeStats');
  if (bank.error) return <ErrorNote error={bank.error} onRetry={() => void bank.refetch()} />;
  if (stats.error) return <ErrorNote error={stats.error} onRetry={() => void stats.refetch()} />;
  if (!bank.data || !stats.data) return <Loading />;
  const { questionCount, decks, keywordCount } = bank.data;
  // A fresh install: nothing answered yet, so nothing to look back on.
  const fresh = stats.data.totalAttempts === 0 && stats.data.lastSession === null;
  return (
    <div className="page">
      <ResumeBanner />
      <header className="page-head">
        <div>
          <h1>{fresh ? 'Welcome' : 'Welcome back'}</h1>
          <p className="lead">
            {fresh ? 'Timed mock interviews from a bank of ' : 'Your bank holds '}
            <strong data-testid="bank-size">{count(questionCount)}</strong> questions in {plural(decks.length, 'deck')},
            scored against {count(keywordCount)} technical keywords.
          </p>
        </div>
        {!fresh && (
          <a className="button button-primary button-large" href={href('practice')}>
            Start practising
          </a>
        )}
      </header>
      <RescoreNotice />
      {fresh ? <FirstStep /> : <HomeDashboard stats={stats.data} />}
      <ReviewCard />
      <Bank bank={bank.data} />
    </div>
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
        <ul className={styles.levelBars}>
          {levels.map((l) => (
            <li key={l.level}>
              <a className={styles.levelBar} href={href('library', { level: [l.level] })}>
                <LevelBadge level={l.level} />
                <span className={styles.barTrack} aria-hidden="true">
                  <span
                    className={clsx(styles.barFill, LEVEL_FILL[l.level.toLowerCase()])}
                    style={{ width: `${(l.count / max) * 100}%` }}
                  />
                </span>
                <span className={styles.barCount}>
                  {count(l.count)} <span className="muted">{l.count === 1 ? 'question' : 'questions'}</span>
                </span>
              </a>
            </li>
          ))}
        </ul>
      </section>

      <DeckList decks={decks} />
    </>
  );
}

/** Decks Home lists before "Show all": a glance, not the whole of a bank that may hold hundreds. */
const DECKS_AT_A_GLANCE = 8;

function DeckList({ decks }: { decks: BankSummary['decks'] }) {
  const [all, setAll] = useState(false);
  const shown = all ? decks : decks.slice(0, DECKS_AT_A_GLANCE);
  const more = decks.length > DECKS_AT_A_GLANCE;
  return (
    <section className="card" aria-labelledby="decks-title">
      <div className="card-head">
        <h2 id="decks-title">Decks</h2>
        <a className="link" href={href('decks')}>
          Manage decks →
        </a>
      </div>
      <ul className="deck-list" id="home-decks">
        {shown.map((d) => (
          <li key={d.id} className="deck-item">
            <div>
              <a className="deck-name" href={href('library', { deck: d.id })}>
                {d.name}
              </a>
              <p className="muted">{d.description}</p>
            </div>
            <span className="pill">{plural(d.questionCount, 'question')}</span>
          </li>
        ))}
      </ul>
      {more && (
        <div className={styles.deckListFoot}>
          <span className="muted small">
            {all
              ? `Showing all ${count(decks.length)} decks.`
              : `Showing ${DECKS_AT_A_GLANCE} of ${count(decks.length)} decks.`}
          </span>
          <button
            type="button"
            className="button button-small"
            aria-expanded={all}
            aria-controls="home-decks"
            onClick={() => setAll(!all)}
          >
            {all ? 'Show fewer' : `Show all ${count(decks.length)}`}
          </button>
        </div>
      )}
    </section>
  );
}
