import type { ImportPreview } from '../../../../shared/transfer';
import { plural } from '../../lib/format';
import styles from './Import.module.css';

const unique = (list: readonly string[]): string[] => [...new Set(list)];

interface Props {
  preview: ImportPreview;
  /** The levels a question can go to: the target deck's, then the default ones. */
  choices: string[];
  /** '' keeps each question's own level. */
  levelOverride: string;
  levelMap: Record<string, string>;
  set: (patch: { levelOverride?: string; levelMap?: Record<string, string> }) => void;
}

/**
 * Where the levels of the file go in the deck: for each level the file names (and, for an article, the headings
 * that named it), the deck level it becomes; or, for an article with no level headings, the one level of all.
 */
export function ImportLevels(props: Props) {
  const { preview, levelOverride } = props;
  if (preview.noLevelHints) return <OneLevel {...props} />;
  if (levelOverride || preview.levels.length === 0) return null;
  return <LevelMapping {...props} />;
}

function LevelMapping({ preview, choices, levelMap, set }: Props) {
  return (
    <div className={styles.importLevels} role="group" aria-label="Levels">
      <p className="section-label">Levels in the file → levels in the deck</p>
      <ul>
        {preview.levels.map((l) => (
          <li key={l.source}>
            <span className={styles.importLevelSource}>
              <strong>{l.source}</strong>
              <span className="muted small">{plural(l.count, 'question')}</span>
              {l.hints.length > 0 && (
                <span className={`muted small ${styles.importLevelHints}`} title={l.hints.join('\n')}>
                  from {l.hints.map((h) => `“${h}”`).join(', ')}
                </span>
              )}
            </span>
            <span aria-hidden="true" className="muted">
              →
            </span>
            <select
              className={`input ${styles.inputCompact}`}
              aria-label={`Level for ${l.source} questions`}
              value={levelMap[l.source] ?? l.level}
              onChange={(e) => {
                const next = { ...levelMap };
                if (e.target.value === l.source) delete next[l.source];
                else next[l.source] = e.target.value;
                set({ levelMap: next });
              }}
            >
              {unique([l.source, ...choices]).map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** An article that names no level: one line that says so, and the one level its questions go to. */
function OneLevel({ preview, choices, levelOverride, set }: Props) {
  const current = levelOverride || preview.levels[0]?.level || choices[0] || '';
  return (
    <div className={styles.importLevels} role="group" aria-label="Levels">
      <p className="section-label">Levels in the file → levels in the deck</p>
      <p className={styles.importOneLevel}>
        <span>This article has no level headings: every question goes to one level.</span>
        <select
          className={`input ${styles.inputCompact}`}
          aria-label="Level for every question"
          value={current}
          onChange={(e) => set({ levelOverride: e.target.value })}
        >
          {unique([current, ...choices]).map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </p>
    </div>
  );
}
