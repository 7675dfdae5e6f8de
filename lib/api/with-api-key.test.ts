import { describe, expect, it } from 'vitest';
import { products } from '@/db/schema';
import { createApiKey, revokeApiKey } from '@/lib/apikeys/service';
import { getProduct } from '@/lib/catalog/queries';
import { notFound } from '@/lib/errors';
import { useTestDatabase, testDrivers } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { withApiKey, withPublishableKey } from './with-api-key';

const productRoute = withApiKey<{ id: string }>('data.read', async (_req, ctx, db, { id }) => {
  const p = await getProduct(db, ctx, id);
  if (!p) throw notFound('Product not found');
  return Response.json({ id: p.id, externalId: p.externalId });
});
const call = (key: string | null, id: string) =>
  productRoute(
    new Request(`http://x/api/v1/products/${id}`, { headers: key ? { authorization: `Bearer ${key}` } : {} }),
    { params: Promise.resolve({ id }) },
  );

describe.each(testDrivers())('API wrappers (%s)', (driver) => {
  const h = useTestDatabase(driver);

  it("scopes a secret key to its workspace: the other workspace's product is 404, missing/revoked keys 401", async () => {
    const db = h().db;
    const a = await createTestTenant(db, 'api-a');
    const b = await createTestTenant(db, 'api-b');
    const [pa] = await db
      .insert(products)
      .values({
        tenantId: a.ctx.tenantId,
        externalId: 'SKU-1',
        title: { en: 'A' },
        priceMinor: 100,
        currency: 'EUR',
      })
      .returning();
    const [pb] = await db
      .insert(products)
      .values({
        tenantId: b.ctx.tenantId,
        externalId: 'SKU-1',
        title: { en: 'B' },
        priceMinor: 100,
        currency: 'EUR',
      })
      .returning();
    const keyA = await createApiKey(db, a.ctx, { kind: 'secret', name: 'server' });
    expect(keyA.key).toMatch(/^sk_[A-Za-z0-9_-]{32}$/);

    const own = await call(keyA.key, pa!.id);
    expect(own.status).toBe(200);
    expect(await own.json()).toEqual({ id: pa!.id, externalId: 'SKU-1' });
    const byExternal = await call(keyA.key, 'SKU-1');
    expect((await byExternal.json()).id).toBe(pa!.id);

    const other = await call(keyA.key, pb!.id);
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({ error: { code: 'not_found', message: 'Product not found' } });

    expect((await call(null, pa!.id)).status).toBe(401);
    expect((await call('sk_not-a-real-key-000000000000000000', pa!.id)).status).toBe(401);
    const pk = await createApiKey(db, a.ctx, {
      kind: 'publishable',
      name: 'shop',
      allowedOrigins: 'https://shop.example',
    });
    expect((await call(pk.key, pa!.id)).status).toBe(401); // a publishable key cannot use the server API

    await revokeApiKey(db, a.ctx, { id: keyA.id });
    const revoked = await call(keyA.key, pa!.id);
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).error.code).toBe('unauthenticated');
  });

  it('publishable keys: origin allow-list, per-request CORS, preflight', async () => {
    const db = h().db;
    const a = await createTestTenant(db, 'pk-a');
    const pk = await createApiKey(db, a.ctx, {
      kind: 'publishable',
      name: 'shop',
      allowedOrigins: 'https://shop.example, http://localhost:8080',
    });
    const route = withPublishableKey(async (_req, ctx) => Response.json({ slug: ctx.slug }));
    const req = (origin: string | null, method = 'GET') =>
      route(
        new Request(`http://x/api/v1/thing?key=${pk.key}`, { method, headers: origin ? { origin } : {} }),
      );

    const ok = await req('https://shop.example');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const other = await req('http://localhost:8080');
    expect(other.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
    const evil = await req('https://evil.example');
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect((await req(null)).status).toBe(403);
    const pre = await req('https://shop.example', 'OPTIONS');
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
  });
});
