import { useId, useRef, useState, type ReactNode } from 'react';
import { Segmented } from '../components/Segmented';
import { downloadCsv, downloadSvgAsPng, slug, type Cell, type TableData } from './exporting';
import clsx from 'clsx';
import '../styles/charts.css';
import styles from './ChartCard.module.css';

const VIEWS = [
  { value: 'chart', label: 'Chart' },
  { value: 'table', label: 'Table' },
] as const;

export interface Column {
  label: string;
  /** How a value reads on screen; the CSV keeps the exact number. */
  format?: (value: Cell) => string;
  numeric?: boolean;
}

export interface ChartTable {
  columns: Column[];
  rows: Cell[][];
  /** Makes the first cell of each row a button (a keyword, a level) that opens what is behind it. */
  onRowClick?: (index: number) => void;
}

export function ChartCard({
  title,
  description,
  table,
  fileName,
  empty,
  children,
  aside,
  wide = false,
  png = true,
  tableOnly = false,
}: {
  title: string;
  description: ReactNode;
  table: ChartTable;
  fileName: string;
  /** Shown in place of the chart and table when there is nothing to draw. */
  empty?: ReactNode;
  children: ReactNode;
  aside?: ReactNode;
  wide?: boolean;
  png?: boolean;
  /** The children are already a table (sorted and paged elsewhere): no view switch, no CSV button. */
  tableOnly?: boolean;
}) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [error, setError] = useState<string | null>(null);
  const figure = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const csv = (): TableData => ({ columns: table.columns.map((c) => c.label), rows: table.rows });
  const savePng = async (): Promise<void> => {
    const svg = figure.current?.querySelector<SVGSVGElement>('svg.chart-svg, .recharts-surface');
    if (!svg) return;
    try {
      setError(null);
      await downloadSvgAsPng(svg, title, `prepdeck-${slug(fileName)}.png`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className={clsx('card', styles.card, wide && styles.wide)} aria-labelledby={titleId}>
      <header className={styles.head}>
        <h2 id={titleId}>{title}</h2>
        {!empty && !tableOnly && (
          <div className={styles.tools}>
            <Segmented label={`${title}: view`} value={view} options={VIEWS} onChange={setView} />
            <button
              type="button"
              className="button button-small button-ghost"
              onClick={() => downloadCsv(csv(), `prepdeck-${slug(fileName)}.csv`)}
              title="Download these numbers as CSV"
            >
              CSV
            </button>
            {png && (
              <button
                type="button"
                className="button button-small button-ghost"
                onClick={() => void savePng()}
                disabled={view !== 'chart'}
                title="Download the chart as a PNG image"
              >
                PNG
              </button>
            )}
          </div>
        )}
      </header>
      <p className={styles.description}>{description}</p>
      {error && <p className="note note-warn">{error}</p>}
      {empty ? (
        <div className={styles.empty}>{empty}</div>
      ) : view === 'chart' || tableOnly ? (
        <div className={styles.figure} ref={figure}>
          {children}
        </div>
      ) : (
        <DataTable title={title} table={table} />
      )}
      {!empty && aside}
    </section>
  );
}

export function DataTable({ title, table }: { title: string; table: ChartTable }) {
  return (
    <div className="table-wrap">
      <table className="data-table" aria-label={title}>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((value, j) => {
                const column = table.columns[j]!;
                const text = column.format
                  ? column.format(value)
                  : value === null || value === undefined
                    ? '—'
                    : String(value);
                if (j === 0) {
                  return (
                    <th key={j} scope="row">
                      {table.onRowClick ? (
                        <button type="button" className="link-button" onClick={() => table.onRowClick!(i)}>
                          {text}
                        </button>
                      ) : (
                        text
                      )}
                    </th>
                  );
                }
                return (
                  <td key={j} className={column.numeric ? 'num' : undefined}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A legend drawn in HTML: readable, and the same swatch classes as the chart's series. */
export function Legend({
  items,
}: {
  items: Array<{ label: string; className: string; shape?: 'bar' | 'line' | 'dot' }>;
}) {
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.label}>
          <span className={`swatch swatch-${item.shape ?? 'bar'} ${item.className}`} aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
