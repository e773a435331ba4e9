const DAY_MS = 86_400_000;

/** The person's local calendar day of an instant, as whole days since 1970-01-01. */
export function localDay(ms: number, tzOffsetMinutes: number = new Date(ms).getTimezoneOffset()): number {
  return Math.floor((ms - tzOffsetMinutes * 60_000) / DAY_MS);
}

/** A local day number as YYYY-MM-DD. */
export function dayToIsoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The instant a local day number begins (local midnight), in the person's time zone. */
export function dayStartMs(day: number): number {
  const [year, month, date] = dayToIsoDate(day).split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date).getTime();
}
