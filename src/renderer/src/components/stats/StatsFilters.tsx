import { STATS_RANGES, type StatsFilter, type StatsRange } from '../../../../shared/stats-types';
import type { BankSummary } from '../../../../shared/types';
import { Segmented } from '../Segmented';
import styles from './Stats.module.css';

const RANGE_LABELS: Record<StatsRange, string> = {
  '7d': '7 days',
  '30d': '30 days',
  '90d': '90 days',
  all: 'All time',
};
const RANGE_OPTIONS = STATS_RANGES.map((r) => ({ value: r, label: RANGE_LABELS[r] }));

/** The date range, deck and level the Stats page shows, with Clear when any is set. */
export function StatsFilters({
  filter,
  onChange,
  bank,
  filtered,
  updating,
}: {
  filter: StatsFilter;
  onChange: (filter: StatsFilter) => void;
  bank: BankSummary | undefined;
  filtered: boolean;
  updating: boolean;
}) {
  const decks = bank?.decks ?? [];
  const levelNames = bank?.levels.map((l) => l.level) ?? [];
  const setFilter = onChange;
  return (
    <div className={styles.statsFilters} role="group" aria-label="Filters">
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
      <span className={styles.filterSpacer} />
      {updating && <span className="muted small">Updating…</span>}
      {filtered && (
        <button type="button" className="button button-small button-ghost" onClick={() => setFilter({ range: 'all' })}>
          Clear filters
        </button>
      )}
    </div>
  );
}
