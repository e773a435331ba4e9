import { describe, expect, it } from 'vitest';
import { calendarMonths, DAY_MS } from './calendar';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const month = (d: Date): string => d.toISOString().slice(0, 7);

describe('the month labels of the activity calendar', () => {
  it('puts a month over the first week that starts in it', () => {
    // Monday 2026-01-05: weeks of 5, 12, 19, 26 January, then 2 February.
    expect(calendarMonths(day('2026-01-05'), 6, 30, 16, month)).toEqual([
      { x: 30, label: '2026-01' },
      { x: 30 + 4 * 16, label: '2026-02' },
    ]);
  });

  it('drops a first month too short for its label in favour of the next', () => {
    // Monday 2026-01-19: two January weeks, then February.
    expect(calendarMonths(day('2026-01-19'), 4, 30, 16, month)).toEqual([{ x: 30 + 2 * 16, label: '2026-02' }]);
  });
});
