import type { ColumnMapping, ImportPreview } from '../../../../shared/transfer';
import type { Options } from './import-request';
import styles from './Import.module.css';

const ROLES: Array<{ key: keyof ColumnMapping; label: string; required: boolean }> = [
  { key: 'prompt', label: 'Question', required: true },
  { key: 'answer', label: 'Answer', required: true },
  { key: 'level', label: 'Level', required: false },
  { key: 'keywords', label: 'Keywords', required: false },
  { key: 'tags', label: 'Tags', required: false },
];

/** A CSV or TSV import: which column holds what, over the first rows of the file. */
export function ColumnMappingView({
  table,
  options,
  set,
}: {
  table: NonNullable<ImportPreview['table']>;
  options: Options;
  set: (patch: Partial<Options>) => void;
}) {
  const mapping = options.mapping ?? table.mapping;
  const columns = Array.from({ length: table.columnCount }, (_, i) => i);
  const columnName = (i: number) => table.header?.[i] || `Column ${i + 1}`;
  const rolesOf = (i: number) => ROLES.filter((r) => mapping[r.key] === i);
  // The question and the answer in one column cannot be imported: both their tags say so.
  const clash = (key: keyof ColumnMapping) =>
    mapping.prompt === mapping.answer && (key === 'prompt' || key === 'answer');
  return (
    <div className={styles.importColumns} role="group" aria-label="Columns">
      {!table.obvious && (
        <p className="note note-warn">
          This table has no header row naming its columns: check which column holds what.
        </p>
      )}
      <div className={styles.columnSelects}>
        {ROLES.map((role) => (
          <label key={role.key} className="field">
            <span className="field-label">{role.label}</span>
            <select
              className={`input ${styles.inputCompact}`}
              value={mapping[role.key] ?? ''}
              onChange={(e) =>
                set({ mapping: { ...mapping, [role.key]: e.target.value === '' ? null : Number(e.target.value) } })
              }
            >
              {!role.required && <option value="">None</option>}
              {columns.map((i) => (
                <option key={i} value={i}>
                  {columnName(i)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <div className={styles.importTableWrap}>
        <table className={`table ${styles.tableRaw}`} aria-label="First rows of the file">
          <thead>
            <tr>
              {columns.map((i) => (
                <th key={i}>
                  {columnName(i)}
                  {rolesOf(i).length > 0 ? (
                    rolesOf(i).map((r) => (
                      <span key={r.key} className={`pill ${styles.pillRole} ${clash(r.key) ? styles.pillClash : ''}`}>
                        {r.label}
                      </span>
                    ))
                  ) : (
                    <span className="muted"> · unused</span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.slice(0, 5).map((row, r) => (
              <tr key={r}>
                {columns.map((i) => (
                  <td key={i}>{row[i] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
