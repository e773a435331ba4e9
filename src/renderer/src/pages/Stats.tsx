import { useState } from 'react';
import clsx from 'clsx';
import type { StatsFilter } from '../../../shared/stats-types';
import { api } from '../api';
import { DrillDown, type DrillTarget } from '../charts/DrillDown';
import { RescoreNotice } from '../components/RescoreNotice';
import { StatsCharts } from '../components/stats/StatsCharts';
import { StatsFilters } from '../components/stats/StatsFilters';
import { StatsTiles } from '../components/stats/StatsTiles';
import { ErrorNote, Loading } from '../components/States';
import { useQuery } from '../hooks/useQuery';
import styles from '../components/stats/Stats.module.css';

export default function StatsPage() {
  const [filter, setFilter] = useState<StatsFilter>({ range: 'all' });
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const key = JSON.stringify(filter);
  const overview = useQuery(() => api.getBankSummary(), 'bank-summary');
  const levels = useQuery(() => api.getLevelStats(filter), `levels${key}`);
  const keywords = useQuery(() => api.getKeywordStats(filter), `keywords${key}`);
  const activity = useQuery(() => api.getActivityStats(filter), `activity${key}`);

  const error = levels.error ?? keywords.error ?? activity.error;
  if (error) {
    return (
      <ErrorNote
        error={error}
        onRetry={() => {
          levels.reload();
          keywords.reload();
          activity.reload();
        }}
      />
    );
  }
  const filtered = filter.range !== 'all' || !!filter.deckIds?.length || !!filter.levels?.length;
  const suffix = [filter.range, ...(filter.deckIds ?? []).map((d) => `deck${d}`), ...(filter.levels ?? [])].join('-');
  const loading = levels.loading || keywords.loading || activity.loading;
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
      <RescoreNotice
        onRescored={() => {
          levels.reload();
          keywords.reload();
          activity.reload();
        }}
      />

      <StatsFilters
        filter={filter}
        onChange={setFilter}
        bank={overview.data}
        filtered={filtered}
        updating={loading && !!l}
      />
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
