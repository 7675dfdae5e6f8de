/**
 * The decision token: what the storefront sends back with an impression, click or conversion, so
 * feedback is counted for exactly the arm and context that were served, and nobody can count for
 * an arm that was never served. It is `<keyring version>.<payload>.<mac>` (base64url): the payload is
 * JSON, the MAC an HMAC-SHA256 under a key derived (HKDF) from the deployment keyring
 * (lib/secrets/keyring.ts, the key that also seals stored credentials) for this one purpose. The
 * keyring version is part of the token, so tokens keep verifying after a new key version is added.
 * Nothing personal is inside: ids of the workspace, campaign, creative and experiment, the context
 * key ('' | 'segment:<id>' | 'exp:<id>'), for LinUCB the indices of the one-hot context, and a
 * random nonce (feedback is deduplicated per token, so every decision needs its own).
 */
import crypto from 'node:crypto';
import { getKeyring, type Keyring } from '@/lib/secrets/keyring';

/** How long a token may be answered with feedback, in ms (a conversion can follow a click late). */
export const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

export interface AdTokenPayload {
  tenantId: string;
  campaignId: string;
  creativeId: string;
  /** '' (all traffic), 'segment:<uuid>' or 'exp:<uuid>'. */
  contextKey: string;
  experimentId?: string;
  /** LinUCB only: the indices where the one-hot context vector is 1, and its dimension. */
  x?: number[];
  d?: number;
  /** Epoch ms the decision was made. */
  issuedAt: number;
}

interface Wire {
  /** Random nonce: two decisions of one arm in the same millisecond still get distinct tokens (dedupe). */
  n: string;
  t: string;
  c: string;
  v: string;
  k: string;
  e?: string;
  x?: number[];
  d?: number;
  i: number;
}

const derived = new Map<string, Buffer>();

/** The token key of one keyring version: HKDF-SHA256(keyring key, info "tailor:ad-token"). */
function keyFor(keyring: Keyring, version: number): Buffer | null {
  const master = keyring.keys.get(version);
  if (!master) return null;
  const id = `${version}:${master.toString('base64')}`;
  let key = derived.get(id);
  if (!key) {
    key = Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), 'tailor:ad-token', 32));
    derived.set(id, key);
  }
  return key;
}

const mac = (key: Buffer, text: string) => crypto.createHmac('sha256', key).update(text).digest();

/** Signs a payload. @throws Error when the keyring is malformed (lib/secrets/keyring.ts). */
export function signAdToken(p: AdTokenPayload, keyring: Keyring = getKeyring()): string {
  const wire: Wire = {
    n: crypto.randomBytes(6).toString('base64url'),
    t: p.tenantId,
    c: p.campaignId,
    v: p.creativeId,
    k: p.contextKey,
    i: p.issuedAt,
  };
  if (p.experimentId) wire.e = p.experimentId;
  if (p.x && p.d !== undefined) {
    wire.x = p.x;
    wire.d = p.d;
  }
  const body = `${keyring.current}.${Buffer.from(JSON.stringify(wire)).toString('base64url')}`;
  return `${body}.${mac(keyFor(keyring, keyring.current)!, body).toString('base64url')}`;
}

export type TokenFailure = 'malformed' | 'forged' | 'expired';

const isStr = (v: unknown): v is string => typeof v === 'string' && v.length <= 200;

function fromWire(w: unknown): AdTokenPayload | null {
  if (!w || typeof w !== 'object') return null;
  const o = w as Partial<Wire>;
  if (!isStr(o.t) || !isStr(o.c) || !isStr(o.v) || !isStr(o.k) || typeof o.i !== 'number') return null;
  const p: AdTokenPayload = {
    tenantId: o.t,
    campaignId: o.c,
    creativeId: o.v,
    contextKey: o.k,
    issuedAt: o.i,
  };
  if (o.e !== undefined) {
    if (!isStr(o.e)) return null;
    p.experimentId = o.e;
  }
  if (o.x !== undefined) {
    const d = o.d;
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 1 || d > 1000) return null;
    if (!Array.isArray(o.x) || !o.x.every((i) => Number.isInteger(i) && i >= 0 && i < d)) return null;
    p.x = o.x;
    p.d = d;
  }
  return p;
}

/**
 * Checks a token: shape, MAC (constant-time) under the keyring version it names, and age.
 * @param now epoch ms
 * @returns the payload, or why it is refused ('malformed' | 'forged' | 'expired')
 */
export function verifyAdToken(
  token: string,
  now: number = Date.now(),
  keyring: Keyring = getKeyring(),
): AdTokenPayload | TokenFailure {
  if (token.length > 2_000) return 'malformed';
  const m = /^(\d{1,6})\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return 'malformed';
  const key = keyFor(keyring, Number(m[1]));
  if (!key) return 'forged';
  const given = Buffer.from(m[3]!, 'base64url');
  // 32 bytes use only 4 bits of the 43rd character: its other spellings decode to the same MAC.
  // Only the canonical one is the token, or one decision could be counted up to four times.
  if (given.toString('base64url') !== m[3]) return 'forged';
  const expected = mac(key, `${m[1]}.${m[2]}`);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return 'forged';
  let payload: AdTokenPayload | null;
  try {
    payload = fromWire(JSON.parse(Buffer.from(m[2]!, 'base64url').toString('utf8')));
  } catch {
    payload = null;
  }
  if (!payload) return 'malformed';
  if (now - payload.issuedAt > TOKEN_TTL_MS || payload.issuedAt - now > 60_000) return 'expired';
  return payload;
}
