/**
 * The error codes and the error every side throws. A leaf module: the renderer's first chunk needs
 * ApiError, and importing it from api.ts would bring zod and every schema along.
 */
export const ERROR_CODES = ['invalid_input', 'not_found', 'conflict', 'storage', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
