import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { orderLines, orders, products, shoppers } from '@/db/schema';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import type { ImportPlan } from './source';
import {
  ONLINE_RETAIL_EXPECTED,
  SimulatedCrash,
  createCheckpointTable,
  onlineRetailCsv,
  runWithCheckpoints,
  tempFile,
} from './testing/fixtures';

const IMPORT_ID = '00000000-0000-4000-8000-000000000001';
let n = 0;
const key = () => `run-${++n}-${Date.now()}`;

function retailPlan(batchRows: number): ImportPlan {
  return {
    importId: IMPORT_ID,
    kind: 'orders',
    format: 'online-retail',
    filePath: tempFile(onlineRetailCsv(), 'retail.csv'),
    fileName: 'retail.csv',
    mapping: {},
    currency: 'GBP',
    locale: 'en',
    batchRows,
  };
}

describe.each(testDrivers())('import pipeline (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;

  it('imports the Online Retail format with exact counts, and a second run changes nothing', async () => {
    await createCheckpointTable(db());
    const { ctx } = await createTestTenant(db());
    const plan = retailPlan(10);
    const first = await runWithCheckpoints(db(), ctx.tenantId, plan, key());
    expect(first).toMatchObject({
      rows: ONLINE_RETAIL_EXPECTED.rows,
      rejected: ONLINE_RETAIL_EXPECTED.rejected,
      accepted: ONLINE_RETAIL_EXPECTED.rows - ONLINE_RETAIL_EXPECTED.rejected,
      counts: ONLINE_RETAIL_EXPECTED.counts,
      statuses: ONLINE_RETAIL_EXPECTED.statuses,
      updated: 0,
      unchanged: 0,
    });
    expect(first.entities.orders.inserted).toBe(17);
    expect(first.reasons).toEqual({
      'Quantity: is not a whole number': 1,
      'InvoiceDate: is not a valid date': 1,
    });

    const t = ctx.tenantId;
    const count = async (table: typeof products | typeof orders | typeof shoppers) =>
      (await db().select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.tenantId, t)))[0]!.n;
    expect(await count(products)).toBe(36);
    expect(await count(shoppers)).toBe(9);
    expect(await count(orders)).toBe(17);

    const byId = async (ext: string) =>
      (
        await db()
          .select()
          .from(orders)
          .where(and(eq(orders.tenantId, t), eq(orders.externalId, ext)))
      )[0]!;
    // 536390 is split by another invoice in the file: one order with all six lines.
    const split = await byId('536390');
    const lines = await db()
      .select()
      .from(orderLines)
      .where(and(eq(orderLines.tenantId, t), eq(orderLines.orderId, split.id)));
    expect(lines).toHaveLength(6);
    expect(lines.every((l) => l.productId !== null)).toBe(true);
    expect(split.totalMinor).toBe(288 * 10 + 64 * 255 + 24 * 275 + 40 * 255 + 100 * 165 + 96 * 145);
    // A cancellation is a returned order with positive quantities; guests have no shopper.
    const cancel = await byId('C536383');
    expect(cancel).toMatchObject({ status: 'returned', totalMinor: 465, country: 'IE' });
    const [cancelLine] = await db()
      .select()
      .from(orderLines)
      .where(and(eq(orderLines.tenantId, t), eq(orderLines.orderId, cancel.id)));
    expect(cancelLine?.quantity).toBe(1);
    expect((await byId('536544')).shopperId).toBeNull();
    expect(await byId('536589')).toMatchObject({ status: 'cancelled', totalMinor: 0 });
    expect(await byId('A563186')).toMatchObject({ status: 'refunded', totalMinor: 1106206 });
    expect((await byId('536365')).placedAt.toISOString()).toBe('2010-12-01T08:26:00.000Z');
    // Products take the most frequent positive price (ties: the later one).
    const price = async (ext: string) =>
      (
        await db()
          .select()
          .from(products)
          .where(and(eq(products.tenantId, t), eq(products.externalId, ext)))
      )[0]!;
    expect(await price('85123A')).toMatchObject({
      priceMinor: 255,
      currency: 'GBP',
      title: { en: 'WHITE HANGING HEART T-LIGHT HOLDER' },
    });
    expect((await price('22632')).priceMinor).toBe(210);
    // Customers: ids without the float's ".0", countries as ISO codes where known.
    const customers = await db().select().from(shoppers).where(eq(shoppers.tenantId, t));
    const country = Object.fromEntries(customers.map((c) => [c.externalId, c.country]));
    expect(country).toMatchObject({ '15311': 'IE', '12583': 'FR', '13705': null, '17850': 'GB' });

    const again = await runWithCheckpoints(db(), ctx.tenantId, { ...plan }, key());
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: first.inserted, counts: first.counts });
    expect(await count(orders)).toBe(17);
  });

  it('resumes after a crash inside a batch: no duplicates, no partial batch, the same totals', async () => {
    await createCheckpointTable(db());
    const clean = await createTestTenant(db());
    const crashed = await createTestTenant(db());
    const plan = retailPlan(7);
    const reference = await runWithCheckpoints(db(), clean.ctx.tenantId, plan, key());

    const k = key();
    // Save 1 is the catalog; saves 2 and 3 are batches; the 4th batch dies before committing.
    await expect(runWithCheckpoints(db(), crashed.ctx.tenantId, plan, k, { crashAtSave: 4 })).rejects.toThrow(
      SimulatedCrash,
    );
    const [mid] = rowsOf<{ n: number }>(
      await db().execute(
        sql`select count(*)::int as n from orders where tenant_id = ${crashed.ctx.tenantId}`,
      ),
    );
    expect(mid!.n).toBeGreaterThan(0);
    expect(mid!.n).toBeLessThan(17);
    const resumed = await runWithCheckpoints(db(), crashed.ctx.tenantId, plan, k);
    expect(resumed).toEqual(reference);

    const tally = async (tenantId: string) =>
      rowsOf<{ orders: number; lines: number; distinct_orders: number; rejections: number }>(
        await db().execute(sql`
          select (select count(*)::int from orders where tenant_id = ${tenantId}) as orders,
                 (select count(distinct external_id)::int from orders where tenant_id = ${tenantId}) as distinct_orders,
                 (select count(*)::int from order_lines where tenant_id = ${tenantId}) as lines,
                 (select count(*)::int from import_rejections where tenant_id = ${tenantId}) as rejections`),
      )[0];
    expect(await tally(crashed.ctx.tenantId)).toEqual(await tally(clean.ctx.tenantId));
    expect(await tally(crashed.ctx.tenantId)).toEqual({
      orders: 17,
      distinct_orders: 17,
      lines: 46,
      rejections: 2,
    });
  });

  it('a batch that fails in the database leaves nothing of itself behind', async () => {
    await createCheckpointTable(db());
    const { ctx } = await createTestTenant(db());
    const csv = ['sku,title,price', ...Array.from({ length: 9 }, (_, i) => `sku-${i},Item ${i},1.00`)];
    csv[6] = 'boom,Fails in the database,1.00'; // row 5: in the second batch of 4
    const plan: ImportPlan = {
      importId: IMPORT_ID,
      kind: 'products',
      format: 'csv',
      filePath: tempFile(`${csv.join('\n')}\n`, 'p.csv'),
      fileName: 'p.csv',
      mapping: { externalId: 'sku', title: 'title', price: 'price' },
      currency: 'EUR',
      locale: 'en',
      batchRows: 4,
    };
    const fn = `boom_${ctx.tenantId.replace(/-/g, '')}`;
    await db().execute(
      sql.raw(`create function ${fn}() returns trigger language plpgsql as $$ begin
      if new.external_id = 'boom' then raise exception 'simulated failure'; end if; return new; end $$`),
    );
    await db().execute(
      sql.raw(`create trigger ${fn} before insert on products for each row execute function ${fn}()`),
    );
    const k = key();
    try {
      await expect(runWithCheckpoints(db(), ctx.tenantId, plan, k)).rejects.toThrow();
    } finally {
      await db().execute(sql.raw(`drop trigger ${fn} on products`));
      await db().execute(sql.raw(`drop function ${fn}()`));
    }
    const ids = (
      await db().select({ e: products.externalId }).from(products).where(eq(products.tenantId, ctx.tenantId))
    )
      .map((r) => r.e)
      .sort();
    expect(ids).toEqual(['sku-0', 'sku-1', 'sku-2', 'sku-3']); // batch 1 committed, batch 2 not at all
    const [cp] = rowsOf<{ row: number }>(
      await db().execute(
        sql`select (value->>'row')::int as row from import_test_checkpoints where key = ${k}`,
      ),
    );
    expect(cp?.row).toBe(4);
  });
});
