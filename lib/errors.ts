/**
 * Errors that carry a safe, user-facing message and a machine code. Anything else thrown
 * is logged and reported as a generic internal error: raw exception text never reaches a client.
 */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'payload_too_large'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  payload_too_large: 413,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (what = 'Not found') => new AppError('not_found', what);
export const forbidden = (msg = 'You do not have permission to do that.') => new AppError('forbidden', msg);
export const conflict = (msg: string, fieldErrors?: Record<string, string[]>) =>
  new AppError('conflict', msg, fieldErrors);
export const badRequest = (msg: string, fieldErrors?: Record<string, string[]>) =>
  new AppError('bad_request', msg, fieldErrors);
