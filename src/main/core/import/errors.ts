/**
 * The one error type the import parsers throw on bad input. The message is written for the person importing
 * (what is wrong and what to do); `line` is the 1-based source line when the problem has one.
 */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
