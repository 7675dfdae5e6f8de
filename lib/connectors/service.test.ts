// Connecting stores, credentials at rest, replacing and removing, "Sync now" and tenant
// isolation — through the services and the server actions. Both database drivers.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, connections } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/service';
import { signUp } from '@/lib/auth/service';
import { acceptInvite, inviteMember } from '@/lib/members/service';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { openCredentials } from './credentials';
import { getConnectionWithSecrets } from './queries';
import { connectStore, removeConnection, replaceCredentials, syncConnectionNow } from './service';
import { FakeShopify } from './testing/fake-shopify';
import { FakeWooCommerce } from './testing/fake-woocommerce';
import { connectFakeShopify, connectFakeWoo, testHttp } from './testing/fixtures';
import { TEST_KEY_V1, TEST_KEY_V2, setTestEncryptionKeys } from './testing/keys';
import { VirtualClock } from './testing/server';
import { listConnectionViews } from './views';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({
  getSessionUser: async () => session.user,
  requestIp: async () => '127.0.0.1',
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
const { connectStoreAction, removeConnectionAction, syncConnectionAction } = await import('./actions');

function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

describe.each(testDrivers())('store connections (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;
  const shop = new FakeShopify();
  const woo = new FakeWooCommerce();
  const clock = new VirtualClock();
  let shopOrigin = '';
  let wooOrigin = '';
  const opts = () => testHttp(shop.clock.sleep, shop.clock.nowFn);

  beforeAll(async () => {
    setTestEncryptionKeys(TEST_KEY_V1);
    shopOrigin = await shop.start();
    wooOrigin = await woo.start();
  });
  afterAll(async () => {
    await shop.stop();
    await woo.stop();
  });
  beforeEach(() => {
    session.user = null;
    setTestEncryptionKeys(TEST_KEY_V1);
  });

  it('validates the forms with field messages', async () => {
    const { ctx } = await createTestTenant(db(), 'conn-val');
    await expect(
      connectStore(
        db(),
        ctx,
        { platform: 'shopify', shopDomain: 'http://acme.myshopify.com', accessToken: '' },
        opts(),
      ),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      fieldErrors: {
        shopDomain: ['Shopify stores are reached over https.'],
        accessToken: ['Enter the Admin API access token.'],
      },
    });
    await expect(
      connectStore(
        db(),
        ctx,
        {
          platform: 'woocommerce',
          storeUrl: 'http://shop.example.com',
          consumerKey: 'abc',
          consumerSecret: 'cs_x y',
        },
        opts(),
      ),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      fieldErrors: {
        storeUrl: [expect.stringMatching(/https/)],
        consumerKey: ['A consumer key starts with ck_.'],
        consumerSecret: ['The consumer secret has no spaces.'],
      },
    });
    await expect(connectStore(db(), ctx, { platform: 'magento' }, opts())).rejects.toMatchObject({
      code: 'bad_request',
    });
  });

  it('checks the credentials with the store before saving anything', async () => {
    const { ctx } = await createTestTenant(db(), 'conn-bad');
    await expect(
      connectStore(
        db(),
        ctx,
        { platform: 'shopify', shopDomain: shopOrigin, accessToken: 'shpat_wrong' },
        opts(),
      ),
    ).rejects.toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/^Could not connect to the store: Shopify rejected the access token/),
    });
    expect(await db().select().from(connections).where(eq(connections.tenantId, ctx.tenantId))).toHaveLength(
      0,
    );
  });

  it('stores credentials encrypted with the key version, never in the clear, and audits without them', async () => {
    const { ctx } = await createTestTenant(db(), 'conn-enc');
    const conn = await connectFakeShopify(db(), ctx, shop, shopOrigin);
    expect(conn).toMatchObject({ platform: 'shopify', name: 'Fake Outfitters', baseUrl: shopOrigin });
    const [raw] = await db().select().from(connections).where(eq(connections.id, conn.id));
    expect(raw?.keyVersion).toBe(1);
    expect(raw?.credentials).toMatch(/^v1:/);
    expect(raw?.credentials).not.toContain(shop.accessToken);
    expect(raw?.credentials).not.toContain('shpss_webhook_secret');
    expect(JSON.stringify(raw?.syncState)).not.toContain(shop.accessToken);
    expect(openCredentials(raw!)).toEqual({
      accessToken: shop.accessToken,
      webhookSecret: 'shpss_webhook_secret',
    });
    // A ciphertext copied into another row does not decrypt there.
    expect(() => openCredentials({ ...raw!, id: crypto.randomUUID() })).toThrow(/cannot be read/);

    const woo1 = await connectFakeWoo(db(), ctx, woo, wooOrigin, clock.sleep, { name: 'Mugs' });
    const [wooRaw] = await db().select().from(connections).where(eq(connections.id, woo1.id));
    expect(wooRaw?.credentials).not.toContain(woo.consumerSecret);
    expect(openCredentials(wooRaw!)).toMatchObject({
      consumerKey: woo.consumerKey,
      consumerSecret: woo.consumerSecret,
    });

    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, ctx.tenantId), eq(auditLog.action, 'connection.created')));
    expect(audit).toHaveLength(2);
    const text = JSON.stringify(audit);
    for (const secret of [shop.accessToken, 'shpss_webhook_secret', woo.consumerKey, woo.consumerSecret])
      expect(text).not.toContain(secret);

    const views = await listConnectionViews(db(), ctx, 'https://tailor.test');
    expect(JSON.stringify(views)).not.toContain(shop.accessToken);
    expect(views.map((v) => v.name)).toEqual(['Fake Outfitters', 'Mugs']);
    expect(views[0]).toMatchObject({
      platformLabel: 'Shopify',
      status: 'active',
      webhookSecretSet: true,
      keyVersion: 1,
      webhookUrl: `https://tailor.test/api/webhooks/shopify/${conn.id}`,
      items: { products: null, customers: null, orders: null },
    });
    expect(views[0]?.credentialsSavedAt).toBeInstanceOf(Date);

    await expect(connectFakeShopify(db(), ctx, shop, shopOrigin)).rejects.toMatchObject({
      code: 'conflict',
      message: 'This Shopify store is already connected.',
    });
  });

  it('replaces credentials (checked with the store, re-encrypted under the newest key)', async () => {
    const { ctx } = await createTestTenant(db(), 'conn-rep');
    const conn = await connectFakeShopify(db(), ctx, shop, shopOrigin);
    await expect(replaceCredentials(db(), ctx, { id: conn.id }, opts())).rejects.toMatchObject({
      code: 'validation_failed',
      message: 'Enter at least one new value.',
    });
    await expect(
      replaceCredentials(db(), ctx, { id: conn.id, accessToken: 'shpat_wrong' }, opts()),
    ).rejects.toMatchObject({ code: 'bad_request' });

    setTestEncryptionKeys(`${TEST_KEY_V1},${TEST_KEY_V2}`);
    await replaceCredentials(db(), ctx, { id: conn.id, webhookSecret: 'rotated-secret' }, opts());
    const row = await getConnectionWithSecrets(db(), ctx, conn.id);
    expect(row?.keyVersion).toBe(2);
    expect(openCredentials(row!)).toEqual({ accessToken: shop.accessToken, webhookSecret: 'rotated-secret' });
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.tenantId, ctx.tenantId), eq(auditLog.action, 'connection.credentials_replaced')),
      );
    expect(entry?.details).toMatchObject({ fields: ['webhookSecret'], keyVersion: 2 });
    expect(JSON.stringify(entry)).not.toContain('rotated-secret');
  });

  it('keeps other workspaces out: their connection ids are simply not found', async () => {
    const a = await createTestTenant(db(), 'conn-a');
    const b = await createTestTenant(db(), 'conn-b');
    const conn = await connectFakeShopify(db(), a.ctx, shop, shopOrigin);
    await expect(syncConnectionNow(db(), b.ctx, { id: conn.id })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      replaceCredentials(db(), b.ctx, { id: conn.id, webhookSecret: 'x' }, opts()),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(removeConnection(db(), b.ctx, { id: conn.id })).rejects.toMatchObject({ code: 'not_found' });
    expect(await listConnectionViews(db(), b.ctx, 'https://tailor.test')).toEqual([]);
    expect(await getConnectionWithSecrets(db(), a.ctx, conn.id)).not.toBeNull();
    await expect(syncConnectionNow(db(), a.ctx, { id: 'nope' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });

  it('works through the server actions, with roles enforced', async () => {
    const owner = await createTestTenant(db(), 'conn-act');
    session.user = { id: owner.userId, email: owner.email, name: 'Owner' };
    const bad = await connectStoreAction(
      null,
      form({
        tenant: owner.slug,
        platform: 'woocommerce',
        storeUrl: '',
        consumerKey: '',
        consumerSecret: '',
      }),
    );
    expect(bad).toMatchObject({ ok: false, code: 'validation_failed' });
    if (!bad.ok)
      expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual([
        'consumerKey',
        'consumerSecret',
        'storeUrl',
      ]);

    const conn = await connectFakeShopify(db(), owner.ctx, shop, shopOrigin);
    const synced = await syncConnectionAction(null, form({ tenant: owner.slug, id: conn.id }));
    expect(synced).toMatchObject({ ok: true, data: { created: true } });
    const again = await syncConnectionAction(null, form({ tenant: owner.slug, id: conn.id }));
    expect(again).toMatchObject({ ok: true, data: { created: false } });

    // A viewer may look but not connect, sync or remove.
    const email = `viewer-${Date.now()}@example.test`;
    const { link } = await inviteMember(db(), owner.ctx, { email, role: 'viewer' }, 'http://app.test');
    const { user } = await signUp(db(), {
      name: 'Viewer',
      email,
      password: 'correct horse 9',
      workspaceName: `V ${Date.now()}`,
    });
    await acceptInvite(db(), link.split('/').at(-1)!, user);
    session.user = { id: user.id, email, name: 'Viewer' };
    expect(await syncConnectionAction(null, form({ tenant: owner.slug, id: conn.id }))).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await removeConnectionAction(null, form({ tenant: owner.slug, id: conn.id }))).toMatchObject({
      ok: false,
      code: 'forbidden',
    });

    session.user = { id: owner.userId, email: owner.email, name: 'Owner' };
    expect(await removeConnectionAction(null, form({ tenant: owner.slug, id: conn.id }))).toMatchObject({
      ok: true,
      data: { name: 'Fake Outfitters' },
    });
    expect(await getConnectionWithSecrets(db(), owner.ctx, conn.id)).toBeNull();
    const removed = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, owner.ctx.tenantId), eq(auditLog.action, 'connection.removed')));
    expect(removed).toHaveLength(1);
  });
});
