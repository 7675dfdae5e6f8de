/**
 * Tenant-scoped SQL of the serving path (behind the TTL caches of lookups.ts and the catalog
 * cache): the catalog with what a storefront widget shows (link fields, first image), shoppers
 * resolved through identity stitching, a shopper's latest product views and the tenant's current
 * embedding space. Every statement filters by the tenant: another workspace's rows are not found.
 */
import { and, desc, eq, isNotNull, or, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { embeddingSpaces, identityLinks, products, shoppers } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';
import type { CatalogProduct } from '../queries';

type Tenant = Pick<TenantContext, 'tenantId'>;

/** A catalog product plus its first image (null when it has none). */
export interface ServingProduct extends CatalogProduct {
  imageUrl: string | null;
}

/** Every active product of the tenant with its first image (archived ones are never shown). */
export function listServingProducts(exec: Executor, ctx: Tenant): Promise<ServingProduct[]> {
  return exec
    .select({
      id: products.id,
      externalId: products.externalId,
      title: products.title,
      priceMinor: products.priceMinor,
      currency: products.currency,
      stock: products.stock,
      categoryPath: products.categoryPath,
      brand: products.brand,
      attributes: products.attributes,
      publishedAt: products.publishedAt,
      createdAt: products.createdAt,
      // Postgres arrays are 1-based; an empty array gives null.
      imageUrl: sql<string | null>`${products.imageUrls}[1]`,
    })
    .from(products)
    .where(and(tenantFilter(ctx, products), eq(products.status, 'active')));
}

export interface ResolvedShopper {
  /** The shopper row id (what the model's shopper ids are). */
  id: string;
  country: string | null;
}

/**
 * The customer an anonymous (browser) id belongs to: its identity link's customer when the
 * visitor identified, else the visitor's own shopper row; null when unknown.
 */
export async function findShopperByAnonymousId(
  exec: Executor,
  ctx: Tenant,
  anonymousId: string,
): Promise<ResolvedShopper | null> {
  const [linked] = await exec
    .select({ id: shoppers.id, country: shoppers.country })
    .from(identityLinks)
    .innerJoin(
      shoppers,
      and(eq(shoppers.tenantId, identityLinks.tenantId), eq(shoppers.id, identityLinks.shopperId)),
    )
    .where(and(tenantFilter(ctx, identityLinks), eq(identityLinks.anonymousId, anonymousId)))
    .limit(1);
  if (linked) return linked;
  const [own] = await exec
    .select({ id: shoppers.id, country: shoppers.country })
    .from(shoppers)
    .where(and(tenantFilter(ctx, shoppers), eq(shoppers.anonymousId, anonymousId)))
    .limit(1);
  return own ?? null;
}

/**
 * The shopper a secret-key request names: a customer's external id first, else an anonymous id
 * (stitched to its customer when the visitor has identified since). Null when unknown.
 */
export async function findServedShopper(
  exec: Executor,
  ctx: Tenant,
  ref: string,
): Promise<ResolvedShopper | null> {
  const rows = await exec
    .select({ id: shoppers.id, country: shoppers.country, externalId: shoppers.externalId })
    .from(shoppers)
    .where(
      and(
        tenantFilter(ctx, shoppers),
        or(eq(shoppers.externalId, ref), and(isNotNull(shoppers.anonymousId), eq(shoppers.anonymousId, ref))),
      ),
    )
    .limit(2);
  const customer = rows.find((r) => r.externalId === ref);
  if (customer) return { id: customer.id, country: customer.country };
  return findShopperByAnonymousId(exec, ctx, ref);
}

/**
 * The tenant's current embedding space (the one with the most vectors: during an embedder switch
 * the old space answers until the new one covers more of the catalog) and its version, or null.
 */
export async function getCurrentSpace(
  exec: Executor,
  ctx: Tenant,
): Promise<{ space: string; version: number } | null> {
  const [row] = await exec
    .select({ space: embeddingSpaces.space, version: embeddingSpaces.version })
    .from(embeddingSpaces)
    .where(and(tenantFilter(ctx, embeddingSpaces), sql`${embeddingSpaces.vectors} > 0`))
    .orderBy(desc(embeddingSpaces.vectors), embeddingSpaces.space)
    .limit(1);
  return row ? { space: row.space, version: Number(row.version) } : null;
}

/** One product's latest view (epoch ms) among a set of shopper rows. */
export interface ViewedAt {
  productId: string;
  at: number;
}

/**
 * The shopper rows whose views count for `who`: the shopper, the visitors of its linked
 * anonymous ids, and the requesting browser's visitor (as listRecentViews reads them).
 */
export async function listViewerIds(
  exec: Executor,
  ctx: Tenant,
  who: { shopperId: string | null; anonymousId?: string },
): Promise<string[]> {
  if (who.shopperId === null && who.anonymousId === undefined) return [];
  const t = ctx.tenantId;
  const result = await exec.execute(sql`
    select ${who.shopperId}::uuid::text as id where ${who.shopperId}::uuid is not null
    union
    select s.id::text from identity_links l
      join shoppers s on s.tenant_id = l.tenant_id and s.anonymous_id = l.anonymous_id
      where l.tenant_id = (select ${t}::uuid) and l.shopper_id = ${who.shopperId}::uuid
    union
    select s.id::text from shoppers s
      where s.tenant_id = (select ${t}::uuid) and s.anonymous_id = ${who.anonymousId ?? null}::text`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/**
 * The products the shopper rows `ids` viewed most recently, distinct, newest first, at most
 * `limit`, with when (the same LATERAL probe through events_shopper_idx as listRecentViews).
 */
export async function listViewsOf(
  exec: Executor,
  ctx: Tenant,
  ids: readonly string[],
  limit: number,
): Promise<ViewedAt[]> {
  if (ids.length === 0) return [];
  const t = ctx.tenantId;
  const list = sql.join(
    ids.map((id) => sql`(${id}::uuid)`),
    sql`, `,
  );
  const result = await exec.execute(sql`
    select v.product_id::text as product_id, max(v.occurred_at) as last
    from (values ${list}) as ids(id) cross join lateral (
      select e.product_id, e.occurred_at from events e
      where e.tenant_id = (select ${t}::uuid) and e.shopper_id = ids.id
        and e.type = 'view' and e.product_id is not null
      order by e.occurred_at desc
      limit ${limit * 10}
    ) v
    group by v.product_id
    order by last desc
    limit ${limit}`);
  return rowsOf<{ product_id: string; last: Date | string }>(result).map((r) => ({
    productId: r.product_id,
    at: new Date(r.last).getTime(),
  }));
}

/** A view event as the recent-views store follows them. */
export interface ViewEvent {
  shopperId: string;
  anonymousId: string | null;
  productId: string;
  at: number;
  /** Epoch ms the server stored it (the poll's cursor). */
  receivedAt: number;
}

/**
 * View events stored after `receivedAfter` and that happened after `occurredAfter` (the index's
 * range: events_type_time_idx), oldest first, at most `limit`.
 */
export async function listViewEventsSince(
  exec: Executor,
  ctx: Tenant,
  occurredAfter: Date,
  receivedAfter: Date,
  limit: number,
): Promise<ViewEvent[]> {
  const result = await exec.execute(sql`
    select e.shopper_id::text as shopper_id, e.anonymous_id, e.product_id::text as product_id,
      e.occurred_at, e.received_at
    from events e
    where e.tenant_id = (select ${ctx.tenantId}::uuid) and e.type = 'view'
      and e.occurred_at > ${occurredAfter.toISOString()}::timestamptz
      and e.received_at > ${receivedAfter.toISOString()}::timestamptz
      and e.product_id is not null and e.shopper_id is not null
    order by e.received_at
    limit ${limit}`);
  return rowsOf<{
    shopper_id: string;
    anonymous_id: string | null;
    product_id: string;
    occurred_at: Date | string;
    received_at: Date | string;
  }>(result).map((r) => ({
    shopperId: r.shopper_id,
    anonymousId: r.anonymous_id,
    productId: r.product_id,
    at: new Date(r.occurred_at).getTime(),
    receivedAt: new Date(r.received_at).getTime(),
  }));
}
