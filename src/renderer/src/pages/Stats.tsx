import { useState, type ReactNode } from 'react';
import '../styles/stats.css';
import { api } from '../api';
import { ActivityCalendar, ScoreChart } from '../charts/TimeCharts';
import { CalibrationChart, LevelChart } from '../charts/LevelCharts';
import { DrillDown, type DrillTarget } from '../charts/DrillDown';
import { KeywordHeatmap, WeakestKeywordsChart } from '../charts/KeywordCharts';
import { QuestionTable } from '../charts/QuestionTable';
import { grade, num, pct } from '../charts/format';
import { RescoreNotice } from '../components/RescoreNotice';
import { Segmented } from '../components/Segmented';
import { ErrorNote, Loading } from '../components/States';
import { useQuery } from '../hooks/useQuery';
import { href } from '../hooks/useRoute';
import { STATS_RANGES, type StatsFilter, type StatsRange } from '../../../shared/stats-types';

const RANGE_LABELS: Record<StatsRange, string> = {
  '7d': '7 days',
  '30d': '30 days',
  '90d': '90 days',
  all: 'All time',
};
const RANGE_OPTIONS = STATS_RANGES.map((r) => ({ value: r, label: RANGE_LABELS[r] }));

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

function Tile({ label, value, note, testId }: { label: string; value: ReactNode; note: ReactNode; testId?: string }) {
  // A word (a keyword's name) may be longer than a number: it is set smaller, and wraps.
  const word = typeof value === 'string' && /[a-z]{4}/i.test(value);
  return (
    <div className="tile">
      <span className="tile-label">{label}</span>
      <span className={word ? 'tile-value tile-value-word' : 'tile-value'} data-testid={testId}>
        {value}
      </span>
      <span className="tile-note">{note}</span>
    </div>
  );
}

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
  const decks = overview.data?.decks ?? [];
  const levelNames = overview.data?.levels.map((l) => l.level) ?? [];
  const l = levels.data;
  const k = keywords.data;
  const a = activity.data;
  const nothingYet = l?.totals.attempts === 0 && !filtered;

  return (
    <div className="page stats-page">
      <header className="page-head stats-head">
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

      <div className="stats-filters" role="group" aria-label="Filters">
        <Segmented
          label="Date range"
          value={filter.range}
          options={RANGE_OPTIONS}
          onChange={(range) => setFilter({ ...filter, range })}
        />
        <select
          className="select"
          aria-label="Deck"
          value={filter.deckIds?.[0] ?? ''}
          onChange={(e) => setFilter({ ...filter, deckIds: e.target.value ? [Number(e.target.value)] : undefined })}
        >
          <option value="">All decks</option>
          {decks.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        <select
          className="select"
          aria-label="Level"
          value={filter.levels?.[0] ?? ''}
          onChange={(e) => setFilter({ ...filter, levels: e.target.value ? [e.target.value] : undefined })}
        >
          <option value="">All levels</option>
          {levelNames.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <span className="filter-spacer" />
        {loading && l && <span className="muted small">Updating…</span>}
        {filtered && (
          <button
            type="button"
            className="button button-small button-ghost"
            onClick={() => setFilter({ range: 'all' })}
          >
            Clear filters
          </button>
        )}
      </div>

      {!l || !k || !a ? (
        <Loading />
      ) : (
        <>
          {nothingYet && (
            <div className="note note-info" role="status">
              Your charts fill in as you practise: every answer you give and grade lands here, by level and by keyword.
            </div>
          )}
          <div className="stats-tiles">
            <Tile
              label="Answers"
              testId="tile-answers"
              value={num(l.totals.attempts)}
              note={`${num(l.totals.graded)} graded`}
            />
            <Tile
              label="Keywords named"
              testId="tile-keywords"
              value={pct(l.totals.meanKeywordScore)}
              note={`mean of ${num(l.totals.scored)} typed answers`}
            />
            <Tile
              label="Good or Nailed"
              testId="tile-good"
              value={pct(l.totals.goodShare)}
              note={`mean self-grade ${grade(l.totals.meanGrade)}`}
            />
            <Tile
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
            <Tile
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

          <div className="stats-grid">
            <LevelChart
              stats={l}
              fileName={`levels-${suffix}`}
              empty={
                <Empty filtered={filtered}>Finish a practice session: your results at each level appear here.</Empty>
              }
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
              empty={
                <Empty filtered={filtered}>Each day you practise lights up a square, and your streak starts.</Empty>
              }
            />
            <QuestionTable
              filter={filter}
              empty={
                <Empty filtered={filtered}>
                  The questions you practise are listed here with their attempts and grades.
                </Empty>
              }
            />
          </div>
        </>
      )}
      {drill && <DrillDown filter={filter} target={drill} onClose={() => setDrill(null)} />}
    </div>
  );
}
