import type { ReactNode } from 'react';
import clsx from 'clsx';
import styles from './Tile.module.css';

/** A number at a glance: its label, the value and a note; extra content (a list) goes after the value. */
export function Tile({
  label,
  value,
  note,
  testId,
  className,
  word = false,
  children,
}: {
  label: string;
  value?: ReactNode;
  note?: ReactNode;
  testId?: string;
  className?: string;
  /** The value is a word (a keyword's name), which may be longer than a number: set smaller, and wrapped. */
  word?: boolean;
  children?: ReactNode;
}) {
  return (
    <div className={clsx(styles.tile, className)}>
      <span className={styles.label}>{label}</span>
      {value !== undefined && (
        <span className={clsx(styles.value, word && styles.word)} data-testid={testId}>
          {value}
        </span>
      )}
      {children}
      {note !== undefined && <TileNote>{note}</TileNote>}
    </div>
  );
}

/** A line of small print in a tile. */
export function TileNote({ children }: { children: ReactNode }) {
  return <span className={styles.note}>{children}</span>;
}
