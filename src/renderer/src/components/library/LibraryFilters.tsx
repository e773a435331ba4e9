import type { DeckSummary, KeywordCount, LevelCount } from '../../../../shared/types';
import type { Filters } from '../../lib/library-filters';
import { KeywordPicker } from '../KeywordPicker';
import { LevelToggles } from '../LevelToggles';
import styles from './Library.module.css';

/** The Library's side bar: deck, levels and keywords, "Clear filters", and the way to "Recently deleted". */
export function LibraryFilters({
  filters,
  decks,
  levels,
  keywords,
  filtered,
  deletedCount,
  onChange,
  onClear,
  onShowDeleted,
}: {
  filters: Filters;
  decks: DeckSummary[];
  levels: LevelCount[];
  keywords: KeywordCount[];
  filtered: boolean;
  deletedCount: number | undefined;
  onChange: (patch: Partial<Filters>) => void;
  onClear: () => void;
  onShowDeleted: () => void;
}) {
  return (
    <aside className={styles.filters} aria-label="Filters">
      <h1 className={styles.filtersTitle}>Library</h1>
      <label className="field">
        <span className="field-label">Deck</span>
        <select
          className="input"
          value={filters.deck ?? ''}
          onChange={(e) => onChange({ deck: e.target.value ? Number(e.target.value) : undefined })}
        >
          <option value="">All decks</option>
          {decks.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} ({d.questionCount})
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field">
        <legend className="field-label">Level</legend>
        <LevelToggles levels={levels} selected={filters.levels} onChange={(l) => onChange({ levels: l })} />
      </fieldset>
      <div className="field">
        <span className="field-label">Keywords</span>
        <KeywordPicker
          keywords={keywords}
          selected={filters.keywordIds}
          onChange={(ids) => onChange({ keywordIds: ids })}
        />
      </div>
      {filtered && (
        <button type="button" className="button button-ghost" onClick={onClear}>
          Clear filters
        </button>
      )}
      <button
        type="button"
        className={`button button-ghost button-small ${styles.deletedLink}`}
        onClick={onShowDeleted}
      >
        Recently deleted{deletedCount !== undefined ? ` (${deletedCount})` : ''}
      </button>
    </aside>
  );
}
