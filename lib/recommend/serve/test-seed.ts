/**
 * Writes the synthetic store (test-store.ts) into a workspace for database tests: products in one
 * category per taste cluster, customers, and one paid order per purchase time before the cutoff.
 * Tests only.
 */
import type { Db } from '@/db/client';
import { orderLines, orders, products, shoppers } from '@/db/schema';
import type { TenantContext } from '@/lib/tenant/context';
import { itemCluster, STORE_CUTOFF, syntheticStore } from '../test-store';

export interface SeededStore {
  /** Product uuid by synthetic item index. */
  productIds: string[];
  /** The store's product ids (external), by item index. */
  externalIds: string[];
  /** Customer external ids, by synthetic shopper index. */
  customerIds: string[];
}

export async function seedSyntheticStore(db: Db, ctx: Pick<TenantContext, 'tenantId'>): Promise<SeededStore> {
  const data = syntheticStore();
  const items = await db
    .insert(products)
    .values(
      data.itemIds.map((id, i) => ({
        tenantId: ctx.tenantId,
        externalId: id,
        title: { en: `Product ${id}`, de: `Produkt ${id}` },
        categoryPath: itemCluster(i) < 0 ? ['Trend'] : ['Cluster', String(itemCluster(i))],
        brand: i % 2 === 0 ? 'Acme' : 'Globex',
        priceMinor: 500 + i,
        currency: 'EUR',
      })),
    )
    .returning({ id: products.id });
  const people = await db
    .insert(shoppers)
    .values(
      data.shopperIds.map((id, s) => ({
        tenantId: ctx.tenantId,
        kind: 'customer',
        externalId: id,
        country: s % 2 ? 'DE' : 'FR',
      })),
    )
    .returning({ id: shoppers.id });
  const byOrder = new Map<string, number[]>();
  for (let e = 0; e < data.time.length; e++) {
    if (data.time[e]! >= STORE_CUTOFF) continue;
    const key = `${data.shopper[e]}:${data.time[e]}`;
    byOrder.set(key, [...(byOrder.get(key) ?? []), e]);
  }
  const entries = [...byOrder.values()];
  for (let from = 0; from < entries.length; from += 500) {
    const chunk = entries.slice(from, from + 500);
    const made = await db
      .insert(orders)
      .values(
        chunk.map((es, i) => ({
          tenantId: ctx.tenantId,
          externalId: `o${from + i}`,
          shopperId: people[data.shopper[es[0]!]!]!.id,
          status: 'paid',
          currency: 'EUR',
          totalMinor: 1,
          placedAt: new Date(data.time[es[0]!]!),
        })),
      )
      .returning({ id: orders.id });
    await db.insert(orderLines).values(
      chunk.flatMap((es, i) =>
        es.map((e, n) => ({
          tenantId: ctx.tenantId,
          orderId: made[i]!.id,
          lineNo: n + 1,
          productId: items[data.item[e]!]!.id,
          productExternalId: data.itemIds[data.item[e]!]!,
          quantity: 1,
          unitPriceMinor: 500,
        })),
      ),
    );
  }
  return { productIds: items.map((r) => r.id), externalIds: data.itemIds, customerIds: data.shopperIds };
}
