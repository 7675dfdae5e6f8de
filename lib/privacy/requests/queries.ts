import { and, asc, desc, eq, inArray, isNotNull, lt, notInArray, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { type PrivacyRequestStatus, privacyRequests, shoppers } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';
import type { ListFilter } from './schemas';

type Tenant = Pick<TenantContext, 'tenantId'>;
export type PrivacyRequestRow = typeof privacyRequests.$inferSelect;
export type NewPrivacyRequest = Omit<typeof privacyRequests.$inferInsert, 'tenantId'>;
type RequestPatch = Partial<Omit<typeof privacyRequests.$inferInsert, 'tenantId' | 'id'>>;

const CLOSED: PrivacyRequestStatus[] = ['completed', 'rejected'];

export async function insertRequest(exec: Executor, ctx: Tenant, values: NewPrivacyRequest) {
  const [row] = await exec
    .insert(privacyRequests)
    .values({ ...values, tenantId: ctx.tenantId })
    .returning();
  if (!row) throw new Error('privacy request insert returned no row');
  return row;
}

/** One request of the workspace, or null (another workspace's id is simply not found). */
export async function getRequestRow(
  exec: Executor,
  ctx: Tenant,
  id: string,
): Promise<PrivacyRequestRow | null> {
  const [row] = await exec
    .select()
    .from(privacyRequests)
    .where(and(tenantFilter(ctx, privacyRequests), eq(privacyRequests.id, id)));
  return row ?? null;
}

/** Requests of the workspace, newest first, at most `limit` (1–500). */
export async function listRequestRows(exec: Executor, ctx: Tenant, filter: ListFilter, limit = 200) {
  const conds = [tenantFilter(ctx, privacyRequests)];
  if (filter.status) conds.push(eq(privacyRequests.status, filter.status));
  if (filter.kind) conds.push(eq(privacyRequests.kind, filter.kind));
  return exec
    .select()
    .from(privacyRequests)
    .where(and(...conds))
    .orderBy(desc(privacyRequests.createdAt))
    .limit(Math.min(Math.max(limit, 1), 500));
}

/**
 * Updates a request only while it is in one of `from` (compare-and-set: two people acting on the
 * same request cannot both move it). Returns the new row, or null when the id or status did not match.
 */
export async function updateRequestFrom(
  exec: Executor,
  ctx: Tenant,
  id: string,
  from: readonly PrivacyRequestStatus[],
  patch: RequestPatch,
): Promise<PrivacyRequestRow | null> {
  const [row] = await exec
    .update(privacyRequests)
    .set({ ...patch, updatedAt: new Date() })
    .where(
      and(
        tenantFilter(ctx, privacyRequests),
        eq(privacyRequests.id, id),
        inArray(privacyRequests.status, [...from]),
      ),
    )
    .returning();
  return row ?? null;
}

/** Open and overdue request counts at `now` (the compliance overview's figures). */
export async function countOpenRequests(exec: Executor, ctx: Tenant, now = new Date()) {
  const [row] = await exec
    .select({
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${privacyRequests.dueAt} < ${now.toISOString()}::timestamptz))::int`,
    })
    .from(privacyRequests)
    .where(and(tenantFilter(ctx, privacyRequests), notInArray(privacyRequests.status, CLOSED)));
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
}

/** Open requests past due, oldest due first (for reminders). */
export async function listOverdueRequests(exec: Executor, ctx: Tenant, now = new Date()) {
  return exec
    .select()
    .from(privacyRequests)
    .where(
      and(
        tenantFilter(ctx, privacyRequests),
        notInArray(privacyRequests.status, CLOSED),
        lt(privacyRequests.dueAt, now),
      ),
    )
    .orderBy(asc(privacyRequests.dueAt));
}

/** The shopper with this id, external id, or email hash (legacy clear email as a fallback). */
export async function findShopperId(
  exec: Executor,
  ctx: Tenant,
  by: { id: string } | { externalId: string } | { emailHash: string; email: string },
): Promise<string | null> {
  const match =
    'id' in by
      ? eq(shoppers.id, by.id)
      : 'externalId' in by
        ? eq(shoppers.externalId, by.externalId)
        : or(eq(shoppers.emailHash, by.emailHash), eq(sql`lower(${shoppers.email})`, by.email));
  const [row] = await exec
    .select({ id: shoppers.id })
    .from(shoppers)
    .where(and(tenantFilter(ctx, shoppers), match))
    .limit(1);
  return row?.id ?? null;
}

/** Shoppers that came from a connected store: those carrying the store's customer id. */
export async function listStoreShopperIds(exec: Executor, ctx: Tenant): Promise<string[]> {
  const rows = await exec
    .select({ id: shoppers.id })
    .from(shoppers)
    .where(and(tenantFilter(ctx, shoppers), isNotNull(shoppers.externalId)));
  return rows.map((r) => r.id);
}

export type ShopperPatch = Partial<
  Pick<
    typeof shoppers.$inferInsert,
    'email' | 'name' | 'emailHash' | 'emailEnc' | 'nameEnc' | 'piiKeyVersion' | 'country' | 'locale'
  >
>;

export async function getShopperRow(exec: Executor, ctx: Tenant, id: string) {
  const [row] = await exec
    .select()
    .from(shoppers)
    .where(and(tenantFilter(ctx, shoppers), eq(shoppers.id, id)));
  return row ?? null;
}

/** Writes corrected fields; returns false when the shopper is gone. */
export async function patchShopper(exec: Executor, ctx: Tenant, id: string, patch: ShopperPatch) {
  const rows = await exec
    .update(shoppers)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(tenantFilter(ctx, shoppers), eq(shoppers.id, id)))
    .returning({ id: shoppers.id });
  return rows.length > 0;
}

/** Sets one boolean shopper attribute (jsonb merge, other attributes untouched). */
export async function setShopperFlag(exec: Executor, ctx: Tenant, id: string, flag: string, value: boolean) {
  const rows = await exec
    .update(shoppers)
    .set({
      attributes: sql`${shoppers.attributes} || jsonb_build_object(${flag}::text, ${value}::boolean)`,
      updatedAt: new Date(),
    })
    .where(and(tenantFilter(ctx, shoppers), eq(shoppers.id, id)))
    .returning({ id: shoppers.id });
  return rows.length > 0;
}
