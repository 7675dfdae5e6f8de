import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { memberships, tenants } from '@/db/schema';
import type { TenantContext } from '@/lib/tenant/context';

export async function getTenantBySlug(exec: Executor, slug: string) {
  const [row] = await exec.select().from(tenants).where(eq(tenants.slug, slug)).limit(1);
  return row ?? null;
}

export async function getTenant(exec: Executor, ctx: Pick<TenantContext, 'tenantId'>) {
  const [row] = await exec.select().from(tenants).where(eq(tenants.id, ctx.tenantId)).limit(1);
  return row ?? null;
}

export async function getMembership(exec: Executor, tenantId: string, userId: string) {
  const [row] = await exec
    .select()
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** The workspaces a user belongs to, with their role, by name. */
export async function listWorkspacesForUser(exec: Executor, userId: string) {
  return exec
    .select({ id: tenants.id, slug: tenants.slug, name: tenants.name, role: memberships.role })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(tenants.name));
}

export async function listAllWorkspaces(exec: Executor) {
  return exec.select().from(tenants).orderBy(asc(tenants.createdAt));
}
