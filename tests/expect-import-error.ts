import { expect } from 'vitest';
import { ImportError } from '../src/main/core/import/errors';

/** Test helper: runs `fn`, expects it to throw an ImportError, and returns it for more checks. */
export function errorOf(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return err as ImportError;
  }
  throw new Error('expected an ImportError');
}
