import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db/client';
import { upsertOrders, upsertProducts, upsertShoppers } from '@/lib/ingest/upsert';

/**
 * Test data for profile tests: a small store with two categories, three customers and orders
 * written through the real ingest writers (so the refresh hook runs too). Not used in production.
 */

const DAY = 86_400_000;

export interface SeededStore {
  /** Shopper id by customer external id. */
  shopper: Record<'ann' | 'bob' | 'cyd', string>;
  product: Record<string, string>;
}

export async function seedProfileStore(db: Db, tenantId: string, now: number): Promise<SeededStore> {
  const ctx = { tenantId };
  const boots = [4_000, 6_000, 8_000, 10_000, 12_000, 30_000].map((p, i) => ({
    externalId: `boot-${i}`,
    title: { en: `Boot ${i}`, de: `Stiefel ${i}` },
    categoryPath: ['Shoes', 'Boots'],
    brand: i % 2 ? 'Globex' : 'Acme',
    priceMinor: p,
    currency: 'EUR',
  }));
  const lamps = [1_000, 2_000, 3_000].map((p, i) => ({
    externalId: `lamp-${i}`,
    title: { en: `Lamp ${i}` },
    categoryPath: ['Home', 'Lamps'],
    brand: 'Initech',
    priceMinor: p,
    currency: 'EUR',
  }));
  await upsertProducts(db, ctx, [...boots, ...lamps]);
  await upsertShoppers(db, ctx, [
    {
      externalId: 'ann',
      name: 'Ann Archer',
      email: 'ann@example.com',
      country: 'DE',
      locale: 'de-DE',
      attributes: { age_band: '35-44' },
    },
    { externalId: 'bob', name: 'Bob Baker', email: 'bob@example.com', country: 'FR', locale: 'fr-FR' },
    { externalId: 'cyd', name: 'Cyd Cole', email: 'cyd@example.org', country: 'DE', locale: 'en' },
  ]);
  const order = (
    id: string,
    who: string,
    days: number,
    sku: string,
    unit: number,
    status: 'paid' | 'returned' = 'paid',
    currency = 'EUR',
  ) => ({
    externalId: id,
    shopperExternalId: who,
    status,
    currency,
    totalMinor: unit,
    placedAt: new Date(now - days * DAY),
    lines: [{ productExternalId: sku, quantity: 1, unitPriceMinor: unit }],
  });
  await upsertOrders(db, ctx, [
    // Ann: frequent, recent, premium boots.
    order('o-1', 'ann', 90, 'boot-5', 30_000),
    order('o-2', 'ann', 60, 'boot-4', 12_000),
    order('o-3', 'ann', 30, 'boot-5', 30_000),
    order('o-4', 'ann', 2, 'boot-4', 12_000),
    // Bob: one budget lamp long ago, one returned order, one in a currency without a rate.
    order('o-5', 'bob', 200, 'lamp-0', 1_000),
    order('o-6', 'bob', 150, 'lamp-1', 2_000, 'returned'),
    order('o-7', 'bob', 140, 'lamp-0', 1_000, 'paid', 'CHF'),
    // Cyd: two mid orders.
    order('o-8', 'cyd', 40, 'boot-2', 8_000),
    order('o-9', 'cyd', 20, 'lamp-1', 2_000),
  ]);
  const ids = rowsOf<{ id: string; external_id: string }>(
    await db.execute(
      sql`select id, external_id from shoppers where tenant_id = ${tenantId} and external_id is not null`,
    ),
  );
  const pids = rowsOf<{ id: string; external_id: string }>(
    await db.execute(sql`select id, external_id from products where tenant_id = ${tenantId}`),
  );
  const by = (rows: { id: string; external_id: string }[]) =>
    Object.fromEntries(rows.map((r) => [r.external_id, r.id]));
  return { shopper: by(ids) as SeededStore['shopper'], product: by(pids) };
}
