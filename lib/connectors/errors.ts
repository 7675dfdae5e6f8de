import { JobError } from '@/lib/jobs/types';

/**
 * A store API failure with a message safe to show (connection status, Jobs page, forms): never
 * a token, a URL with keys in it, or raw response text. `retryable: false` for problems another
 * attempt cannot fix (rejected credentials, missing permissions, wrong address).
 */
export class ConnectorError extends JobError {
  readonly status?: number;
  constructor(message: string, options: { retryable?: boolean; status?: number; cause?: unknown } = {}) {
    super(message, { retryable: options.retryable ?? true, cause: options.cause });
    this.name = 'ConnectorError';
    this.status = options.status;
  }
}
