import type { Db } from '@/db/client';
import type { Role } from '@/lib/auth/permissions';
import { signUp } from '@/lib/auth/service';
import { acceptInvite, inviteMember } from '@/lib/members/service';
import type { TenantContext } from '@/lib/tenant/context';
import { requireTenant } from '@/lib/tenant/require-tenant';

let n = 0;
/** A new user with their own workspace, and the owner's TenantContext for it. */
export async function createTestTenant(
  db: Db,
  label = 'shop',
): Promise<{ ctx: TenantContext; userId: string; email: string; slug: string }> {
  n += 1;
  const email = `${label}-${n}-${Date.now()}@example.test`;
  const { user, tenant } = await signUp(db, {
    name: `Owner ${n}`,
    email,
    password: 'correct horse 9',
    workspaceName: `${label} ${n} ${Date.now()}`,
  });
  const ctx = await requireTenant(db, { kind: 'session', slug: tenant.slug, userId: user.id, email });
  return { ctx, userId: user.id, email, slug: tenant.slug };
}

/**
 * A new user invited into the owner's workspace with `role` who accepted through the real
 * invitation path; returns their TenantContext there (with `userId`).
 */
export async function createTestMember(
  db: Db,
  owner: TenantContext,
  role: Role,
): Promise<TenantContext & { userId: string }> {
  n += 1;
  const email = `${role}-${n}-${Date.now()}@example.test`;
  const { link } = await inviteMember(db, owner, { email, role }, 'http://app.test');
  const { user } = await signUp(db, {
    name: `Member ${n}`,
    email,
    password: 'correct horse 9',
    workspaceName: `Own ${n} ${Date.now()}`,
  });
  await acceptInvite(db, link.split('/').at(-1) ?? '', user);
  const ctx = await requireTenant(db, { kind: 'session', slug: owner.slug, userId: user.id, email });
  return { ...ctx, userId: user.id };
}
