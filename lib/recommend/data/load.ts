/**
 * Reads one tenant's interactions into a Dataset: purchases from the lines of paid orders and
 * view / add-to-cart / purchase events, streamed in keyset pages (memory stays flat at ~500k rows)
 * that give the event loop back in between (the embedded database runs on the server's thread),
 * every query filtered by the tenant. Works on whatever was imported: orders only, events only, both.
 */
import { and, asc, eq, gt, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { events, identityLinks, orderLines, orders, products, shoppers } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';
import { type Dataset, INTERACTION_KINDS, type InteractionKind, KIND_CODE } from '@/lib/recommend/types';
import { cursorPages, keysetPages, slicesWithTurns } from '@/lib/compute/pages';
import { DatasetBuilder } from './builder';

type Tenant = Pick<TenantContext, 'tenantId'>;

/** Event types that are interactions, and their kind. */
const EVENT_KIND = { view: 'view', add_to_cart: 'cart', purchase: 'purchase' } as const;

/** Prefix of item ids for order lines whose product is not in the catalog (yet). */
export const EXTERNAL_ITEM_PREFIX = 'ext:';

export interface LoadOptions {
  /** Only interactions strictly before this instant (a model's `asOf`). */
  asOf?: Date | number;
  /** Read order lines as purchases. Default true. */
  orders?: boolean;
  /**
   * Event kinds to read; default all three, `[]` for none. Purchase events and order lines may
   * describe the same purchase twice; truth uses distinct items, so evaluation is not skewed.
   */
  eventKinds?: readonly InteractionKind[];
  /**
   * Keep order lines whose product is unknown to the catalog, keyed `ext:<external id>`, so an
   * orders-only import can still be evaluated. Default true; false for serving, where an item
   * must be a product.
   */
  unlinkedLines?: boolean;
  /**
   * Orders in the first page (default 200) and events in the first page (default 4,000); later
   * pages adapt to about 25 ms each (lib/compute/pages.ts), up to 2,000 orders (~40k lines on
   * wholesale data) and 20,000 events.
   */
  pageSize?: { orders?: number; events?: number };
  /** Called after each page with the number of interactions read so far. */
  onProgress?: (interactions: number) => void;
}

/** Epoch ms as a float, which node-postgres and PGlite both return as a JS number. */
const epochMs = (col: typeof orders.placedAt | typeof events.occurredAt) =>
  sql<number>`(extract(epoch from ${col}) * 1000)::float8`;

/**
 * The tenant's Dataset, sorted by time, with item categories (`a / b / c` paths) and shopper
 * countries. Anonymous visitors who later identified are stitched to their customer through
 * identity links. Every query is filtered by `ctx.tenantId`.
 */
export async function loadDataset(exec: Executor, ctx: Tenant, opts: LoadOptions = {}): Promise<Dataset> {
  const b = new DatasetBuilder();
  const asOf = opts.asOf === undefined ? undefined : new Date(+opts.asOf);
  if (opts.orders ?? true) await readOrderLines(exec, ctx, b, asOf, opts);
  const kinds = opts.eventKinds ?? INTERACTION_KINDS;
  if (kinds.length > 0) await readEvents(exec, ctx, b, asOf, kinds, opts);
  const dataset = b.build();
  dataset.itemCategory = await itemCategories(exec, ctx, dataset.itemIds);
  dataset.shopperCountry = await shopperCountries(exec, ctx, dataset.shopperIds);
  return dataset;
}

interface OrderLinesPage {
  byId: Map<string, { id: string; shopper: string | null; ms: number }>;
  lines: { order: string; product: string | null; external: string; quantity: number }[];
}

async function readOrderLines(
  exec: Executor,
  ctx: Tenant,
  b: DatasetBuilder,
  asOf: Date | undefined,
  opts: LoadOptions,
): Promise<void> {
  const unlinked = opts.unlinkedLines ?? true;
  // Page over orders, not lines, so an order's lines are never split across pages. A page is
  // the orders' lines (one row: cursorPages adapts the number of orders to the time it takes).
  const pages = cursorPages<OrderLinesPage, string>(
    async (after, limit) => {
      const page = await exec
        .select({ id: orders.id, shopper: orders.shopperId, ms: epochMs(orders.placedAt) })
        .from(orders)
        .where(
          and(
            tenantFilter(ctx, orders),
            eq(orders.status, 'paid'),
            isNotNull(orders.shopperId),
            asOf && lt(orders.placedAt, asOf),
            after === undefined ? undefined : gt(orders.id, after),
          ),
        )
        .orderBy(asc(orders.id))
        .limit(limit);
      if (page.length === 0) return { rows: [], next: null };
      const byId = new Map(page.map((o) => [o.id, o]));
      // One interaction per (order, product): an invoice listing an item twice is one purchase.
      const lines = await exec
        .select({
          order: orderLines.orderId,
          product: orderLines.productId,
          external: orderLines.productExternalId,
          quantity: sql<number>`sum(${orderLines.quantity})::float8`,
        })
        .from(orderLines)
        .where(
          and(
            tenantFilter(ctx, orderLines),
            inArray(orderLines.orderId, [...byId.keys()]),
            gt(orderLines.quantity, 0),
            gt(orderLines.unitPriceMinor, 0),
            unlinked ? undefined : isNotNull(orderLines.productId),
          ),
        )
        .groupBy(orderLines.orderId, orderLines.productId, orderLines.productExternalId)
        .orderBy(asc(orderLines.orderId), asc(sql`min(${orderLines.lineNo})`));
      return { rows: [{ byId, lines }], next: page.length < limit ? null : page[page.length - 1]!.id };
    },
    { limit: opts.pageSize?.orders ?? 200, maxLimit: 2_000 },
  );
  for await (const rows of pages) {
    for (const page of rows) {
      for (const l of page.lines) {
        const o = page.byId.get(l.order)!;
        const item = l.product ?? `${EXTERNAL_ITEM_PREFIX}${l.external}`;
        b.add(o.shopper!, item, Number(o.ms), KIND_CODE.purchase, Number(l.quantity));
      }
    }
    opts.onProgress?.(b.length);
  }
}

async function readEvents(
  exec: Executor,
  ctx: Tenant,
  b: DatasetBuilder,
  asOf: Date | undefined,
  kinds: readonly InteractionKind[],
  opts: LoadOptions,
): Promise<void> {
  const types = (Object.keys(EVENT_KIND) as (keyof typeof EVENT_KIND)[]).filter((t) =>
    kinds.includes(EVENT_KIND[t]),
  );
  // A visitor who later identified counts as the customer: their browsing is that customer's history.
  const who = sql<string | null>`coalesce(${identityLinks.shopperId}, ${events.shopperId})`;
  const pages = keysetPages(
    (after: string | undefined, limit) =>
      exec
        .select({
          id: events.eventId,
          type: events.type,
          shopper: who,
          product: events.productId,
          quantity: events.quantity,
          ms: epochMs(events.occurredAt),
        })
        .from(events)
        .leftJoin(
          identityLinks,
          and(tenantFilter(ctx, identityLinks), eq(identityLinks.anonymousId, events.anonymousId)),
        )
        .where(
          and(
            tenantFilter(ctx, events),
            inArray(events.type, types),
            isNotNull(events.productId),
            or(isNotNull(events.shopperId), isNotNull(identityLinks.shopperId)),
            asOf && lt(events.occurredAt, asOf),
            after === undefined ? undefined : gt(events.eventId, after),
          ),
        )
        .orderBy(asc(events.eventId))
        .limit(limit),
    (e) => e.id,
    { limit: opts.pageSize?.events ?? 4_000, maxLimit: 20_000 },
  );
  for await (const page of pages) {
    for (const e of page) {
      const kind = EVENT_KIND[e.type as keyof typeof EVENT_KIND];
      b.add(e.shopper!, e.product!, Number(e.ms), KIND_CODE[kind], e.quantity ?? 1);
    }
    opts.onProgress?.(b.length);
  }
}

/** Category paths joined with " / ", for the product ids among `itemIds` (others null). */
async function itemCategories(exec: Executor, ctx: Tenant, itemIds: string[]): Promise<(string | null)[]> {
  const out = new Array<string | null>(itemIds.length).fill(null);
  const index = new Map(itemIds.map((id, j) => [id, j]));
  const ids = itemIds.filter((id) => !id.startsWith(EXTERNAL_ITEM_PREFIX));
  for await (const slice of slicesWithTurns(ids, 1000)) {
    const rows = await exec
      .select({ id: products.id, path: products.categoryPath })
      .from(products)
      .where(and(tenantFilter(ctx, products), inArray(products.id, slice)));
    for (const r of rows) if (r.path.length > 0) out[index.get(r.id)!] = r.path.join(' / ');
  }
  return out;
}

async function shopperCountries(
  exec: Executor,
  ctx: Tenant,
  shopperIds: string[],
): Promise<(string | null)[]> {
  const out = new Array<string | null>(shopperIds.length).fill(null);
  const index = new Map(shopperIds.map((id, s) => [id, s]));
  for await (const slice of slicesWithTurns(shopperIds, 1000)) {
    const rows = await exec
      .select({ id: shoppers.id, country: shoppers.country })
      .from(shoppers)
      .where(and(tenantFilter(ctx, shoppers), inArray(shoppers.id, slice)));
    for (const r of rows) out[index.get(r.id)!] = r.country;
  }
  return out;
}
