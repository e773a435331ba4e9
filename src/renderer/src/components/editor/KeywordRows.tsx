import type { Dispatch, SetStateAction } from 'react';
import { hasKeywordSeparator } from '../../../../shared/api';
import type { KeywordCount } from '../../../../shared/types';
import { EMPTY_ROW, relabel, type KeywordRow } from './keyword-rows';
import styles from './Editor.module.css';

/** The border of a field whose value is refused. */
const INVALID = { borderColor: 'var(--bad)' } as const;

/**
 * The keywords a good answer names, one row each (keyword, aliases, weight), offered from the deck's
 * own keywords first and then the rest of the bank's. `uid` prefixes the ids Save focuses.
 */
export function KeywordRows({
  uid,
  rows,
  setRows,
  problems,
  keywords,
  ownKeywords,
}: {
  uid: string;
  rows: KeywordRow[];
  setRows: Dispatch<SetStateAction<KeywordRow[]>>;
  problems: Array<string | null>;
  /** Every keyword in use: where a typed keyword's aliases come from. */
  keywords: KeywordCount[];
  ownKeywords: KeywordCount[];
}) {
  const ownIds = new Set(ownKeywords.map((k) => k.id));
  const updateRow = (index: number, next: (row: KeywordRow) => KeywordRow) =>
    setRows((list) => list.map((row, i) => (i === index ? next(row) : row)));
  return (
    <fieldset className="field">
      <legend className="field-label">Keywords a good answer names</legend>
      <datalist id={`${uid}-keywords`}>
        {ownKeywords.map((k) => (
          <option key={k.id} value={k.label} />
        ))}
        {keywords
          .filter((k) => !ownIds.has(k.id))
          .map((k) => (
            <option key={k.id} value={k.label} label={`${k.label} — from other decks`} />
          ))}
      </datalist>
      <ul className={styles.keywordRows}>
        {rows.map((row, index) => (
          <KeywordRowItem
            key={index}
            uid={uid}
            index={index}
            row={row}
            problem={problems[index] ?? null}
            onLabel={(label) => updateRow(index, (r) => relabel(r, label, keywords))}
            onChange={(patch) => updateRow(index, (r) => ({ ...r, ...patch }))}
            onRemove={() => setRows((list) => list.filter((_, i) => i !== index))}
          />
        ))}
      </ul>
      {rows.every((r) => !r.label.trim()) && (
        <p className="note small" data-testid="no-keywords-note">
          No keywords yet: you can save the question, but answers to it cannot be scored until it has keywords (they
          show “no keywords to score”, and count in no keyword chart).
        </p>
      )}
      <p className="muted small" id={`${uid}-alias-hint`}>
        Aliases belong to the keyword, not to this question: they apply to every question that uses it, in every deck.
      </p>
      <button type="button" className="button button-small" onClick={() => setRows((list) => [...list, EMPTY_ROW])}>
        Add keyword
      </button>
    </fieldset>
  );
}

function KeywordRowItem({
  uid,
  index,
  row,
  problem,
  onLabel,
  onChange,
  onRemove,
}: {
  uid: string;
  index: number;
  row: KeywordRow;
  problem: string | null;
  onLabel: (label: string) => void;
  onChange: (patch: Partial<KeywordRow>) => void;
  onRemove: () => void;
}) {
  const labelBad = hasKeywordSeparator(row.label);
  const aliasesBad = problem !== null && !labelBad;
  return (
    <li>
      <div className={styles.keywordRow}>
        <input
          className="input"
          id={`${uid}-keyword-${index}`}
          list={`${uid}-keywords`}
          aria-label={`Keyword ${index + 1}`}
          aria-invalid={labelBad || undefined}
          style={labelBad ? INVALID : undefined}
          aria-describedby={labelBad ? `${uid}-problem-${index}` : undefined}
          placeholder="Keyword"
          value={row.label}
          onChange={(e) => onLabel(e.target.value)}
        />
        <input
          className="input"
          id={`${uid}-aliases-${index}`}
          aria-label={`Aliases of keyword ${index + 1}`}
          aria-invalid={aliasesBad || undefined}
          style={aliasesBad ? INVALID : undefined}
          aria-describedby={aliasesBad ? `${uid}-problem-${index} ${uid}-alias-hint` : `${uid}-alias-hint`}
          placeholder="Other ways to say it, comma-separated"
          value={row.aliases}
          onChange={(e) => onChange({ aliases: e.target.value })}
        />
        <select
          className="input"
          aria-label={`Weight of keyword ${index + 1}`}
          value={row.weight}
          onChange={(e) => onChange({ weight: Number(e.target.value) })}
        >
          {[1, 2, 3, 4, 5].map((w) => (
            <option key={w} value={w}>
              ×{w}
            </option>
          ))}
        </select>
        <button type="button" className="icon-button" aria-label={`Remove keyword ${index + 1}`} onClick={onRemove}>
          ×
        </button>
      </div>
      {problem && (
        <p className="error-text small" id={`${uid}-problem-${index}`}>
          {problem}
        </p>
      )}
    </li>
  );
}
