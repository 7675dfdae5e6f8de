/**
 * The binary container of a trained model: a small header, then a JSON description of the object
 * in which every typed array is replaced by a reference to a section of raw little-endian bytes
 * (8-byte aligned, so deserializing makes views, not copies). The whole payload is deflated:
 * product and shopper ids compress well, and the registry inflates once per version, not per request.
 *
 * Layout: "TLRM" | format version (u8) | flags (u8, bit 0 = deflated) | 2 reserved bytes | payload.
 * Payload: header length (u32 LE) | header JSON (utf-8) | padding to 8 | sections.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';

const MAGIC = [0x54, 0x4c, 0x52, 0x4d]; // "TLRM"
/** Bump when the layout or the meaning of a section changes; older artefacts then fail to load. */
export const ARTEFACT_FORMAT_VERSION = 1;
const FLAG_DEFLATED = 1;
const PREFIX = 8;

type Typed = Int32Array | Float32Array | Float64Array | Uint8Array;
const KINDS = { i32: Int32Array, f32: Float32Array, f64: Float64Array, u8: Uint8Array } as const;
type Kind = keyof typeof KINDS;

interface SectionRef {
  $ta: Kind;
  at: number;
  length: number;
}

/** Thrown for bytes that are not an artefact of this format version. */
export class ArtefactFormatError extends Error {}

function kindOf(v: unknown): Kind | null {
  if (v instanceof Int32Array) return 'i32';
  if (v instanceof Float32Array) return 'f32';
  if (v instanceof Float64Array) return 'f64';
  if (v instanceof Uint8Array) return 'u8';
  return null;
}

const align8 = (n: number) => (n + 7) & ~7;

/**
 * Serializes a tree of plain objects, arrays, strings, finite numbers, booleans, null and typed
 * arrays. Non-finite numbers become null in JSON, so store them as such (NaN medians live in typed
 * arrays, where they survive).
 */
export function serializeArtefact(value: object, opts: { deflate?: boolean } = {}): Uint8Array {
  const sections: Typed[] = [];
  let offset = 0;
  const header = JSON.stringify(value, (_key, v: unknown) => {
    const kind = kindOf(v);
    if (!kind) return v;
    const arr = v as Typed;
    const ref: SectionRef = { $ta: kind, at: offset, length: arr.length };
    offset = align8(offset + arr.byteLength);
    sections.push(arr);
    return ref;
  });
  const headerBytes = new TextEncoder().encode(header);
  const start = align8(4 + headerBytes.length);
  const payload = new Uint8Array(start + offset);
  new DataView(payload.buffer).setUint32(0, headerBytes.length, true);
  payload.set(headerBytes, 4);
  let at = start;
  for (const arr of sections) {
    payload.set(new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength), at);
    at = align8(at + arr.byteLength);
  }
  const deflate = opts.deflate ?? true;
  const body = deflate ? deflateRawSync(payload, { level: 6 }) : payload;
  const out = new Uint8Array(PREFIX + body.length);
  out.set(MAGIC, 0);
  out[4] = ARTEFACT_FORMAT_VERSION;
  out[5] = deflate ? FLAG_DEFLATED : 0;
  out.set(body, PREFIX);
  return out;
}

/**
 * The object back, typed arrays as views over one fresh buffer (the input is not retained).
 * @throws ArtefactFormatError on a wrong magic, an unknown format version or corrupt bytes.
 */
export function deserializeArtefact<T>(bytes: Uint8Array): T {
  if (bytes.length < PREFIX || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new ArtefactFormatError('Not a model artefact.');
  }
  if (bytes[4] !== ARTEFACT_FORMAT_VERSION) {
    throw new ArtefactFormatError(
      `Artefact format ${bytes[4]} is not supported (expected ${ARTEFACT_FORMAT_VERSION}).`,
    );
  }
  const body = bytes.subarray(PREFIX);
  let payload: Uint8Array;
  try {
    // Always copy into a fresh, 0-aligned buffer: sections are aligned relative to its start.
    payload = (bytes[5]! & FLAG_DEFLATED) !== 0 ? new Uint8Array(inflateRawSync(body)) : body.slice();
  } catch {
    throw new ArtefactFormatError('Corrupt model artefact.');
  }
  if (payload.byteOffset !== 0) payload = payload.slice();
  const headerLength = new DataView(payload.buffer, payload.byteOffset).getUint32(0, true);
  const start = align8(4 + headerLength);
  const json = new TextDecoder().decode(payload.subarray(4, 4 + headerLength));
  return JSON.parse(json, (_key, v: unknown) => {
    if (!isRef(v)) return v;
    const Ctor = KINDS[v.$ta];
    const byteOffset = payload.byteOffset + start + v.at;
    if (byteOffset + v.length * Ctor.BYTES_PER_ELEMENT > payload.byteOffset + payload.byteLength) {
      throw new ArtefactFormatError('Corrupt model artefact.');
    }
    return new Ctor(payload.buffer as ArrayBuffer, byteOffset, v.length);
  }) as T;
}

function isRef(v: unknown): v is SectionRef {
  return typeof v === 'object' && v !== null && '$ta' in v && typeof (v as SectionRef).$ta === 'string';
}
