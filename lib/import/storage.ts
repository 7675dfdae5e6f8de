import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';

/** Largest accepted upload (stored bytes; gzip counts compressed). */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** Where an import's file lives: `<dataDir>/imports/<tenantId>/<importId>`. */
export function importFilePath(tenantId: string, importId: string, dataDir = getEnv().dataDir): string {
  return path.join(/*turbopackIgnore: true*/ dataDir, 'imports', tenantId, importId);
}

/** The path stored on the import: relative to the data folder when inside it, so the folder can move. */
export function storedPath(absolute: string): string {
  const rel = path.relative(getEnv().dataDir, absolute);
  return rel.startsWith('..') || path.isAbsolute(rel) ? absolute : rel;
}

/** The absolute path of an import's stored file. */
export function resolveStoredPath(stored: string): string {
  return path.isAbsolute(stored) ? stored : path.join(/*turbopackIgnore: true*/ getEnv().dataDir, stored);
}

type ByteSource = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

async function* bytesOf(source: ByteSource): AsyncGenerator<Uint8Array> {
  if (Symbol.asyncIterator in source) {
    yield* source as AsyncIterable<Uint8Array>;
    return;
  }
  const reader = (source as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Streams an upload to `dest` (never held in memory), computing its size and SHA-256. Writes
 * to a temporary name and renames at the end, so a half-received file is never mistaken for a
 * whole one. Throws `payload_too_large` past `maxBytes` and `bad_request` for an empty body;
 * the partial file is removed either way.
 */
export async function saveUpload(
  source: ByteSource,
  dest: string,
  maxBytes = MAX_UPLOAD_BYTES,
): Promise<{ sizeBytes: number; sha256: string }> {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const tmp = `${dest}.part`;
  const out = fs.createWriteStream(tmp, { flags: 'wx' });
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of bytesOf(source)) {
      size += chunk.byteLength;
      if (size > maxBytes) {
        throw new AppError(
          'payload_too_large',
          `The file is larger than ${Math.round(maxBytes / 1048576)} MB.`,
        );
      }
      hash.update(chunk);
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    if (size === 0) throw new AppError('bad_request', 'The file is empty.');
    fs.renameSync(tmp, dest);
    return { sizeBytes: size, sha256: hash.digest('hex') };
  } catch (e) {
    out.destroy();
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Deletes a stored import file (missing is fine). */
export function removeStoredFile(stored: string): void {
  fs.rmSync(resolveStoredPath(stored), { force: true });
}
