/**
 * Experiment assignment: a visitor's arm is a hash of `${salt}:${visitorId}`, so it is stable for
 * the whole experiment without storing anything, and independent across experiments (each has its
 * own salt). FNV-1a followed by murmur3's finalizer (fmix32) spreads even similar ids ("v1", "v2")
 * evenly; the arm is taken from the high bits (h · k / 2³²), which are the best mixed.
 */
import { hashString } from '@/lib/ads/bandit/rng';

/** murmur3's 32-bit finalizer: every input bit affects every output bit. */
function fmix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The visitor's bucket in [0, 1), stable for (salt, visitorId). */
export function assignmentBucket(salt: string, visitorId: string): number {
  return fmix32(hashString(`${salt}:${visitorId}`)) / 4294967296;
}

/**
 * The arm index in [0, arms) for a visitor, uniform over visitors.
 * @throws RangeError when arms < 1.
 */
export function assignArm(salt: string, visitorId: string, arms: number): number {
  if (!Number.isInteger(arms) || arms < 1)
    throw new RangeError(`arms must be a positive integer, got ${arms}`);
  return Math.min(arms - 1, Math.floor(assignmentBucket(salt, visitorId) * arms));
}

/** A fresh random salt (hex, 16 characters) for a new experiment. */
export function newSalt(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
