import { useState } from 'react';
import clsx from 'clsx';
import type { StatsFilter } from '../../../shared/stats-types';
import { DrillDown, type DrillTarget } from '../charts/DrillDown';
import { RescoreNotice } from '../components/RescoreNotice';
import { StatsCharts } from '../components/stats/StatsCharts';
import { StatsFilters } from '../components/stats/StatsFilters';
import { StatsTiles } from '../components/stats/StatsTiles';
import { ErrorNote, Loading } from '../components/States';
import { keepPreviousData } from '@tanstack/react-query';
import { useApiQuery } from '../data/hooks';
import { STATS_FIRST_FILTER } from '../data/page-reads';
import styles from '../components/stats/Stats.module.css';

export default function StatsPage() {
  const [filter, setFilter] = useState<StatsFilter>(STATS_FIRST_FILTER);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const overview = useApiQuery('getBankSummary');
  // A new filter keeps the charts of the last one on screen, marked Updating, until its numbers arrive.
  const keep = { placeholderData: keepPreviousData };
  const levels = useApiQuery('getLevelStats', filter, keep);
  const keywords = useApiQuery('getKeywordStats', filter, keep);
  const activity = useApiQuery('getActivityStats', filter, keep);

  const error = levels.error ?? keywords.error ?? activity.error;
  if (error) {
    return (
      <ErrorNote
        error={error}
        onRetry={() => {
          void levels.refetch();
          void keywords.refetch();
          void activity.refetch();
        }}
      />
    );
  }
  const filtered = filter.range !== 'all' || !!filter.deckIds?.length || !!filter.levels?.length;
  const suffix = [filter.range, ...(filter.deckIds ?? []).map((d) => `deck${d}`), ...(filter.levels ?? [])].join('-');
  const updating = levels.isPlaceholderData || keywords.isPlaceholderData || activity.isPlaceholderData;
  const l = levels.data;
  const k = keywords.data;
  const a = activity.data;
  const nothingYet = l?.totals.attempts === 0 && !filtered;

  return (
    <div className={clsx('page', styles.statsPage)}>
      <header className={clsx('page-head', styles.statsHead)}>
        <div>
          <h1>Stats</h1>
          <p className="lead">Where you stand, by level and by keyword, and what to practise next.</p>
        </div>
      </header>
      <RescoreNotice />

      <StatsFilters filter={filter} onChange={setFilter} bank={overview.data} filtered={filtered} updating={updating} />
      {!l || !k || !a ? (
        <Loading />
      ) : (
        <>
          {nothingYet && (
            <div className={clsx('note', styles.noteInfo)} role="status">
              Your charts fill in as you practise: every answer you give and grade lands here, by level and by keyword.
            </div>
          )}
          <StatsTiles l={l} k={k} a={a} />

          <StatsCharts l={l} k={k} a={a} filter={filter} filtered={filtered} suffix={suffix} setDrill={setDrill} />
        </>
      )}
      {drill && <DrillDown filter={filter} target={drill} onClose={() => setDrill(null)} />}
    </div>
  );
}
