// The API key actions as the UI calls them, through the real wrapper; only Next's request APIs are stubbed.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/service';
import { signUp } from '@/lib/auth/service';
import { acceptInvite, inviteMember } from '@/lib/members/service';
import { requireTenant } from '@/lib/tenant/require-tenant';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({
  getSessionUser: async () => session.user,
  requestIp: async () => '127.0.0.1',
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const { createApiKeyAction, revokeApiKeyAction } = await import('./actions');

function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

describe.each(testDrivers())('API key actions (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;
  beforeEach(() => {
    session.user = null;
  });

  it('creates a key shown once, then revokes it', async () => {
    const owner = await createTestTenant(db(), 'kact');
    session.user = { id: owner.userId, email: owner.email, name: 'Owner' };
    const created = await createApiKeyAction(
      null,
      form({ tenant: owner.slug, kind: 'secret', name: 'Server' }),
    );
    expect(created).toMatchObject({
      ok: true,
      data: { kind: 'secret', name: 'Server', key: expect.stringMatching(/^sk_/) },
    });
    if (!created.ok) return;
    await expect(requireTenant(db(), { kind: 'apiKey', key: created.data.key })).resolves.toMatchObject({
      tenantId: owner.ctx.tenantId,
    });

    const badOrigins = await createApiKeyAction(
      null,
      form({ tenant: owner.slug, kind: 'publishable', name: 'Shop', allowedOrigins: 'shop.example.com' }),
    );
    expect(badOrigins).toMatchObject({ ok: false, code: 'validation_failed' });
    if (!badOrigins.ok)
      expect(Object.keys(badOrigins.fieldErrors ?? {}).every((k) => k.startsWith('allowedOrigins'))).toBe(
        true,
      );

    expect(await revokeApiKeyAction(null, form({ tenant: owner.slug, id: created.data.id }))).toMatchObject({
      ok: true,
      data: { name: 'Server' },
    });
    await expect(requireTenant(db(), { kind: 'apiKey', key: created.data.key })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('refuses viewers, and treats another workspace’s key as not found', async () => {
    const owner = await createTestTenant(db(), 'kact-v');
    const email = `kv-${Date.now()}@example.test`;
    const { link } = await inviteMember(db(), owner.ctx, { email, role: 'viewer' }, 'http://app.test');
    const { user } = await signUp(db(), {
      name: 'Viewer',
      email,
      password: 'correct horse 9',
      workspaceName: `KV ${Date.now()}`,
    });
    await acceptInvite(db(), link.split('/').at(-1)!, user);

    session.user = { id: user.id, email, name: 'Viewer' };
    expect(
      await createApiKeyAction(null, form({ tenant: owner.slug, kind: 'secret', name: 'Nope' })),
    ).toMatchObject({ ok: false, code: 'forbidden' });

    session.user = { id: owner.userId, email: owner.email, name: 'Owner' };
    const created = await createApiKeyAction(
      null,
      form({ tenant: owner.slug, kind: 'secret', name: 'Mine' }),
    );
    if (!created.ok) throw new Error(created.message);
    const other = await createTestTenant(db(), 'kact-o');
    session.user = { id: other.userId, email: other.email, name: 'Other' };
    expect(await revokeApiKeyAction(null, form({ tenant: other.slug, id: created.data.id }))).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });
});
