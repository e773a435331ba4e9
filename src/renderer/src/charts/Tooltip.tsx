import type { ReactNode } from 'react';

/** recharts' tooltip content: a title and exact numbers. */
export function TooltipBox({ title, rows }: { title: ReactNode; rows: Array<[label: string, value: string]> }) {
  return (
    <div className="chart-tooltip">
      <strong>{title}</strong>
      {rows.map(([label, value]) => (
        <span className="row" key={label}>
          {label} <b>{value}</b>
        </span>
      ))}
    </div>
  );
}
