/** Random identifiers from `crypto.getRandomValues` (browser and Node 20 alike). */

/** A URL-safe random id: 16 random bytes → 22 base64url characters. */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
