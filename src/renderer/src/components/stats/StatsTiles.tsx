import type { ReactNode } from 'react';
import type { ActivityStats, KeywordStats, LevelStats } from '../../../../shared/stats-types';
import { grade, num, pct } from '../../charts/format';
import { Tile } from '../Tile';
import styles from './Stats.module.css';

/** A summary tile; a value that is a word (a keyword's name) is set smaller and wraps. */
function StatTile(props: { label: string; value: ReactNode; note: ReactNode; testId?: string }) {
  return <Tile {...props} word={typeof props.value === 'string' && /[a-z]{4}/i.test(props.value)} />;
}

/** The view in five numbers: answers, keywords named, Good or Nailed, the weakest keyword, the streak. */
export function StatsTiles({ l, k, a }: { l: LevelStats; k: KeywordStats; a: ActivityStats }) {
  return (
    <div className={styles.statsTiles}>
      <StatTile
        label="Answers"
        testId="tile-answers"
        value={num(l.totals.attempts)}
        note={`${num(l.totals.graded)} graded`}
      />
      <StatTile
        label="Keywords named"
        testId="tile-keywords"
        value={pct(l.totals.meanKeywordScore)}
        note={`mean of ${num(l.totals.scored)} typed answers`}
      />
      <StatTile
        label="Good or Nailed"
        testId="tile-good"
        value={pct(l.totals.goodShare)}
        note={`mean self-grade ${grade(l.totals.meanGrade)}`}
      />
      <StatTile
        label="Weakest keyword"
        value={k.weakest[0]?.label ?? '—'}
        note={
          k.weakest[0]
            ? `named ${pct(k.weakest[0].hitRate)} of ${num(k.weakest[0].asked)} times`
            : k.rankableKeywords > 0
              ? 'every keyword named each time'
              : `needs ${k.minAttempts}+ asks`
        }
      />
      <StatTile
        label="Streak"
        testId="tile-streak"
        value={`${a.streak} ${a.streak === 1 ? 'day' : 'days'}`}
        note={
          a.practisedToday
            ? 'practised today'
            : a.streak > 0
              ? 'practise today to keep it'
              : 'practise today to start one'
        }
      />
    </div>
  );
}
