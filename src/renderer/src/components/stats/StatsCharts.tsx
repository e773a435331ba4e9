import type { ReactNode } from 'react';
import type { ActivityStats, KeywordStats, LevelStats, StatsFilter } from '../../../../shared/stats-types';
import type { DrillTarget } from '../../charts/DrillDown';
import { KeywordHeatmap, WeakestKeywordsChart } from '../../charts/KeywordCharts';
import { CalibrationChart, LevelChart } from '../../charts/LevelCharts';
import { QuestionTable } from '../../charts/QuestionTable';
import { ActivityCalendar, ScoreChart } from '../../charts/TimeCharts';
import { href } from '../../hooks/useRoute';
import styles from './Stats.module.css';

function Empty({ filtered, children }: { filtered: boolean; children: ReactNode }) {
  return (
    <div>
      <strong>{filtered ? 'Nothing here for this view' : 'No practice yet'}</strong>
      <p>
        {filtered
          ? 'No answers match these filters. Widen the date range, pick another deck or level, or practise some more.'
          : children}
      </p>
      <p>
        <a className="button button-small button-primary" href={href('practice')}>
          Start a practice session
        </a>
      </p>
    </div>
  );
}

/** Every chart of the view, each with its empty state; a bar, cell or label opens the drill-down. */
export function StatsCharts({
  l,
  k,
  a,
  filter,
  filtered,
  suffix,
  setDrill,
}: {
  l: LevelStats;
  k: KeywordStats;
  a: ActivityStats;
  filter: StatsFilter;
  filtered: boolean;
  /** The view in a file name: range, decks, levels. */
  suffix: string;
  setDrill: (target: DrillTarget) => void;
}) {
  return (
    <div className={styles.statsGrid}>
      <LevelChart
        stats={l}
        fileName={`levels-${suffix}`}
        empty={<Empty filtered={filtered}>Finish a practice session: your results at each level appear here.</Empty>}
        onSelect={(level) => setDrill({ level, title: level })}
      />
      <CalibrationChart
        stats={l}
        fileName={`calibration-${suffix}`}
        empty={
          <Empty filtered={filtered}>
            Grade the answers you type: this compares your grade with the keywords you named.
          </Empty>
        }
      />
      <WeakestKeywordsChart
        stats={k}
        fileName={`keywords-${suffix}`}
        empty={
          <Empty filtered={filtered}>
            Type your answers in a session: the keywords you name and miss are counted here.
          </Empty>
        }
        onSelect={(keywordId, label) => setDrill({ keywordId, title: label })}
      />
      <ScoreChart
        stats={a}
        fileName={`scores-${suffix}`}
        empty={
          <Empty filtered={filtered}>
            Finish a session and grade your answers: each session becomes a point on this chart.
          </Empty>
        }
      />
      <KeywordHeatmap
        stats={k}
        fileName={`level-keyword-${suffix}`}
        empty={
          <Empty filtered={filtered}>
            Once you have answered questions at a few levels, each keyword gets a row of cells here.
          </Empty>
        }
        onSelect={(level, keywordId, label) => setDrill({ level, keywordId, title: `${level} · ${label}` })}
      />
      <ActivityCalendar
        stats={a}
        fileName={`calendar-${suffix}`}
        empty={<Empty filtered={filtered}>Each day you practise lights up a square, and your streak starts.</Empty>}
      />
      <QuestionTable
        filter={filter}
        empty={
          <Empty filtered={filtered}>The questions you practise are listed here with their attempts and grades.</Empty>
        }
      />
    </div>
  );
}
