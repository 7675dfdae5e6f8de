/**
 * Tenant-scoped lookups behind the explanations (page, API, CLI): finding one shopper by what a
 * caller knows of them. Another workspace's shopper is simply not found.
 */
import { and, eq, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { shoppers } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';

type Tenant = Pick<TenantContext, 'tenantId'>;

/** The identity of a shopper an explanation is about (no personal fields). */
export interface ExplainedShopper {
  id: string;
  kind: string;
  /** The store's customer id, when a customer. */
  externalId: string | null;
  /** The storefront's anonymous id, when a visitor. */
  anonymousId: string | null;
  country: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const COLUMNS = {
  id: shoppers.id,
  kind: shoppers.kind,
  externalId: shoppers.externalId,
  anonymousId: shoppers.anonymousId,
  country: shoppers.country,
};

/**
 * The shopper whose Tailor id, store customer id or anonymous id equals `ref` exactly (trimmed,
 * at most 200 characters); customers before visitors when ids collide. Null when none.
 */
export async function findShopperByRef(
  exec: Executor,
  ctx: Tenant,
  ref: string,
): Promise<ExplainedShopper | null> {
  const text = ref.trim().slice(0, 200);
  if (!text) return null;
  const match = UUID.test(text)
    ? or(eq(shoppers.id, text), eq(shoppers.externalId, text))
    : or(eq(shoppers.externalId, text), eq(shoppers.anonymousId, text));
  const [row] = await exec
    .select(COLUMNS)
    .from(shoppers)
    .where(and(tenantFilter(ctx, shoppers), match))
    .orderBy(sql`(${shoppers.kind} = 'customer') desc`, shoppers.id)
    .limit(1);
  return row ?? null;
}
