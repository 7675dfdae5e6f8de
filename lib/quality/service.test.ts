import { describe, expect, it } from 'vitest';
import { ingestDaily, products, shoppers } from '@/db/schema';
import { ingestEvents } from '@/lib/events/service';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { getQualityReport, summarizeCounters, windowDays } from './service';

const BROWSER =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 Version/17.4 Safari/605.1.15';

describe('windowDays / summarizeCounters', () => {
  it('lists UTC days oldest first, today included', () => {
    expect(windowDays(new Date('2026-03-02T23:59:00Z'), 3)).toEqual([
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
  });

  it('sums per source in display order, fills empty days and ranks reasons', () => {
    const days = ['2026-03-01', '2026-03-02'];
    const row = (day: string, source: string, accepted: number, rejected = 0, reasons = {}) => ({
      day,
      source,
      accepted,
      duplicates: 1,
      rejected,
      bots: 0,
      reasons,
    });
    const s = summarizeCounters(
      [
        row('2026-03-01', 'import', 10, 2, { 'price: negative': 2 }),
        row('2026-03-01', 'api', 5, 1, { unknown_product: 1 }),
        row('2026-03-02', 'api', 7, 3, { unknown_product: 2, invalid_type: 1 }),
      ],
      days,
    );
    expect(s.sources.map((x) => [x.source, x.accepted, x.rejected, x.duplicates, x.lastDay])).toEqual([
      ['api', 12, 4, 2, '2026-03-02'],
      ['import', 10, 2, 1, '2026-03-01'],
    ]);
    expect(s.sources[1]!.days).toEqual([
      { day: '2026-03-01', accepted: 10, rejected: 2 },
      { day: '2026-03-02', accepted: 0, rejected: 0 },
    ]);
    expect(s.totals).toEqual({ accepted: 22, duplicates: 3, rejected: 6, bots: 0 });
    expect(s.topReasons).toEqual([
      { source: 'api', reason: 'unknown_product', count: 3 },
      { source: 'import', reason: 'price: negative', count: 2 },
      { source: 'api', reason: 'invalid_type', count: 1 },
    ]);
  });
});

describe.each(testDrivers())('quality report (%s)', (driver) => {
  const h = useTestDatabase(driver);

  it('is empty for a new workspace', async () => {
    const { ctx } = await createTestTenant(h().db, 'q-empty');
    const r = await getQualityReport(h().db, ctx);
    expect(r.hasData).toBe(false);
    expect(r.sources).toEqual([]);
    expect(r.events).toEqual({ total: 0, withoutProduct: 0, lastReceivedAt: null });
    expect(r.stitching).toEqual({ linked: 0, anonymous: 0, rate: null });
  });

  it('reports volumes, rejections, gaps and stitching for its own tenant only', async () => {
    const db = h().db;
    const a = await createTestTenant(db, 'q-a');
    const b = await createTestTenant(db, 'q-b');
    await db.insert(products).values([
      {
        tenantId: a.ctx.tenantId,
        externalId: 'FULL',
        title: { en: 'Full' },
        description: { en: 'A shirt' },
        brand: 'Acme',
        categoryPath: ['Shirts'],
        imageUrls: ['https://img/1.jpg'],
        stock: 3,
        priceMinor: 100,
        currency: 'EUR',
      },
      {
        tenantId: a.ctx.tenantId,
        externalId: 'BARE',
        title: { en: 'Bare' },
        description: { en: ' ' },
        priceMinor: 100,
        currency: 'EUR',
      },
    ]);
    await db.insert(shoppers).values([
      {
        tenantId: a.ctx.tenantId,
        kind: 'customer',
        externalId: 'c-full',
        email: 'x@y.z',
        country: 'DE',
        locale: 'de',
      },
    ]);
    await ingestEvents(
      db,
      a.ctx,
      [
        { type: 'view', eventId: '1', anonymousId: 'v1', productId: 'FULL' },
        { type: 'page_view', eventId: '2', anonymousId: 'v2' },
        { type: 'page_view', eventId: '3', anonymousId: 'v2', customerId: 'c-new' },
        { type: 'view', eventId: '4', anonymousId: 'v1', productId: 'NOPE' },
        { type: 'page_view', eventId: '2', anonymousId: 'v2' },
      ],
      { source: 'api' },
    );
    await ingestEvents(db, a.ctx, [{ type: 'page_view', eventId: '5', anonymousId: 'v3' }], {
      source: 'snippet',
      requestUserAgent: BROWSER,
    });
    await ingestEvents(db, a.ctx, [{ type: 'page_view', eventId: '6', anonymousId: 'v3' }], {
      source: 'snippet',
      requestUserAgent: 'Googlebot/2.1',
    });
    await ingestEvents(db, b.ctx, [{ type: 'page_view', eventId: 'b1', anonymousId: 'vb' }], {
      source: 'api',
    });

    const r = await getQualityReport(db, a.ctx);
    expect(r.hasData).toBe(true);
    expect(r.sources.map((s) => [s.source, s.accepted, s.duplicates, s.rejected, s.bots])).toEqual([
      ['api', 3, 1, 1, 0],
      ['snippet', 1, 0, 0, 1],
    ]);
    expect(r.totals).toEqual({ accepted: 4, duplicates: 1, rejected: 1, bots: 1 });
    expect(r.sources[0]!.days).toHaveLength(30);
    expect(r.sources[0]!.days.at(-1)).toMatchObject({ accepted: 3, rejected: 1 });
    expect(r.topReasons).toEqual([{ source: 'api', reason: 'unknown_product', count: 1 }]);
    expect(r.events.total).toBe(4);
    expect(r.events.withoutProduct).toBe(3);
    expect(r.events.lastReceivedAt).toBeInstanceOf(Date);
    expect(r.products).toEqual({
      total: 2,
      missing: { description: 1, brand: 1, image: 1, category: 1, stock: 1 },
    });
    // c-full is complete; c-new (created by the events API) has nothing but its id.
    expect(r.customers).toEqual({ total: 2, missing: { country: 1, locale: 1, email: 1 } });
    // v1, v3 are visitors; v2 identified as c-new.
    expect(r.stitching).toEqual({ linked: 1, anonymous: 3, rate: 1 / 3 });

    const rb = await getQualityReport(db, b.ctx);
    expect(rb.sources.map((s) => [s.source, s.accepted])).toEqual([['api', 1]]);
    expect(rb.products.total).toBe(0);
    expect(rb.stitching).toEqual({ linked: 0, anonymous: 1, rate: 0 });
  });

  it('counts other sources written by imports and connectors', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'q-src');
    const day = new Date().toISOString().slice(0, 10);
    await db.insert(ingestDaily).values([
      {
        tenantId: ctx.tenantId,
        day,
        source: 'import',
        accepted: 100,
        rejected: 4,
        reasons: { 'price: negative': 4 },
      },
      { tenantId: ctx.tenantId, day, source: 'shopify', accepted: 20 },
    ]);
    const r = await getQualityReport(db, ctx);
    expect(r.sources.map((s) => s.source)).toEqual(['import', 'shopify']);
    expect(r.topReasons).toEqual([{ source: 'import', reason: 'price: negative', count: 4 }]);
  });
});
