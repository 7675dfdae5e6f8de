import type { Db } from '@/db/client';
import { signUp } from '@/lib/auth/service';
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
