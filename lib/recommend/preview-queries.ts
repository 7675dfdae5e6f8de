/**
 * Tenant-scoped SQL behind Recommendations → Preview (issue 10, "What the merchant sees"): finding
 * a shopper by what a merchant knows of them, and a few recent customers to start from.
 */
import { and, desc, eq, ilike, isNotNull, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { products, shoppers } from '@/db/schema';
import type { ShopperIdentity } from '@/lib/profiles/types';
import { lookupHash, piiClearFor, shopperPii } from '@/lib/privacy/pii';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';

/** With a role, email/name come back in clear only for `shoppers.pii` (masked otherwise). */
type Tenant = Pick<TenantContext, 'tenantId'> & Partial<TenantContext>;

/** A shopper found by what a merchant knows of them. */
export type ShopperMatch = ShopperIdentity;

const MATCH_COLUMNS = {
  id: shoppers.id,
  kind: shoppers.kind,
  externalId: shoppers.externalId,
  anonymousId: shoppers.anonymousId,
  email: shoppers.email,
  name: shoppers.name,
  emailEnc: shoppers.emailEnc,
  nameEnc: shoppers.nameEnc,
  country: shoppers.country,
  lastSeenAt: shoppers.lastSeenAt,
};

/** `%` and `_` typed by the merchant are literal characters, not wildcards. */
function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Shoppers whose external id, anonymous id or email equals `ref` (email by its keyed hash, so
 * case-insensitive and exact only), else whose external id starts with it. Email and name are
 * encrypted, so prefix and name searches only still match rows not yet encrypted (legacy).
 * Exact matches come first; at most `limit`.
 */
export async function findShoppers(
  exec: Executor,
  ctx: Tenant,
  ref: string,
  limit = 10,
): Promise<ShopperMatch[]> {
  const text = ref.trim();
  if (!text) return [];
  const byEmail = text.includes('@')
    ? or(
        eq(shoppers.emailHash, await lookupHash(exec, ctx.tenantId, text)),
        sql`lower(${shoppers.email}) = lower(${text})`,
      )
    : undefined;
  const exact = or(
    eq(shoppers.externalId, text),
    and(isNotNull(shoppers.anonymousId), eq(shoppers.anonymousId, text)),
    byEmail,
  );
  const exactRows = await exec
    .select(MATCH_COLUMNS)
    .from(shoppers)
    .where(and(tenantFilter(ctx, shoppers), exact))
    .limit(limit);
  if (exactRows.length > 0) return withPii(exec, ctx, exactRows);
  const prefix = likePrefix(text);
  const rows = await exec
    .select(MATCH_COLUMNS)
    .from(shoppers)
    .where(
      and(
        tenantFilter(ctx, shoppers),
        or(
          ilike(shoppers.externalId, prefix),
          ilike(shoppers.email, prefix),
          ilike(shoppers.name, prefix),
          ilike(shoppers.name, `% ${prefix}`),
        ),
      ),
    )
    .orderBy(sql`${shoppers.lastSeenAt} desc nulls last`, shoppers.id)
    .limit(limit);
  return withPii(exec, ctx, rows);
}

type StoredMatch = ShopperMatch & { emailEnc: string | null; nameEnc: string | null };

function withPii(exec: Executor, ctx: Tenant, rows: StoredMatch[]): Promise<ShopperMatch[]> {
  return shopperPii(exec, ctx.tenantId, rows, piiClearFor(ctx));
}

/** Customers (not anonymous visitors) seen most recently: suggestions for the preview. */
export async function listRecentCustomers(exec: Executor, ctx: Tenant, limit = 5): Promise<ShopperMatch[]> {
  const rows = await exec
    .select(MATCH_COLUMNS)
    .from(shoppers)
    .where(and(tenantFilter(ctx, shoppers), eq(shoppers.kind, 'customer'), isNotNull(shoppers.externalId)))
    .orderBy(sql`${shoppers.lastSeenAt} desc nulls last`, desc(shoppers.createdAt))
    .limit(limit);
  return withPii(exec, ctx, rows);
}

/** Whether the workspace has any product at all (the preview's empty state). */
export async function hasProducts(exec: Executor, ctx: Tenant): Promise<boolean> {
  const [row] = await exec
    .select({ id: products.id })
    .from(products)
    .where(tenantFilter(ctx, products))
    .limit(1);
  return row !== undefined;
}
