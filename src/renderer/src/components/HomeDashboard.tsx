import { useMutation } from '@tanstack/react-query';
import type { HomeStats } from '../../../shared/stats-types';
import { apiQuery, queryClient } from '../data/client';
import { heatFill, pct } from '../charts/format';
import { count, gradeScoreText } from '../lib/format';
import { practiseQuestions } from '../lib/practice';
import { href } from '../hooks/useRoute';
import { Tile, TileNote } from './Tile';
import styles from './HomeDashboard.module.css';

/** Home's glance at the record: this week, the streak, the three weakest keywords, the last session. */
export function HomeDashboard({ stats: s }: { stats: HomeStats }) {
  // A keyword's questions, then a session of them: one action, with one busy and error state.
  const practise = useMutation({
    mutationFn: async (keywordId: number) => {
      const input = { range: 'all', keywordId, limit: 100 } as const;
      const { questionIds } = await queryClient.fetchQuery(apiQuery('getStatsAttempts', input));
      await practiseQuestions(questionIds);
    },
  });

  return (
    <section className={styles.dashboard} aria-label="Your practice">
      <Tile
        label="This week"
        value={s.sessionsThisWeek}
        testId="home-sessions-week"
        note={`${s.sessionsThisWeek === 1 ? 'session' : 'sessions'} since Monday`}
      />
      <Tile
        label="Streak"
        value={`${s.streak} ${s.streak === 1 ? 'day' : 'days'}`}
        testId="home-streak"
        note={
          s.practisedToday
            ? 'practised today'
            : s.streak > 0
              ? 'practise today to keep it'
              : 'practise today to start one'
        }
      />
      <Tile label="Weakest keywords" className={styles.weak}>
        {s.weakestKeywords.length === 0 ? (
          <TileNote>
            Keywords you miss show up here once each has been asked {s.minAttempts} times.{' '}
            <a className="link" href={href('practice')}>
              Practise now →
            </a>
          </TileNote>
        ) : (
          <WeakestKeywords keywords={s.weakestKeywords} busy={practise.isPending} onPractise={practise.mutate} />
        )}
        {s.weakestKeywords.length > 0 && (
          <TileNote>
            How often you named each when a question called for it.{' '}
            <a className="link" href={href('stats')}>
              All keywords →
            </a>
          </TileNote>
        )}
        {practise.error && <TileNote>{practise.error.message}</TileNote>}
      </Tile>
      <Tile
        label="Last session"
        value={s.lastSession ? pct(s.lastSession.keywordScore) : undefined}
        testId="home-last-session"
        note={
          s.lastSession ? (
            <>
              keywords named · self-grade {gradeScoreText(s.lastSession.gradeScore)} ·{' '}
              <a className="link" href={href('results', { id: s.lastSession.id })}>
                {s.lastSession.answered} of {s.lastSession.total} answered →
              </a>
            </>
          ) : (
            'No session finished yet.'
          )
        }
      />
      <Tile
        label="All answers"
        value={count(s.totalAttempts)}
        note={
          <a className="link" href={href('stats')}>
            See your stats →
          </a>
        }
      />
    </section>
  );
}

/** The weakest keywords, each with how often it was named and a button to practise its questions. */
function WeakestKeywords({
  keywords,
  busy,
  onPractise,
}: {
  keywords: HomeStats['weakestKeywords'];
  /** A session is being started: every Practise button waits. */
  busy: boolean;
  onPractise: (keywordId: number) => void;
}) {
  return (
    <ul className={styles.weakList} aria-label="Weakest keywords">
      {keywords.map((k) => (
        <li key={k.keywordId} className={styles.weakItem}>
          <span className={styles.keyword}>{k.label}</span>
          <span className={styles.weakBar} title={`named ${k.hits} of ${k.asked} times`}>
            <span style={{ width: `${Math.max(4, k.hitRate * 100)}%`, background: heatFill(k.hitRate) }} />
          </span>
          <span className={styles.weakRate}>{pct(k.hitRate)}</span>
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            onClick={() => onPractise(k.keywordId)}
            aria-label={`Practise ${k.label}`}
          >
            Practise
          </button>
        </li>
      ))}
    </ul>
  );
}
