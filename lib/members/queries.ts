import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { invitations, memberships, tenants, users } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';

export async function listMembers(exec: Executor, ctx: TenantContext) {
  return exec
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(tenantFilter(ctx, memberships))
    .orderBy(asc(users.email));
}

export async function getMember(exec: Executor, ctx: TenantContext, userId: string) {
  const [row] = await exec
    .select({ userId: memberships.userId, role: memberships.role, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(tenantFilter(ctx, memberships), eq(memberships.userId, userId)))
    .limit(1);
  return row ?? null;
}

export async function countOwners(exec: Executor, ctx: TenantContext): Promise<number> {
  const [row] = await exec
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(tenantFilter(ctx, memberships), eq(memberships.role, 'owner')));
  return row?.n ?? 0;
}

export async function setMemberRole(exec: Executor, ctx: TenantContext, userId: string, role: string) {
  const [row] = await exec
    .update(memberships)
    .set({ role })
    .where(and(tenantFilter(ctx, memberships), eq(memberships.userId, userId)))
    .returning();
  return row ?? null;
}

export async function deleteMember(exec: Executor, ctx: TenantContext, userId: string) {
  const [row] = await exec
    .delete(memberships)
    .where(and(tenantFilter(ctx, memberships), eq(memberships.userId, userId)))
    .returning();
  return row ?? null;
}

export async function listPendingInvites(exec: Executor, ctx: TenantContext) {
  return exec
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .where(
      and(
        tenantFilter(ctx, invitations),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(invitations.createdAt));
}

export async function revokeInviteRow(exec: Executor, ctx: TenantContext, id: string) {
  const [row] = await exec
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        tenantFilter(ctx, invitations),
        eq(invitations.id, id),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning();
  return row ?? null;
}

/** An invitation by its token hash, with its workspace (tokens name their tenant). */
export async function findInviteByTokenHash(exec: Executor, tokenHash: string) {
  const [row] = await exec
    .select({ invite: invitations, tenantName: tenants.name, tenantSlug: tenants.slug })
    .from(invitations)
    .innerJoin(tenants, eq(tenants.id, invitations.tenantId))
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}
