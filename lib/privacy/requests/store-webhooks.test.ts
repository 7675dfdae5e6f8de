// Shopify privacy payloads → requests, without the HTTP layer: what each topic files, and the
// payloads that name nobody.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_KEY_V1, setTestEncryptionKeys } from '@/lib/connectors/testing/keys';
import { lookupHash } from '@/lib/privacy/pii';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { getRequest } from './service';
import { fileStorePrivacyRequest } from './store-webhooks';
import { insertTestShopper } from './testing';

describe.each(testDrivers())('store privacy webhooks as requests (%s)', (driver) => {
  const h = useTestDatabase(driver);
  let ctx: TenantContext;
  beforeAll(async () => {
    setTestEncryptionKeys(TEST_KEY_V1);
    ctx = (await createTestTenant(h().db, 'dsr-hooks')).ctx;
  });
  afterAll(() => setTestEncryptionKeys(null));

  it('files data requests by customer id, falling back to the email; redactions come verified', async () => {
    const db = h().db;
    const byEmail = await insertTestShopper(db, ctx, { email: 'lin@example.test' });
    const access = await fileStorePrivacyRequest(db, ctx, 'customers/data_request', {
      shop_id: 954889,
      shop_domain: 'snowdevil.myshopify.com',
      orders_requested: [299938, 280263, 220458],
      customer: { id: 191167, email: 'Lin@Example.test', phone: '555-625-1199' },
      data_request: { id: 9999 },
    });
    expect(access?.processNow).toBe(false);
    const a = await getRequest(db, ctx, access?.requestId ?? '');
    expect(a).toMatchObject({
      kind: 'access',
      status: 'received',
      regulation: 'gdpr',
      source: 'shopify_webhook',
      shopperId: byEmail,
      contact: 'Lin@Example.test',
      details: {
        topic: 'customers/data_request',
        ordersRequested: 3,
        dataRequestId: '9999',
        subjectFound: true,
      },
    });
    // The subject hash is of the first identifier (the store's customer id), never the raw value.
    expect(a?.subjectHash).toBe(await lookupHash(db, ctx.tenantId, '191167'));
    expect(JSON.stringify(a?.details)).not.toContain('191167');

    const redact = await fileStorePrivacyRequest(db, ctx, 'customers/redact', {
      shop_id: 954889,
      shop_domain: 'snowdevil.myshopify.com',
      customer: { id: 424242, email: null },
      orders_to_redact: [1, 2],
    });
    expect(redact?.processNow).toBe(true);
    const r = await getRequest(db, ctx, redact?.requestId ?? '');
    expect(r).toMatchObject({
      kind: 'erasure',
      status: 'verified',
      shopperId: null,
      hasContact: false,
      verification: { method: 'store_webhook' },
      details: { ordersToRedact: 2, subjectFound: false },
    });
    expect(r?.history.map((e) => e.status)).toEqual(['received', 'verified']);

    const shop = await fileStorePrivacyRequest(db, ctx, 'shop/redact', {
      shop_id: 954889,
      shop_domain: 'snowdevil.myshopify.com',
    });
    expect(await getRequest(db, ctx, shop?.requestId ?? '')).toMatchObject({
      kind: 'erasure',
      status: 'verified',
      details: { scope: 'shop', shopDomain: 'snowdevil.myshopify.com' },
    });

    expect(
      await fileStorePrivacyRequest(db, ctx, 'customers/redact', { shop_id: 1, customer: {} }),
    ).toBeNull();
    expect(
      await fileStorePrivacyRequest(db, ctx, 'customers/data_request', { customer: { id: 'x; drop' } }),
    ).toBeNull();
  });
});
