/**
 * Tests only: a synthetic store for the prediction services, written straight into the tables.
 * Customers order at their own rate until they stop ("churn") at a random day; each order is
 * preceded by a session of product views; a few anonymous visitors only browse. Deterministic.
 */
import type { Db } from '@/db/client';
import { events, orderLines, orders, products, shoppers } from '@/db/schema';
import { seededRandom } from '@/lib/recommend/eval/metrics';

const DAY_MS = 86_400_000;
export const FIXTURE_CATEGORIES = ['Apparel', 'Home', 'Toys'] as const;

export interface FixtureOptions {
  customers: number;
  visitors?: number;
  /** Length of the history, days, ending at `end`. */
  days: number;
  end: Date;
  seed?: number;
}

export interface FixtureResult {
  shopperIds: string[];
  productIds: string[];
  orders: number;
  events: number;
}

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

/** Writes the synthetic store into `tenantId`'s tables (EUR prices). */
export async function seedPredictionFixture(
  db: Db,
  tenantId: string,
  o: FixtureOptions,
): Promise<FixtureResult> {
  const rand = seededRandom(o.seed ?? 7);
  const start = o.end.getTime() - o.days * DAY_MS;
  const productRows = await db
    .insert(products)
    .values(
      FIXTURE_CATEGORIES.flatMap((cat, c) =>
        [0, 1].map((k) => ({
          tenantId,
          externalId: `P-${c}-${k}`,
          title: { en: `${cat} ${k}` },
          categoryPath: [cat, `${cat} ${k}`],
          priceMinor: 1000 + 1500 * c + 500 * k,
          currency: 'EUR',
        })),
      ),
    )
    .returning({ id: products.id, price: products.priceMinor });
  const shopperRows = await db
    .insert(shoppers)
    .values([
      ...Array.from({ length: o.customers }, (_, i) => ({
        tenantId,
        kind: 'customer',
        externalId: `C-${i}`,
        name: `Customer ${i}`,
        email: `c${i}@example.test`,
        country: i % 3 === 0 ? 'FR' : 'DE',
        firstSeenAt: new Date(start + rand() * o.days * 0.5 * DAY_MS),
      })),
      ...Array.from({ length: o.visitors ?? 0 }, (_, i) => ({
        tenantId,
        kind: 'visitor',
        anonymousId: `anon-${i}`,
        country: 'DE',
        firstSeenAt: new Date(start + rand() * o.days * DAY_MS),
      })),
    ])
    .returning({ id: shoppers.id, kind: shoppers.kind, firstSeenAt: shoppers.firstSeenAt });

  const orderValues: (typeof orders.$inferInsert)[] = [];
  const lineValues: { order: number; productIndex: number; quantity: number }[] = [];
  const eventValues: (typeof events.$inferInsert)[] = [];
  let n = 0;
  for (const s of shopperRows) {
    const from = s.firstSeenAt!.getTime();
    const favourite = Math.floor(rand() * productRows.length);
    if (s.kind === 'visitor') {
      for (let k = 0; k < 3; k++) {
        const at = from + rand() * (o.end.getTime() - from);
        eventValues.push(view(tenantId, s.id, `v-${n++}`, productRows[favourite]!.id, at, `vs-${n}`));
      }
      continue;
    }
    const gapDays = 10 + rand() * 50;
    const stop = from + rand() * o.days * 1.6 * DAY_MS;
    for (let t = from + rand() * gapDays * DAY_MS; t < Math.min(stop, o.end.getTime()); ) {
      const session = `s-${n++}`;
      eventValues.push(view(tenantId, s.id, `e-${n++}`, productRows[favourite]!.id, t - 600_000, session));
      const r = rand();
      const status = r < 0.9 ? 'paid' : r < 0.95 ? 'returned' : 'cancelled';
      const lines = 1 + Math.floor(rand() * 2);
      let total = 0;
      for (let l = 0; l < lines; l++) {
        const productIndex = l === 0 ? favourite : Math.floor(rand() * productRows.length);
        total += productRows[productIndex]!.price;
        lineValues.push({ order: orderValues.length, productIndex, quantity: 1 });
      }
      orderValues.push({
        tenantId,
        externalId: `O-${orderValues.length}`,
        shopperId: s.id,
        status,
        currency: 'EUR',
        totalMinor: total,
        placedAt: new Date(t),
      });
      t += (0.3 + rand() * 1.4) * gapDays * DAY_MS;
    }
  }
  const orderIds: string[] = [];
  await insertChunks(orderValues, async (chunk) => {
    const rows = await db.insert(orders).values(chunk).returning({ id: orders.id });
    orderIds.push(...rows.map((r) => r.id));
  });
  const lineNo = new Map<number, number>();
  const lines = lineValues.map((l) => {
    const no = (lineNo.get(l.order) ?? 0) + 1;
    lineNo.set(l.order, no);
    const p = productRows[l.productIndex]!;
    return {
      tenantId,
      orderId: orderIds[l.order]!,
      lineNo: no,
      productId: p.id,
      productExternalId: `ext-${l.productIndex}`,
      quantity: l.quantity,
      unitPriceMinor: p.price,
    };
  });
  await insertChunks(lines, (chunk) => db.insert(orderLines).values(chunk));
  await insertChunks(eventValues, (chunk) => db.insert(events).values(chunk));
  return {
    shopperIds: shopperRows.map((s) => s.id),
    productIds: productRows.map((p) => p.id),
    orders: orderValues.length,
    events: eventValues.length,
  };
}

function view(
  tenantId: string,
  shopperId: string,
  eventId: string,
  productId: string,
  at: number,
  sessionId: string,
) {
  return {
    tenantId,
    eventId,
    type: 'view' as const,
    shopperId,
    sessionId,
    productId,
    occurredAt: new Date(at),
  };
}
