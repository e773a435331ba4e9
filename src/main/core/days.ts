const DAY_MS = 86_400_000;

/** The person's local calendar day of an instant, as whole days since 1970-01-01. */
export function localDay(ms: number, tzOffsetMinutes: number = new Date(ms).getTimezoneOffset()): number {
  return Math.floor((ms - tzOffsetMinutes * 60_000) / DAY_MS);
}

/** A local day number as YYYY-MM-DD. */
export function dayToIsoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
