import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import { ApiKeyCache, type CachedKey } from './key-cache';

const db = {} as Db;
const value = (tenantId: string): CachedKey => ({
  ctx: { tenantId, slug: 's', role: 'viewer', actorLabel: 'API key' },
  allowedOrigins: [],
});

function setup(ttlMs = 30_000) {
  let t = 0;
  const calls: string[] = [];
  let revoked = new Set<string>();
  const cache = new ApiKeyCache({
    ttlMs,
    now: () => t,
    lookup: async (_db, key) => {
      calls.push(key);
      if (revoked.has(key)) throw new AppError('unauthenticated', 'revoked');
      return value(`tenant-of-${key}`);
    },
  });
  return {
    cache,
    calls,
    advance: (ms: number) => (t += ms),
    revoke: (key: string) => (revoked = new Set([...revoked, key])),
  };
}

describe('ApiKeyCache', () => {
  it('looks a key up once per TTL and shares concurrent lookups', async () => {
    const s = setup();
    const [a, b] = await Promise.all([
      s.cache.resolve(db, 'sk_1', 'secret'),
      s.cache.resolve(db, 'sk_1', 'secret'),
    ]);
    expect(a).toBe(b);
    await s.cache.resolve(db, 'sk_1', 'secret');
    expect(s.calls).toEqual(['sk_1']);
    s.advance(30_001);
    await s.cache.resolve(db, 'sk_1', 'secret');
    expect(s.calls).toEqual(['sk_1', 'sk_1']);
  });

  it('notices a revoked key at the next refresh, or at once after forgetTenant', async () => {
    const s = setup();
    await s.cache.resolve(db, 'sk_1', 'secret');
    s.revoke('sk_1');
    // Within the TTL: still the cached context, answered synchronously (no lookup, no promise).
    const cached = s.cache.resolve(db, 'sk_1', 'secret');
    expect(cached).not.toBeInstanceOf(Promise);
    expect(cached).toMatchObject({ ctx: { tenantId: 'tenant-of-sk_1' } });
    s.cache.forgetTenant('tenant-of-sk_1');
    await expect(s.cache.resolve(db, 'sk_1', 'secret')).rejects.toThrow('revoked');
    s.advance(60_000);
    await expect(s.cache.resolve(db, 'sk_1', 'secret')).rejects.toThrow('revoked'); // failures are not cached
    expect(s.cache.size).toBe(0);
  });

  it('keeps the expected kind apart', async () => {
    const s = setup();
    await s.cache.resolve(db, 'pk_1', 'publishable');
    await s.cache.resolve(db, 'pk_1', 'secret');
    expect(s.calls).toEqual(['pk_1', 'pk_1']);
  });

  it('never holds keys in clear', async () => {
    const s = setup();
    await s.cache.resolve(db, 'sk_secret-value', 'secret');
    const internals = JSON.stringify([
      ...(s.cache as unknown as { entries: Map<string, unknown> }).entries.keys(),
    ]);
    expect(internals).not.toContain('sk_secret-value');
  });
});
