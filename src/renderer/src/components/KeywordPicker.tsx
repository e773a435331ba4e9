import { useMemo, useState } from 'react';
import type { KeywordCount } from '../../../shared/types';

/** Choose keywords from the bank: type to find, click to add, click a chip to remove. */
export function KeywordPicker({
  keywords,
  selected,
  onChange,
  compact = false,
}: {
  keywords: KeywordCount[];
  selected: number[];
  onChange: (ids: number[]) => void;
  /** Lists keywords only once something is typed (for forms where space is short). */
  compact?: boolean;
}) {
  const [text, setText] = useState('');
  const matches = useMemo(() => {
    const needle = text.trim().toLowerCase();
    const pool = keywords.filter((k) => !selected.includes(k.id));
    const found = needle
      ? pool.filter(
          (k) => k.label.toLowerCase().includes(needle) || k.aliases.some((a) => a.toLowerCase().includes(needle)),
        )
      : pool;
    return found.slice(0, needle ? 12 : 10);
  }, [keywords, selected, text]);
  const byId = new Map(keywords.map((k) => [k.id, k]));
  return (
    <div className="keyword-picker">
      {selected.length > 0 && (
        <ul className="chip-row" aria-label="Selected keywords">
          {selected.map((id) => (
            <li key={id}>
              <button
                type="button"
                className="chip chip-selected"
                onClick={() => onChange(selected.filter((s) => s !== id))}
                aria-label={`Remove keyword ${byId.get(id)?.label ?? id}`}
              >
                {byId.get(id)?.label ?? `#${id}`} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        type="search"
        className="input"
        placeholder={compact ? 'Type to find a keyword, e.g. Redis' : 'Find a keyword…'}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-label="Find a keyword"
      />
      {(!compact || text.trim()) && (
        <ul className="keyword-options" aria-label="Keywords">
          {matches.map((k) => (
            <li key={k.id}>
              <button
                type="button"
                className="keyword-option"
                onClick={() => {
                  onChange([...selected, k.id]);
                  setText('');
                }}
              >
                <span>{k.label}</span>
                <span className="muted">{k.questionCount}</span>
              </button>
            </li>
          ))}
          {matches.length === 0 && <li className="muted small">No keyword matches “{text}”.</li>}
        </ul>
      )}
    </div>
  );
}
