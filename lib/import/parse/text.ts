import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';

/** A problem with the whole file (encoding, binary content, structure, missing columns). */
export class FileFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileFormatError';
  }
}

/** The replacement character the decoder puts where bytes were not valid UTF-8. */
export const INVALID_UTF8 = '\ufffd';
export const INVALID_UTF8_REASON =
  'contains bytes that are not valid UTF-8 (the file may be in another encoding, such as Windows-1252: save it as "CSV UTF-8")';

/** Decompressed size limit: a small gzip file must not unpack into something unbounded. */
export const MAX_DECOMPRESSED_BYTES = 4 * 1024 ** 3;

export interface TextSource {
  /** Decoded text in chunks of about 64 KiB. Throws FileFormatError for binary or UTF-16 files. */
  chunks: AsyncGenerator<string>;
  /** Bytes of the file (compressed, as stored) read so far: for progress against its size. */
  bytesRead(): number;
  /** Whether any byte sequence so far was not valid UTF-8. */
  sawInvalidUtf8(): boolean;
  /** Hex SHA-256 of the stored bytes, once the whole file has been read. */
  sha256(): string | null;
  gzip(): boolean;
}

function checkText(head: Buffer): void {
  if (
    head.length >= 2 &&
    ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
  ) {
    throw new FileFormatError(
      'The file is UTF-16 encoded; save it as UTF-8 ("CSV UTF-8") and upload it again.',
    );
  }
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    throw new FileFormatError(
      'This looks like a spreadsheet or zip file (e.g. .xlsx); export it as CSV UTF-8 and upload that.',
    );
  }
  const probe = head.subarray(0, 4096);
  if (probe.includes(0)) {
    throw new FileFormatError('This looks like a binary file, not text: upload CSV, JSON or NDJSON.');
  }
}

/**
 * Opens a stored file as text: gzip is recognized by its magic bytes and unpacked on the fly,
 * a UTF-8 BOM is dropped, invalid UTF-8 becomes U+FFFD (rows containing it are rejected by
 * the reader with a clear reason).
 */
export function openText(path: string): TextSource {
  let read = 0;
  let invalid = false;
  let digest: string | null = null;
  let gz = false;
  const hash = createHash('sha256');

  async function* rawBytes(): AsyncGenerator<Buffer> {
    for await (const b of fs.createReadStream(path, { highWaterMark: 256 * 1024 })) {
      const bytes = b as Buffer;
      read += bytes.length;
      hash.update(bytes);
      yield bytes;
    }
    digest = hash.digest('hex');
  }

  async function* chunks(): AsyncGenerator<string> {
    const raw = rawBytes();
    const first = await raw.next();
    if (first.done) return;
    const head = first.value;
    async function* all(): AsyncGenerator<Buffer> {
      yield head;
      yield* raw;
    }
    let bytes: AsyncIterable<Buffer> = all();
    gz = head[0] === 0x1f && head[1] === 0x8b;
    if (gz) {
      const gunzip = zlib.createGunzip({ chunkSize: 256 * 1024 });
      const src = Readable.from(all());
      src.on('error', (e) => gunzip.destroy(e));
      src.pipe(gunzip);
      bytes = gunzip;
    }
    // Invalid sequences become U+FFFD (rows holding one are rejected by the reader).
    const decoder = new TextDecoder('utf-8', { fatal: false });
    let checked = false;
    let total = 0;
    try {
      for await (const b of bytes) {
        const chunk = b as Buffer;
        if (!checked) {
          checkText(chunk);
          checked = true;
        }
        total += chunk.length;
        if (total > MAX_DECOMPRESSED_BYTES) {
          throw new FileFormatError('The file unpacks to more than 4 GiB; split it into smaller files.');
        }
        const text = decoder.decode(chunk, { stream: true });
        if (!invalid && text.includes(INVALID_UTF8)) invalid = true;
        if (text) yield text;
      }
    } catch (e) {
      if (e instanceof FileFormatError) throw e;
      if (gz && (e as { code?: string }).code?.startsWith('Z_')) {
        throw new FileFormatError('The gzip file is damaged or incomplete.');
      }
      throw e;
    } finally {
      await raw.return(undefined);
    }
    const rest = decoder.decode();
    if (rest.includes(INVALID_UTF8)) invalid = true;
    if (rest) yield rest;
  }

  return {
    chunks: chunks(),
    bytesRead: () => read,
    sawInvalidUtf8: () => invalid,
    sha256: () => digest,
    gzip: () => gz,
  };
}
