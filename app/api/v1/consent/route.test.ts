// The consent REST API with a secret key: record by customer id, read state + history back, the
// error envelope for bad bodies, and another workspace's shopper is 404.
import { describe, expect, it } from 'vitest';
import { shoppers } from '@/db/schema';
import { createApiKey } from '@/lib/apikeys/service';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { GET as getConsent } from '../shoppers/[id]/consent/route';
import { POST } from './route';

const post = (key: string | null, body: unknown) =>
  POST(
    new Request('http://x/api/v1/consent', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
const get = (key: string, id: string) =>
  getConsent(
    new Request(`http://x/api/v1/shoppers/${id}/consent`, { headers: { authorization: `Bearer ${key}` } }),
    {
      params: Promise.resolve({ id }),
    },
  );

describe.each(testDrivers())('consent API (%s)', (driver) => {
  const h = useTestDatabase(driver);

  it('records consent, returns state and history, validates, and keeps workspaces apart', async () => {
    const db = h().db;
    const a = await createTestTenant(db, 'capi-a');
    const b = await createTestTenant(db, 'capi-b');
    const [s] = await db
      .insert(shoppers)
      .values({ tenantId: a.ctx.tenantId, kind: 'customer', externalId: 'cust-1' })
      .returning({ id: shoppers.id });
    const keyA = (await createApiKey(db, a.ctx, { kind: 'secret', name: 'server' })).key;
    const keyB = (await createApiKey(db, b.ctx, { kind: 'secret', name: 'server' })).key;

    const res = await post(keyA, {
      customerId: 'cust-1',
      consent: { analytics: true, advertising: false },
      policyVersion: '2024-05',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { shopperId: string; changed: number } };
    expect(body.data).toMatchObject({ shopperId: s!.id, changed: 2 });

    for (const ref of [s!.id, 'cust-1']) {
      const read = await get(keyA, ref);
      expect(read.status).toBe(200);
      const data = ((await read.json()) as { data: { purposes: unknown[]; history: unknown[] } }).data;
      expect(data.purposes).toContainEqual(
        expect.objectContaining({
          purpose: 'advertising',
          granted: false,
          source: 'api',
          policyVersion: '2024-05',
        }),
      );
      expect(data.history).toHaveLength(2);
    }

    const invalid = await post(keyA, { customerId: 'cust-1', consent: { analytics: 'yes' } });
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({
      error: {
        code: 'validation_failed',
        fields: { 'consent.analytics': ['Send true (granted) or false (denied).'] },
      },
    });
    expect((await post(keyA, '{nope')).status).toBe(400);
    expect((await post(null, { customerId: 'cust-1', consent: { analytics: true } })).status).toBe(401);

    // Workspace B cannot record for or read A's shopper.
    const cross = await post(keyB, { customerId: 'cust-1', consent: { analytics: false } });
    expect(cross.status).toBe(404);
    expect(await cross.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await get(keyB, s!.id)).status).toBe(404);
    expect((await get(keyA, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
