import { z } from 'zod';
import { ApiError, contract, isCallName, type Envelope } from '../../shared/api';
import type { Handlers } from './context';

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

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
    if (error instanceof ApiError) return { ok: false, error: { code: error.code, message: error.message } };
    if (isSqliteError(error)) {
      if (error.code.startsWith('SQLITE_CONSTRAINT')) {
        return {
          ok: false,
          error: {
            code: 'conflict',
            message:
              'That would break a rule of the question bank (a duplicate or a missing link). Nothing was changed.',
          },
        };
      }
      console.error('storage error', error);
      return {
        ok: false,
        error: { code: 'storage', message: `The data file could not be used: ${error.message}. Nothing was changed.` },
      };
    }
    console.error('internal error', error);
    return {
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside Prepdeck. Nothing was changed; try again.' },
    };
  }
}
