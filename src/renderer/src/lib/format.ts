/** m:ss for a countdown or a time used; negative values are shown as overtime by the caller. */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

export function percent(value: number | null | undefined, digits = 0): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(digits)}%`;
}

// Built once (toLocaleString builds a new formatter on every call), and on first use, not at import: the first Intl
// formatter of a page loads the locale's data, 20-45 ms on the main thread, which Home does not need to draw.
let instant: Intl.DateTimeFormat | null = null;

export function dateTime(ms: number): string {
  instant ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return instant.format(ms);
}

/**
 * A whole count with its thousands grouped, "1,234,567": what `toLocaleString('en')` gives, without Intl, so that Home
 * draws without loading the locale's data (see dateTime). Counts only: a fraction is truncated.
 */
export function count(n: number): string {
  const digits = String(Math.trunc(Math.abs(n)));
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return `${n <= -1 ? '-' : ''}${groups.join(',')}`;
}

/** "1 question", "10,000 questions". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

const GRADE_NAMES = ['Missed', 'Partial', 'Good', 'Nailed'] as const;

/** A self-grade by its name: 1 Missed, 2 Partial, 3 Good, 4 Nailed. */
export function gradeName(grade: number | null | undefined): string {
  return grade === null || grade === undefined ? '—' : (GRADE_NAMES[Math.round(grade) - 1] ?? '—');
}

/**
 * The one way a self-grade is shown, on every page: a mean on the 1–4 scale and the grade it rounds
 * to, "2.0 / 4 · Partial".
 */
export function gradeText(meanGrade: number | null | undefined): string {
  const parts = gradeParts(meanGrade);
  return parts ? `${parts.mean} · ${parts.name}` : '—';
}

/** The two halves of gradeText ("2.0 / 4", "Partial"), for a layout that sets them apart; null when none. */
export function gradeParts(meanGrade: number | null | undefined): { mean: string; name: string } | null {
  if (meanGrade === null || meanGrade === undefined || !Number.isFinite(meanGrade)) return null;
  return { mean: `${meanGrade.toFixed(1)} / 4`, name: gradeName(meanGrade) };
}

/** The same, from a 0–1 grade score ((grade − 1) / 3, as sessions and charts carry it). */
export function gradeScoreText(score: number | null | undefined): string {
  return score === null || score === undefined ? '—' : gradeText(1 + 3 * score);
}
