import { z } from 'zod';
import { ApiError, contract, isCallName, type Envelope } from '../../shared/api';
import type { ErrorCode } from '../../shared/errors';
import type { Handlers } from './context';

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** What a person can do about a storage failure, by SQLite's code; the change was rolled back in every case. */
const STORAGE_FAILURES: Array<[RegExp, string]> = [
  [
    /^SQLITE_FULL/,
    'The disk is full, so this change was not saved. Everything saved before is safe. Free some space and try again.',
  ],
  [
    /^SQLITE_READONLY/,
    "Prepdeck's data folder cannot be written to (it is read-only), so this change was not saved. Everything saved before is safe.",
  ],
  [
    /^SQLITE_IOERR/,
    'The disk could not be written or read, so this change was not saved. Everything saved before is safe. Check the disk and try again.',
  ],
  [
    /^SQLITE_(CORRUPT|NOTADB)/,
    "Prepdeck's data file is damaged, so this change was not saved. Restart Prepdeck: it checks the file and offers to restore the newest good backup.",
  ],
  [/^SQLITE_(BUSY|LOCKED)/, 'The data file is in use by another program. Nothing was changed; try again in a moment.'],
];

function isSqliteError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && error.name === 'SqliteError';
}

/**
 * Runs one call the way every transport must: refuse unknown names, validate the input with the
 * call's schema, and turn any failure into `{ code, message }` — never a stack trace.
 */
export async function dispatch(api: Handlers, name: unknown, input: unknown): Promise<Envelope<unknown>> {
  try {
    if (!isCallName(name)) throw new ApiError('invalid_input', `Unknown call "${String(name)}".`);
    const parsed = contract[name].input.safeParse(input);
    if (!parsed.success) {
      throw new ApiError('invalid_input', `Invalid input for ${name}: ${describeIssues(parsed.error)}.`);
    }
    const handler = api[name] as ((input: unknown) => unknown) | undefined;
    if (typeof handler !== 'function') {
      throw new ApiError('internal', `This version of Prepdeck does not answer "${name}" yet. Update the app.`);
    }
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: failureOf(error) };
  }
}

/** Any failure as the person reads it, `{ code, message }`: an ApiError as it is, SQLite's by what can be done. */
export function failureOf(error: unknown): { code: ErrorCode; message: string } {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  if (isSqliteError(error)) {
    if (error.code.startsWith('SQLITE_CONSTRAINT')) {
      return {
        code: 'conflict',
        message: 'That would break a rule of the question bank (a duplicate or a missing link). Nothing was changed.',
      };
    }
    console.error('storage error', error);
    const known = STORAGE_FAILURES.find(([code]) => code.test(error.code));
    return {
      code: 'storage',
      message: known?.[1] ?? `The data file could not be used: ${error.message}. Nothing was changed.`,
    };
  }
  console.error('internal error', error);
  return { code: 'internal', message: 'Something went wrong inside Prepdeck. Nothing was changed; try again.' };
}
