import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { KeywordCount } from '../../../shared/types';
import styles from './KeywordPicker.module.css';

/** The keywords not yet chosen whose label or an alias contains the typed text: 12 at most, 10 before typing. */
function matchingKeywords(keywords: KeywordCount[], selected: number[], text: string): KeywordCount[] {
  const needle = text.trim().toLowerCase();
  const pool = keywords.filter((k) => !selected.includes(k.id));
  const found = needle
    ? pool.filter(
        (k) => k.label.toLowerCase().includes(needle) || k.aliases.some((a) => a.toLowerCase().includes(needle)),
      )
    : pool;
  return found.slice(0, needle ? 12 : 10);
}

/**
 * Choose keywords from the bank: an ARIA 1.2 combobox. Type to narrow the list, ArrowDown and
 * ArrowUp move through it, Enter adds the keyword (so does a click), Escape clears the text;
 * a chosen keyword is a chip, and clicking the chip removes it.
 */
export function KeywordPicker({
  keywords,
  selected,
  onChange,
  compact = false,
}: {
  keywords: KeywordCount[];
  selected: number[];
  onChange: (ids: number[]) => void;
  /** Lists keywords only once something is typed or ArrowDown is pressed (for forms where space is short). */
  compact?: boolean;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [opened, setOpened] = useState(false);
  const [active, setActive] = useState(-1);
  const matches = useMemo(() => matchingKeywords(keywords, selected, text), [keywords, selected, text]);
  const expanded = !compact || opened || text.trim() !== '';
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const current = expanded && active >= 0 && active < matches.length ? active : -1;

  useEffect(() => {
    if (current >= 0) document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  });

  const choose = (keyword: KeywordCount) => {
    onChange([...selected, keyword.id]);
    setText('');
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpened(true);
      setActive((a) => Math.min(matches.length - 1, (expanded ? a : -1) + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (event.key === 'Enter') {
      // Enter never submits a form around the picker: it adds the keyword that is highlighted.
      event.preventDefault();
      const keyword = current >= 0 ? matches[current] : matches.length === 1 ? matches[0] : undefined;
      if (keyword) choose(keyword);
    } else if (event.key === 'Escape') {
      if (text || opened) event.preventDefault();
      setText('');
      setOpened(false);
      setActive(-1);
    }
  };

  return (
    <div className={styles.keywordPicker}>
      {selected.length > 0 && (
        <SelectedKeywords
          keywords={keywords}
          selected={selected}
          onRemove={(sid) => onChange(selected.filter((s) => s !== sid))}
        />
      )}
      <input
        type="text"
        role="combobox"
        className="input"
        placeholder={compact ? 'Type to find a keyword, e.g. Redis' : 'Find a keyword…'}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpened(false);
          setActive(-1);
        }}
        aria-label="Find a keyword"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={current >= 0 ? optionId(current) : undefined}
        autoComplete="off"
        spellCheck={false}
      />
      <ul
        className={styles.keywordOptions}
        id={listId}
        role="listbox"
        aria-label="Keywords"
        hidden={!expanded || matches.length === 0}
      >
        {expanded &&
          matches.map((k, i) => (
            <li
              key={k.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              className={`${styles.keywordOption} ${i === current ? styles.keywordOptionActive : ''}`}
              // The input keeps focus (and the combobox its state) while an option is clicked.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(k)}
            >
              <span>{k.label}</span>
              <span className="muted">{k.questionCount}</span>
            </li>
          ))}
      </ul>
      {expanded && matches.length === 0 && (
        <p className={`muted small ${styles.keywordNone}`} role="status">
          {text.trim() ? `No keyword matches “${text.trim()}”.` : 'Every keyword is chosen.'}
        </p>
      )}
    </div>
  );
}

/** The chosen keywords as chips; clicking one removes it. */
function SelectedKeywords({
  keywords,
  selected,
  onRemove,
}: {
  keywords: KeywordCount[];
  selected: number[];
  onRemove: (id: number) => void;
}) {
  const byId = new Map(keywords.map((k) => [k.id, k]));
  return (
    <ul className="chip-row" aria-label="Selected keywords">
      {selected.map((sid) => (
        <li key={sid}>
          <button
            type="button"
            className="chip chip-selected"
            onClick={() => onRemove(sid)}
            aria-label={`Remove keyword ${byId.get(sid)?.label ?? sid}`}
          >
            {byId.get(sid)?.label ?? `#${sid}`} <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
