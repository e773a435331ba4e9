export const DAY_MS = 86_400_000;

/**
 * Where the activity calendar's month names go: one over the first week column of each month, given
 * as days since the epoch (`gridStart`, a Monday) and `weeks` columns `step` pixels apart from `left`.
 * A partial first month leaves no room for its label: the next month's label wins.
 */
export function calendarMonths(
  gridStart: number,
  weeks: number,
  left: number,
  step: number,
  format: (month: Date) => string,
): Array<{ x: number; label: string }> {
  const months: Array<{ x: number; label: string }> = [];
  for (let w = 0; w < weeks; w++) {
    const d = new Date((gridStart + w * 7) * DAY_MS);
    const prev = new Date((gridStart + (w - 1) * 7) * DAY_MS);
    const x = left + w * step;
    const lastLabel = months[months.length - 1];
    if (w === 0 || d.getUTCMonth() !== prev.getUTCMonth()) {
      if (lastLabel && x - lastLabel.x < 3 * step) months.pop();
      months.push({ x, label: format(d) });
    }
  }
  return months;
}
