/**
 * Decoders of the columns that hold more than a plain value. Each column's encoding is named here, once, where it
 * is read back; the SQL that writes it says the same in its migration.
 */

/** A JSON array of strings: a deck's levels, a keyword's aliases, a question's tags, a session's levels. */
export const stringList = (json: string): string[] => JSON.parse(json) as string[];

/** A JSON array of numbers: a session's plan of question ids. */
export const numberList = (json: string): number[] => JSON.parse(json) as number[];

/**
 * `stats_question_rollup.last_graded` is `answered_at * 8 + self_grade` of a question's latest graded answer
 * (migration 0002), so that one `max()` finds both the latest answer and its grade (1–4, always below 8).
 */
export const LAST_GRADED_FACTOR = 8;

/** The self-grade of the latest graded answer, from an encoded `last_graded`. */
export const gradeOfLastGraded = (lastGraded: number): number => lastGraded % LAST_GRADED_FACTOR;
