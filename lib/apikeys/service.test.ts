import { describe, expect, it } from 'vitest';
import { listAudit } from '@/lib/audit/service';
import { requireTenant } from '@/lib/tenant/require-tenant';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestMember, createTestTenant } from '@/lib/testing/fixtures';
import { listApiKeys } from './queries';
import { createApiKey, revokeApiKey } from './service';

describe.each(testDrivers())('API keys service (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;

  it('creates a secret key that authenticates until it is revoked', async () => {
    const { ctx } = await createTestTenant(db(), 'keys');
    const created = await createApiKey(db(), ctx, {
      kind: 'secret',
      name: '  Order sync ',
      allowedOrigins: '',
    });
    expect(created.key).toMatch(/^sk_[A-Za-z0-9_-]{32}$/);
    expect(created).toMatchObject({
      kind: 'secret',
      name: 'Order sync',
      prefix: `${created.key.slice(0, 10)}…`,
    });

    const keyCtx = await requireTenant(db(), { kind: 'apiKey', key: created.key });
    expect(keyCtx).toMatchObject({ tenantId: ctx.tenantId, slug: ctx.slug, apiKeyId: created.id });
    expect(keyCtx.permissions?.has('data.write')).toBe(true);
    expect(keyCtx.permissions?.has('apikeys.create')).toBe(false);

    // The list never carries the key or its hash.
    const [listed] = await listApiKeys(db(), ctx);
    expect(listed).toMatchObject({ id: created.id, prefix: created.prefix, revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(created.key.slice(10));
    expect(listed).not.toHaveProperty('keyHash');

    await revokeApiKey(db(), ctx, { id: created.id });
    await expect(requireTenant(db(), { kind: 'apiKey', key: created.key })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    expect((await listApiKeys(db(), ctx))[0]?.revokedAt).toBeInstanceOf(Date);
    await expect(revokeApiKey(db(), ctx, { id: created.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('requires origins for publishable keys and keeps the two kinds apart', async () => {
    const { ctx } = await createTestTenant(db(), 'pk');
    await expect(
      createApiKey(db(), ctx, { kind: 'publishable', name: 'Shop', allowedOrigins: '' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      fieldErrors: { allowedOrigins: ['A publishable key needs at least one storefront origin.'] },
    });
    await expect(
      createApiKey(db(), ctx, {
        kind: 'publishable',
        name: 'Shop',
        allowedOrigins: 'https://shop.example.com/cart',
      }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(createApiKey(db(), ctx, { kind: 'public', name: 'Shop' })).rejects.toMatchObject({
      fieldErrors: { kind: expect.any(Array) },
    });
    await expect(createApiKey(db(), ctx, { kind: 'secret', name: ' ' })).rejects.toMatchObject({
      fieldErrors: { name: ['Give the key a name.'] },
    });

    const pk = await createApiKey(db(), ctx, {
      kind: 'publishable',
      name: 'Storefront',
      allowedOrigins: 'https://shop.example.com/\nhttp://localhost:8080',
    });
    expect(pk.key).toMatch(/^pk_/);
    const [row] = await listApiKeys(db(), ctx);
    expect(row?.allowedOrigins).toEqual(['https://shop.example.com', 'http://localhost:8080']);
    const pkCtx = await requireTenant(db(), { kind: 'apiKey', key: pk.key, expect: 'publishable' });
    expect(pkCtx.allowedOrigins).toEqual(['https://shop.example.com', 'http://localhost:8080']);
    expect(pkCtx.permissions?.has('data.write')).toBe(false);
    await expect(
      requireTenant(db(), { kind: 'apiKey', key: pk.key, expect: 'secret' }),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it("treats another workspace's key as not found", async () => {
    const a = await createTestTenant(db(), 'ka');
    const b = await createTestTenant(db(), 'kb');
    const key = await createApiKey(db(), a.ctx, { kind: 'secret', name: 'A only' });
    await expect(revokeApiKey(db(), b.ctx, { id: key.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(requireTenant(db(), { kind: 'apiKey', key: key.key })).resolves.toMatchObject({
      tenantId: a.ctx.tenantId,
    });
    expect(await listApiKeys(db(), b.ctx)).toEqual([]);
  });

  it('lets only owners and admins create and revoke keys', async () => {
    const owner = await createTestTenant(db(), 'kroles');
    const key = await createApiKey(db(), owner.ctx, { kind: 'secret', name: 'Owner key' });
    for (const role of ['viewer', 'analyst', 'marketer'] as const) {
      const member = await createTestMember(db(), owner.ctx, role);
      await expect(createApiKey(db(), member, { kind: 'secret', name: 'Nope' })).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(revokeApiKey(db(), member, { id: key.id })).rejects.toMatchObject({ code: 'forbidden' });
    }
    const admin = await createTestMember(db(), owner.ctx, 'admin');
    await expect(createApiKey(db(), admin, { kind: 'secret', name: 'Admin key' })).resolves.toMatchObject({
      name: 'Admin key',
    });
    // A key cannot mint keys: its permissions are narrower than any manager's.
    const keyCtx = await requireTenant(db(), { kind: 'apiKey', key: key.key });
    await expect(createApiKey(db(), keyCtx, { kind: 'secret', name: 'Chain' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('audits creation and revocation without ever recording the key', async () => {
    const { ctx, userId } = await createTestTenant(db(), 'kaudit');
    const key = await createApiKey(db(), ctx, {
      kind: 'publishable',
      name: 'Widget',
      allowedOrigins: 'https://a.example',
    });
    await revokeApiKey(db(), ctx, { id: key.id });
    const entries = await listAudit(db(), ctx, { action: undefined });
    const created = entries.find((e) => e.action === 'apikey.created');
    const revoked = entries.find((e) => e.action === 'apikey.revoked');
    expect(created).toMatchObject({ actorUserId: userId, targetType: 'api_key', targetId: key.id });
    expect(created?.details).toMatchObject({
      name: 'Widget',
      kind: 'publishable',
      prefix: key.prefix,
      allowedOrigins: ['https://a.example'],
    });
    expect(revoked).toMatchObject({ targetId: key.id, details: { name: 'Widget', prefix: key.prefix } });
    expect(JSON.stringify(entries)).not.toContain(key.key);
  });
});
