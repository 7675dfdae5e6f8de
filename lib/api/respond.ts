import { AppError, type ErrorCode } from '@/lib/errors';
import { log } from '@/lib/log';

/** The one API error envelope: `{ error: { code, message, fields? } }` with an honest status. */
export function apiError(
  code: ErrorCode | 'insufficient_scope',
  message: string,
  status: number,
  extra: { fields?: Record<string, string[]>; headers?: HeadersInit } = {},
): Response {
  return Response.json(
    { error: { code, message, ...(extra.fields ? { fields: extra.fields } : {}) } },
    { status, headers: extra.headers },
  );
}

export function errorResponse(error: unknown, tenantId?: string, headers?: HeadersInit): Response {
  if (error instanceof AppError) {
    const h = new Headers(headers);
    if (error.retryAfterSeconds) h.set('Retry-After', String(error.retryAfterSeconds));
    return apiError(error.code, error.message, error.status, { fields: error.fieldErrors, headers: h });
  }
  log('error', 'api.failed', { tenantId, error });
  return apiError('internal', 'Internal error.', 500, { headers });
}

/** Parses a JSON body with a size cap; malformed JSON is a 400, never a 500. */
export async function readJson(req: Request, maxBytes = 1_000_000): Promise<unknown> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new AppError('payload_too_large', `Body larger than ${maxBytes} bytes.`);
  const text = await req.text();
  if (text.length > maxBytes) throw new AppError('payload_too_large', `Body larger than ${maxBytes} bytes.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'Body is not valid JSON.');
  }
}
