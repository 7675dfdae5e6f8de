import { AppError, badRequest } from '@/lib/errors';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Reads a request body of at most `maxBytes` bytes as UTF-8 and parses it as JSON. Streams, so
 * an oversized or endless body is refused as soon as it passes the limit (a declared
 * Content-Length over the limit is refused before reading anything).
 * Throws `payload_too_large` (413), or `bad_request` (400) for an empty body, invalid UTF-8 or
 * invalid JSON: never anything that becomes a 500.
 */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const tooLarge = () =>
    new AppError('payload_too_large', `Body larger than ${maxBytes} bytes: send fewer events.`);
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!req.body) throw badRequest('The body is empty: send a JSON batch of events.');
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge();
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof AppError) {
      await reader.cancel().catch(() => undefined);
      throw error;
    }
    throw badRequest('The body could not be read.');
  }
  if (size === 0) throw badRequest('The body is empty: send a JSON batch of events.');
  let text: string;
  try {
    text = decoder.decode(concat(chunks, size));
  } catch {
    throw badRequest('The body is not valid UTF-8.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('The body is not valid JSON.');
  }
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
