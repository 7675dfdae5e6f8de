import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/apikeys/service';
import { MemoryRateLimitStore } from '@/lib/ratelimit/store';
import { setApiKeyLimiter } from '@/lib/ratelimit/api-limits';
import { hasPermission } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { withApiKey } from './with-api-key';

const seen: string[] = [];
const readRoute = withApiKey('data:read', async (_req, ctx) => Response.json({ slug: ctx.slug }));
const privacyRoute = withApiKey('privacy:write', async (_req, ctx) => {
  seen.push(hasPermission(ctx, 'privacy.manage') ? 'privacy.manage' : 'none');
  return Response.json({ ok: true });
});
const get = (route: typeof readRoute, key: string) =>
  route(new Request('http://x/api/v1/thing', { headers: { authorization: `Bearer ${key}` } }));

describe.each(testDrivers())('withApiKey scopes and limits (%s)', (driver) => {
  const h = useTestDatabase(driver);
  // `seen` is shared by the drivers' runs: each test starts from an empty record.
  beforeEach(() => {
    seen.length = 0;
  });
  afterEach(() => setApiKeyLimiter(undefined));

  it('lets a key use only the scopes it holds; a missing one is 403 insufficient_scope naming it', async () => {
    const { ctx } = await createTestTenant(h().db, 'scoped');
    const readOnly = await createApiKey(h().db, ctx, {
      kind: 'secret',
      name: 'reader',
      scopes: ['data:read'],
    });
    expect(readOnly.scopes).toEqual(['data:read']);
    const ok = await get(readRoute, readOnly.key);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ slug: ctx.slug });

    const refused = await get(privacyRoute, readOnly.key);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      error: {
        code: 'insufficient_scope',
        message: 'This key lacks the privacy:write scope this route needs.',
      },
    });
    expect(seen).toEqual([]);

    // Default: every scope; the scope's permissions are granted for the request.
    const all = await createApiKey(h().db, ctx, { kind: 'secret', name: 'all' });
    expect(all.scopes).toContain('privacy:write');
    expect((await get(privacyRoute, all.key)).status).toBe(200);
    expect(seen).toEqual(['privacy.manage']);
  });

  it('rejects unknown or empty scope lists when the key is created', async () => {
    const { ctx } = await createTestTenant(h().db, 'badscope');
    await expect(
      createApiKey(h().db, ctx, { kind: 'secret', name: 'x', scopes: ['data:read', 'root:all'] }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(createApiKey(h().db, ctx, { kind: 'secret', name: 'x', scopes: [] })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    const csv = await createApiKey(h().db, ctx, { kind: 'secret', name: 'x', scopes: 'jobs:run, data:read' });
    expect(csv.scopes).toEqual(['data:read', 'jobs:run']);
  });

  it('answers 429 with Retry-After and the error envelope once a key has spent its bucket', async () => {
    setApiKeyLimiter(new MemoryRateLimitStore({ ratePerSecond: 0.5, burst: 2 }));
    const { ctx } = await createTestTenant(h().db, 'limited');
    const a = await createApiKey(h().db, ctx, { kind: 'secret', name: 'a' });
    const b = await createApiKey(h().db, ctx, { kind: 'secret', name: 'b' });
    expect((await get(readRoute, a.key)).status).toBe(200);
    expect((await get(readRoute, a.key)).status).toBe(200);
    const limited = await get(readRoute, a.key);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await limited.json()).error.code).toBe('rate_limited');
    expect((await get(readRoute, b.key)).status).toBe(200); // another key has its own bucket
  });
});
