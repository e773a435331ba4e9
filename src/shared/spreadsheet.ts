/**
 * Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a leading tab or carriage
 * return) gets a leading apostrophe, which Excel, LibreOffice and Sheets show as plain text. Quotes
 * alone do not help: they are CSV syntax, gone by the time the cell is read. Numbers are left alone.
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export type Cell = string | number | null | undefined;

export interface TableData {
  columns: string[];
  rows: Cell[][];
}

/** A CSV field (RFC 4180): quoted, its quotes doubled, when it holds a quote, a comma or a line break. */
export function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  return csvField(typeof value === 'number' ? String(Number(value.toFixed(6))) : spreadsheetSafe(value));
}

/** RFC 4180 CSV; text a spreadsheet would run as a formula is made plain text (see spreadsheetSafe). */
export function toCsv({ columns, rows }: TableData): string {
  return [columns, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The local date and time, `YYYY-MM-DD HH:MM:SS`: what a person reads in a spreadsheet, on their own clock. */
export function localDateTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ` +
    `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`
  );
}
