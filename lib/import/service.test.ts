import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { events, products } from '@/db/schema';
import { JobRunner } from '@/lib/jobs/runner';
import { waitForStatus } from '@/lib/jobs/testing/wait';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { previewImport } from './preview';
import { getImport, listImports, listRejections } from './queries';
import { createImport, saveMapping, startImport } from './service';
import type { ImportSummary } from './summary';
import { onlineRetailCsv } from './testing/fixtures';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-import-svc-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const body = (text: string) => Readable.from([Buffer.from(text)]);

async function upload(db: Db, ctx: TenantContext, text: string, meta: Record<string, unknown>) {
  return createImport(db, ctx, { body: body(text), ...meta }, { dataDir });
}

/** Starts an import and runs the job to its end with an in-process runner. */
async function runToEnd(db: Db, ctx: TenantContext, input: Record<string, unknown>) {
  const started = await startImport(db, ctx, input);
  const runner = new JobRunner(db, { pollMs: 20, progressIntervalMs: 20, scheduleMs: 0 });
  runner.start();
  try {
    await waitForStatus(db, ctx.tenantId, started.jobId!, 'succeeded', 'failed', 'cancelled');
  } finally {
    await runner.stop();
  }
  return (await getImport(db, ctx, started.id))!;
}

const PRODUCTS = [
  'SKU;Name;Price;Currency;Brand',
  'a-1;Linen shirt;49,90;EUR;Acme',
  'a-2;Wool hat;-5;EUR;Acme',
  'a-3;;12;EUR;Acme',
  'a-4;Scarf;12.5;XYZ;Acme',
  'a-5;Socks;3;eur;',
  'a-1;Linen shirt (new);59,90;EUR;Acme',
].join('\r\n');

describe.each(testDrivers())('import service and job (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;

  it('uploads, detects the mapping, previews, runs the job, reports rejections, and re-imports as unchanged', async () => {
    const { ctx } = await createTestTenant(db());
    const imp = await upload(db(), ctx, PRODUCTS, { fileName: 'products.csv', kind: 'products' });
    expect(imp).toMatchObject({ status: 'pending', format: 'csv', sizeBytes: Buffer.byteLength(PRODUCTS) });
    expect(imp.mapping).toEqual({
      externalId: 'SKU',
      title: 'Name',
      price: 'Price',
      currency: 'Currency',
      brand: 'Brand',
    });

    const preview = await previewImport(db(), ctx, imp.id);
    expect(preview.problems).toEqual([]);
    expect(preview.rows).toHaveLength(6);
    expect(preview.rows[0]).toMatchObject({
      rowNo: 1,
      cells: { externalId: 'a-1', price: '49,90' },
      issues: [],
    });
    expect(preview.rows[1]?.issues).toEqual([{ field: 'Price', reason: 'must not be negative' }]);

    const done = await runToEnd(db(), ctx, { id: imp.id });
    expect(done.status).toBe('succeeded');
    const summary = done.summary as unknown as ImportSummary;
    expect(summary).toMatchObject({
      rows: 6,
      accepted: 2, // a-5, and a-1 from its last row
      skipped: 1, // the first a-1 row, superseded by the last
      rejected: 3,
      inserted: 2,
      counts: { products: 2 },
      reasons: {
        'Price: must not be negative': 1,
        'Name: is required but empty': 1,
        'Currency: "…" is not a known currency code': 1,
      },
    });
    const rejections = await listRejections(db(), ctx, imp.id);
    expect(rejections).toEqual([
      { rowNo: 2, field: 'Price', reason: 'must not be negative' },
      { rowNo: 3, field: 'Name', reason: 'is required but empty' },
      { rowNo: 4, field: 'Currency', reason: '"XYZ" is not a known currency code' },
    ]);
    const rows = await db().select().from(products).where(eq(products.tenantId, ctx.tenantId));
    expect(rows.find((p) => p.externalId === 'a-1')).toMatchObject({
      priceMinor: 5990,
      title: { en: 'Linen shirt (new)' },
    });
    expect(rows.find((p) => p.externalId === 'a-5')).toMatchObject({ currency: 'EUR', brand: null });

    // The same file again: recognized, and nothing changes.
    const again = await upload(db(), ctx, PRODUCTS, { fileName: 'products-again.csv', kind: 'products' });
    expect((await previewImport(db(), ctx, again.id)).sameFile?.id).toBe(imp.id);
    const second = await runToEnd(db(), ctx, { id: again.id });
    expect(second.summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, rejected: 3 });
    expect((await listImports(db(), ctx)).map((i) => i.id)).toEqual([again.id, imp.id]);
  });

  it('refuses to start with a required field unmapped, before writing anything', async () => {
    const { ctx } = await createTestTenant(db());
    const imp = await upload(db(), ctx, 'code,label\n1,Thing\n', { fileName: 'x.csv', kind: 'products' });
    expect((await previewImport(db(), ctx, imp.id)).problems).toEqual([
      'Title is required: choose the column that holds it.',
      'Price is required: choose the column that holds it.',
    ]);
    await expect(startImport(db(), ctx, { id: imp.id })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      startImport(db(), ctx, { id: imp.id, mapping: { externalId: 'code', title: 'label', price: 'nope' } }),
    ).rejects.toThrow(/the file has no column "nope"/);
    expect((await getImport(db(), ctx, imp.id))?.status).toBe('pending');
    expect(await db().select().from(products).where(eq(products.tenantId, ctx.tenantId))).toEqual([]);
    // A mapping chosen by hand can be saved and works.
    await saveMapping(db(), ctx, {
      name: 'Legacy export',
      kind: 'products',
      mapping: { externalId: 'code', title: 'label', price: 'code' },
    });
    const done = await runToEnd(db(), ctx, {
      id: imp.id,
      mapping: { externalId: 'code', title: 'label', price: 'code' },
    });
    expect(done.summary).toMatchObject({ inserted: 1 });
  });

  it('rejects whole-file problems at upload and discards the file', async () => {
    const { ctx } = await createTestTenant(db());
    await expect(upload(db(), ctx, '', { fileName: 'e.csv', kind: 'products' })).rejects.toMatchObject({
      code: 'bad_request',
    });
    await expect(
      upload(db(), ctx, '{"a":1}', { fileName: 'e.json', kind: 'products', format: 'json' }),
    ).rejects.toThrow(/NDJSON/);
    await expect(
      upload(db(), ctx, 'a,b\n1,2\n', { fileName: 'x.csv', kind: 'orders', format: 'online-retail' }),
    ).rejects.toThrow(/not an Online Retail file/);
    await expect(upload(db(), ctx, 'a\n', { fileName: 'x.csv', kind: 'nope' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(
      createImport(
        db(),
        ctx,
        { body: body('sku,title,price\n1,a,2\n'), fileName: 'big.csv', kind: 'products' },
        { dataDir, maxBytes: 10 },
      ),
    ).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(fs.readdirSync(path.join(dataDir, 'imports', ctx.tenantId))).toEqual([]);
  });

  it('imports the Online Retail format through the job, and events with unknown products rejected', async () => {
    const { ctx } = await createTestTenant(db());
    const retail = await upload(db(), ctx, onlineRetailCsv(), {
      fileName: 'online_retail.csv',
      kind: 'orders',
    });
    expect(retail).toMatchObject({
      format: 'online-retail',
      options: expect.objectContaining({ currency: 'GBP' }),
    });
    const done = await runToEnd(db(), ctx, { id: retail.id });
    expect(done.summary).toMatchObject({
      counts: { products: 36, shoppers: 9, orders: 17, cancellations: 3, guestOrders: 6 },
    });

    const ndjson = [
      { id: 'e1', event: 'view', ts: '2011-01-05T10:00:00Z', anonymous_id: 'anon-1', sku: '85123A' },
      {
        id: 'e2',
        event: 'add_to_cart',
        ts: '2011-01-05T10:01:00Z',
        customer_id: '17850',
        anonymous_id: 'anon-1',
        sku: '85123A',
        qty: 2,
      },
      { id: 'e3', event: 'view', ts: '2011-01-05T10:02:00Z', customer_id: '17850', sku: 'NOPE' },
      { id: 'e4', event: 'teleport', ts: '2011-01-05T10:03:00Z', customer_id: '17850' },
      { id: 'e1', event: 'view', ts: '2011-01-05T10:00:00Z', anonymous_id: 'anon-1', sku: '85123A' },
    ]
      .map((e) => JSON.stringify(e))
      .join('\n');
    const ev = await upload(db(), ctx, ndjson, { fileName: 'events.ndjson', kind: 'events' });
    expect(ev.mapping).toMatchObject({
      eventId: 'id',
      type: 'event',
      occurredAt: 'ts',
      productId: 'sku',
      quantity: 'qty',
    });
    const evDone = await runToEnd(db(), ctx, { id: ev.id });
    expect(evDone.summary).toMatchObject({
      rows: 5,
      rejected: 2,
      accepted: 3,
      entities: { events: { inserted: 2, duplicates: 1 } },
      counts: { events: 3 },
    });
    expect(await listRejections(db(), ctx, ev.id)).toEqual([
      {
        rowNo: 3,
        field: 'sku',
        reason: '"NOPE" is not a product of this workspace (import the products first)',
      },
      { rowNo: 4, field: 'event', reason: expect.stringMatching(/^"teleport" is not an event type/) },
    ]);
    const stored = await db().select().from(events).where(eq(events.tenantId, ctx.tenantId));
    expect(stored.map((e) => e.eventId).sort()).toEqual(['e1', 'e2']);
    expect(stored.every((e) => e.productId !== null && e.shopperId !== null)).toBe(true);
  });

  it('imports a JSON array with nested values through dotted columns', async () => {
    const { ctx } = await createTestTenant(db());
    const json = JSON.stringify([
      { id: 'j1', name: 'Jacket', price: { amount: '99.5', currency: 'usd' } },
      { id: 'j2', name: 'Cap', price: { amount: 12, currency: 'USD' }, categories: ['Hats', 'Caps'] },
    ]);
    const imp = await upload(db(), ctx, json, { fileName: 'catalog.json', kind: 'products' });
    expect(imp.format).toBe('json');
    expect(imp.mapping).toEqual({
      externalId: 'id',
      title: 'name',
      price: 'price.amount',
      currency: 'price.currency',
      category: 'categories',
    });
    const done = await runToEnd(db(), ctx, { id: imp.id });
    expect(done.summary).toMatchObject({ accepted: 2, inserted: 2, rejected: 0 });
    const rows = await db().select().from(products).where(eq(products.tenantId, ctx.tenantId));
    expect(rows.find((p) => p.externalId === 'j1')).toMatchObject({
      priceMinor: 9950,
      currency: 'USD',
      categoryPath: [],
    });
    expect(rows.find((p) => p.externalId === 'j2')).toMatchObject({
      priceMinor: 1200,
      categoryPath: ['Hats', 'Caps'],
    });
  });

  it('keeps imports, previews and rejections of one workspace away from another', async () => {
    const a = await createTestTenant(db());
    const b = await createTestTenant(db());
    const imp = await upload(db(), a.ctx, PRODUCTS, { fileName: 'p.csv', kind: 'products' });
    await runToEnd(db(), a.ctx, { id: imp.id });
    expect(await getImport(db(), b.ctx, imp.id)).toBeNull();
    expect(await listImports(db(), b.ctx)).toEqual([]);
    expect(await listRejections(db(), b.ctx, imp.id)).toEqual([]);
    await expect(previewImport(db(), b.ctx, imp.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(startImport(db(), b.ctx, { id: imp.id })).rejects.toMatchObject({ code: 'not_found' });
    expect(await getImport(db(), a.ctx, 'not-a-uuid')).toBeNull();
  });
});
