import crypto from 'node:crypto';

/** URL-safe random token with `bytes` of entropy. */
export function randomToken(bytes = 24): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

/** SHA-256 hex. Right for high-entropy tokens (API keys, invite tokens), not for passwords. */
export function sha256(value: string): string {
  // The one-shot form: no Hash object per call (API keys are hashed on every storefront request).
  return crypto.hash('sha256', value, 'hex');
}

export function timingSafeEqualHex(a: string, b: string): boolean {
  const ab = Buffer.from(a, 'hex');
  const bb = Buffer.from(b, 'hex');
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}
