// Decision tokens: round trip, tampering, expiry and key rotation, with an explicit keyring.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Keyring } from '@/lib/secrets/keyring';
import { type AdTokenPayload, signAdToken, TOKEN_TTL_MS, verifyAdToken } from './token';

const key = () => crypto.randomBytes(32);
const ring = (keys: [number, Buffer][]): Keyring => ({
  current: Math.max(...keys.map(([v]) => v)),
  keys: new Map(keys),
  source: 'configured',
});
const NOW = Date.UTC(2026, 5, 1);
const payload: AdTokenPayload = {
  tenantId: 't-1',
  campaignId: 'c-1',
  creativeId: 'cr-1',
  contextKey: 'segment:s-1',
  experimentId: 'e-1',
  x: [0, 2, 5],
  d: 7,
  issuedAt: NOW,
};

describe('ad decision tokens', () => {
  const k1 = key();
  const one = ring([[1, k1]]);

  it('round-trips every field and keeps nothing else', () => {
    const token = signAdToken(payload, one);
    expect(verifyAdToken(token, NOW + 1000, one)).toEqual(payload);
    const plain = signAdToken({ ...payload, experimentId: undefined, x: undefined, d: undefined }, one);
    expect(verifyAdToken(plain, NOW, one)).toEqual({
      tenantId: 't-1',
      campaignId: 'c-1',
      creativeId: 'cr-1',
      contextKey: 'segment:s-1',
      issuedAt: NOW,
    });
  });

  it('gives two decisions of the same arm in the same millisecond distinct tokens (dedupe is per token)', () => {
    const a = signAdToken(payload, one);
    const b = signAdToken(payload, one);
    expect(a).not.toBe(b);
    expect(verifyAdToken(b, NOW, one)).toEqual(payload);
  });

  it('refuses a changed payload, a changed MAC, another key and garbage', () => {
    const token = signAdToken(payload, one);
    const [v, body, mac] = token.split('.') as [string, string, string];
    const other = Buffer.from(JSON.stringify({ t: 't-2', c: 'c-1', v: 'cr-1', k: '', i: NOW })).toString(
      'base64url',
    );
    expect(verifyAdToken(`${v}.${other}.${mac}`, NOW, one)).toBe('forged');
    const flipped = mac.startsWith('A') ? `B${mac.slice(1)}` : `A${mac.slice(1)}`;
    expect(verifyAdToken(`${v}.${body}.${flipped}`, NOW, one)).toBe('forged');
    expect(verifyAdToken(token, NOW, ring([[1, key()]]))).toBe('forged');
    expect(verifyAdToken(`9.${body}.${mac}`, NOW, one)).toBe('forged');
    for (const bad of ['', 'abc', `${token}.x`, 'x'.repeat(3000)])
      expect(verifyAdToken(bad, NOW, one)).toBe('malformed');
  });

  it('refuses the other spellings of the MAC’s last character (same bytes, another dedupe key)', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const token = signAdToken(payload, one);
    const last = alphabet.indexOf(token.at(-1)!);
    // The 43rd character carries 4 bits: the 3 others with the same high bits decode identically.
    const twins = [0, 1, 2, 3].map((low) => alphabet[(last & ~3) | low]!).filter((c) => c !== token.at(-1));
    expect(twins).toHaveLength(3);
    for (const c of twins) {
      const twin = `${token.slice(0, -1)}${c}`;
      expect(Buffer.from(twin.split('.')[2]!, 'base64url')).toEqual(
        Buffer.from(token.split('.')[2]!, 'base64url'),
      );
      expect(verifyAdToken(twin, NOW, one)).toBe('forged');
    }
    expect(verifyAdToken(token, NOW, one)).toEqual(payload);
  });

  it('expires after 24 hours and refuses tokens from the future', () => {
    const token = signAdToken(payload, one);
    expect(verifyAdToken(token, NOW + TOKEN_TTL_MS, one)).toEqual(payload);
    expect(verifyAdToken(token, NOW + TOKEN_TTL_MS + 1, one)).toBe('expired');
    expect(verifyAdToken(token, NOW - 120_000, one)).toBe('expired');
  });

  it('keeps verifying tokens of an older key version after rotation', () => {
    const old = signAdToken(payload, one);
    const rotated = ring([
      [1, k1],
      [2, key()],
    ]);
    expect(verifyAdToken(old, NOW, rotated)).toEqual(payload);
    const fresh = signAdToken(payload, rotated);
    expect(fresh.startsWith('2.')).toBe(true);
    expect(verifyAdToken(fresh, NOW, one)).toBe('forged');
  });
});
