import type { LibraryOverview } from '../../../../shared/types';
import styles from './Practice.module.css';

const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

/** One checkbox per deck; every deck ticked is kept as "no deck chosen" (all, new decks included). */
export function DeckChecks({
  decks,
  selected,
  onChange,
}: {
  decks: LibraryOverview['decks'];
  selected: number[];
  onChange: (deckIds: number[]) => void;
}) {
  return (
    <div className={styles.formRow}>
      <span className="field-label" id="decks-label">
        Decks
      </span>
      <div className={styles.checkList} role="group" aria-labelledby="decks-label">
        {decks.map((d) => (
          <label key={d.id} className="check">
            <input
              type="checkbox"
              checked={selected.length === 0 || selected.includes(d.id)}
              onChange={() => {
                const all = decks.map((x) => x.id);
                const next = toggle(selected.length === 0 ? all : selected, d.id);
                onChange(next.length === all.length ? [] : next);
              }}
            />
            {d.name} <span className="muted">{d.questionCount}</span>
          </label>
        ))}
      </div>
    </div>
  );
}
