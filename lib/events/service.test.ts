import { and, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { events, identityLinks, ingestDaily, products, shoppers } from '@/db/schema';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import {
  clearRecentViews,
  getRecentViewIds,
  setRecentViewsOptions,
} from '@/lib/recommend/serve/recent-views';
import { CounterBuffer } from './counters';
import { ingestEvents } from './service';
import { ShopperCache } from './shopper-cache';

const NOW = new Date('2026-03-31T12:00:00Z');
const DAY = '2026-03-31';
const at = (minutesAgo: number) => new Date(NOW.getTime() - minutesAgo * 60_000).toISOString();
const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36';

async function addProduct(db: Db, tenantId: string, externalId: string) {
  const [p] = await db
    .insert(products)
    .values({ tenantId, externalId, title: { en: externalId }, priceMinor: 1000, currency: 'EUR' })
    .returning({ id: products.id });
  return p!.id;
}

async function storedEvents(db: Db, tenantId: string) {
  return db.select().from(events).where(eq(events.tenantId, tenantId)).orderBy(events.eventId);
}

async function counters(db: Db, tenantId: string, source = 'api') {
  const [row] = await db
    .select()
    .from(ingestDaily)
    .where(and(eq(ingestDaily.tenantId, tenantId), eq(ingestDaily.source, source)));
  return row;
}

describe.each(testDrivers())('ingestEvents (%s)', (driver) => {
  const h = useTestDatabase(driver);
  const ingest = (db: Db, tenantId: string, raw: unknown[], source: 'api' | 'snippet' = 'api', ua?: string) =>
    ingestEvents(db, { tenantId }, raw, { source, now: NOW, requestUserAgent: ua });

  it('accepts valid events, rejects invalid ones with reasons, drops bots, and counts it all', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'ev-counts');
    const sku = await addProduct(db, ctx.tenantId, 'SKU-1');
    const result = await ingest(db, ctx.tenantId, [
      { type: 'view', eventId: 'a', anonymousId: 'v1', productId: 'SKU-1', timestamp: at(5) },
      { type: 'page_view', eventId: 'b', anonymousId: 'v1', context: { url: 'https://s/', locale: 'de-DE' } },
      { type: 'view', eventId: 'c', anonymousId: 'v1', productId: 'NOPE' },
      { type: 'view', eventId: 'd', anonymousId: 'v1' },
      { type: 'page_view', eventId: 'e', anonymousId: 'v2', context: { userAgent: 'Googlebot/2.1' } },
      { type: 'page_view', eventId: 'a', anonymousId: 'v1' },
      'garbage',
      {
        type: 'purchase',
        eventId: 'f',
        customerId: 'c-9',
        productId: 'SKU-1',
        quantity: 2,
        priceMinor: 2000,
        currency: 'EUR',
      },
    ]);
    expect(result).toMatchObject({ accepted: 3, duplicates: 1, rejected: 3, bots: 1 });
    expect(result.errors.map((e) => [e.index, e.eventId, e.reason])).toEqual([
      [2, 'c', 'unknown_product'],
      [3, 'd', 'missing_product'],
      [6, undefined, 'not_an_object'],
    ]);
    expect(result.errors[0]!.message).toContain('"NOPE"');

    const rows = await storedEvents(db, ctx.tenantId);
    expect(rows.map((r) => r.eventId)).toEqual(['a', 'b', 'f']);
    const [a, b, f] = rows;
    expect(a).toMatchObject({ type: 'view', productId: sku, anonymousId: 'v1' });
    expect(a!.occurredAt.toISOString()).toBe(at(5));
    expect(b!.context).toEqual({ url: 'https://s/', locale: 'de-DE' });
    expect(b!.shopperId).toBe(a!.shopperId);
    expect(f).toMatchObject({
      productId: sku,
      quantity: 2,
      priceMinor: 2000,
      currency: 'EUR',
      anonymousId: null,
    });

    const [visitor] = await db.select().from(shoppers).where(eq(shoppers.id, a!.shopperId!));
    expect(visitor).toMatchObject({ kind: 'visitor', anonymousId: 'v1', locale: 'de-DE' });
    const [customer] = await db.select().from(shoppers).where(eq(shoppers.id, f!.shopperId!));
    expect(customer).toMatchObject({ kind: 'customer', externalId: 'c-9' });

    expect(await counters(db, ctx.tenantId)).toMatchObject({
      day: DAY,
      accepted: 3,
      duplicates: 1,
      rejected: 3,
      bots: 1,
      reasons: { unknown_product: 1, missing_product: 1, not_an_object: 1 },
    });
  });

  describe('recent views of the serving path', () => {
    afterEach(() => {
      setRecentViewsOptions({ pollMs: 1_000 });
      clearRecentViews();
    });

    it('pushes stored views into the in-memory lists, so the next answer follows them without a poll', async () => {
      const db = h().db;
      const { ctx } = await createTestTenant(db, 'ev-recent');
      const first = await addProduct(db, ctx.tenantId, 'SKU-R1');
      const second = await addProduct(db, ctx.tenantId, 'SKU-R2');
      await ingest(db, ctx.tenantId, [
        { type: 'view', eventId: 'r1', customerId: 'c-r', productId: 'SKU-R1', timestamp: at(10) },
      ]);
      const [shopper] = await db
        .select({ id: shoppers.id })
        .from(shoppers)
        .where(and(eq(shoppers.tenantId, ctx.tenantId), eq(shoppers.externalId, 'c-r')));
      const who = { shopperId: shopper!.id };
      clearRecentViews();
      // No poll during this test: only the push can bring the new view in.
      setRecentViewsOptions({ pollMs: 3_600_000 });
      expect(await getRecentViewIds(db, ctx.tenantId, who)).toEqual([first]);
      const result = await ingest(db, ctx.tenantId, [
        { type: 'view', eventId: 'r2', customerId: 'c-r', productId: 'SKU-R2', timestamp: at(1) },
        { type: 'add_to_cart', eventId: 'r3', customerId: 'c-r', productId: 'SKU-R1', timestamp: at(0) },
      ]);
      expect(result.accepted).toBe(2);
      // Answered from memory (an array, not a pending read), newest first; add_to_cart is no view.
      expect(getRecentViewIds(db, ctx.tenantId, who)).toEqual([second, first]);
    });
  });

  it('keeps the first storable copy of an id in a batch: a rejected copy does not make it a duplicate', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'ev-copies');
    const result = await ingest(db, ctx.tenantId, [
      { type: 'view', eventId: 'same', anonymousId: 'v', productId: 'UNKNOWN' },
      { type: 'page_view', eventId: 'same', anonymousId: 'v' },
      { type: 'page_view', eventId: 'same', anonymousId: 'v' },
    ]);
    expect(result).toMatchObject({ accepted: 1, duplicates: 1, rejected: 1 });
    expect((await storedEvents(db, ctx.tenantId)).map((e) => e.type)).toEqual(['page_view']);
  });

  it('is idempotent: the same batch twice stores nothing new and counts duplicates', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'ev-idem');
    const batch = Array.from({ length: 50 }, (_, i) => ({
      type: 'page_view',
      eventId: `evt-${i}`,
      anonymousId: `v${i % 7}`,
      timestamp: at(i),
    }));
    expect(await ingest(db, ctx.tenantId, batch)).toMatchObject({ accepted: 50, duplicates: 0, rejected: 0 });
    expect(await ingest(db, ctx.tenantId, batch)).toMatchObject({ accepted: 0, duplicates: 50, rejected: 0 });
    expect(await storedEvents(db, ctx.tenantId)).toHaveLength(50);
    const [{ n }] = (await db
      .select({ n: sql<number>`count(*)::int` })
      .from(shoppers)
      .where(eq(shoppers.tenantId, ctx.tenantId))) as [{ n: number }];
    expect(n).toBe(7);
    expect(await counters(db, ctx.tenantId)).toMatchObject({ accepted: 50, duplicates: 50, rejected: 0 });
  });

  it('stitches a visitor to the customer when they identify, and resolves later events to the customer', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'ev-stitch');
    await addProduct(db, ctx.tenantId, 'SKU-1');
    await ingest(db, ctx.tenantId, [
      { type: 'page_view', eventId: 's1', anonymousId: 'anon-x', timestamp: at(30) },
      { type: 'view', eventId: 's2', anonymousId: 'anon-x', productId: 'SKU-1', timestamp: at(29) },
    ]);
    const before = await storedEvents(db, ctx.tenantId);
    const visitorId = before[0]!.shopperId!;
    expect(before[1]!.shopperId).toBe(visitorId);

    // Signs in: an event carrying both ids links them.
    await ingest(db, ctx.tenantId, [
      { type: 'page_view', eventId: 's3', anonymousId: 'anon-x', customerId: 'cust-7', timestamp: at(20) },
    ]);
    const [customer] = await db
      .select()
      .from(shoppers)
      .where(and(eq(shoppers.tenantId, ctx.tenantId), eq(shoppers.externalId, 'cust-7')));
    expect(customer?.kind).toBe('customer');
    const links = await db.select().from(identityLinks).where(eq(identityLinks.tenantId, ctx.tenantId));
    expect(links.map((l) => [l.anonymousId, l.shopperId])).toEqual([['anon-x', customer!.id]]);

    // Later anonymous-only events resolve to the customer.
    await ingest(db, ctx.tenantId, [
      { type: 'add_to_cart', eventId: 's4', anonymousId: 'anon-x', productId: 'SKU-1', timestamp: at(10) },
    ]);
    const after = await storedEvents(db, ctx.tenantId);
    expect(after.map((e) => [e.eventId, e.shopperId === customer!.id ? 'customer' : 'visitor'])).toEqual([
      ['s1', 'visitor'],
      ['s2', 'visitor'],
      ['s3', 'customer'],
      ['s4', 'customer'],
    ]);
    expect(after.every((e) => e.anonymousId === 'anon-x')).toBe(true);

    // Events in one batch: the identify event stitches its anonymous companions too.
    await ingest(db, ctx.tenantId, [
      { type: 'page_view', eventId: 't1', anonymousId: 'anon-y', timestamp: at(3) },
      { type: 'page_view', eventId: 't2', anonymousId: 'anon-y', customerId: 'cust-7', timestamp: at(2) },
    ]);
    const t = (await storedEvents(db, ctx.tenantId)).filter((e) => e.eventId.startsWith('t'));
    expect(t.map((e) => e.shopperId)).toEqual([customer!.id, customer!.id]);
    expect(
      await db.select().from(identityLinks).where(eq(identityLinks.tenantId, ctx.tenantId)),
    ).toHaveLength(2);
  });

  it('with a counter buffer (the fast path), counts reach ingest_daily on flush and add up the same', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'ev-buffer');
    const buffer = new CounterBuffer({ flushMs: 60_000 });
    const batch = [
      { type: 'page_view', eventId: 'x1', anonymousId: 'v' },
      { type: 'page_view', eventId: 'x1', anonymousId: 'v' },
      { type: 'view', eventId: 'x2', anonymousId: 'v' },
    ];
    const opts = { source: 'api' as const, now: NOW, counters: buffer };
    expect(await ingestEvents(db, ctx, batch, opts)).toMatchObject({
      accepted: 1,
      duplicates: 1,
      rejected: 1,
    });
    expect(await ingestEvents(db, ctx, batch, opts)).toMatchObject({
      accepted: 0,
      duplicates: 2,
      rejected: 1,
    });
    expect(await counters(db, ctx.tenantId)).toBeUndefined(); // not yet written
    await buffer.flush();
    expect(await counters(db, ctx.tenantId)).toMatchObject({
      accepted: 1,
      duplicates: 3,
      rejected: 2,
      reasons: { missing_product: 2 },
    });
  });

  it('another server process sees a new link once its cached resolution expires', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'ev-procs');
    let t = 0;
    const a = new ShopperCache({ anonymousTtlMs: 60_000, now: () => t }); // server A
    const b = new ShopperCache(); // server B
    const send = (cache: ShopperCache, eventId: string, extra: object = {}) =>
      ingestEvents(db, ctx, [{ type: 'page_view', eventId, anonymousId: 'anon-p', ...extra }], {
        source: 'api',
        now: NOW,
        shoppers: cache,
      });
    await send(a, 'p1'); // A: a visitor
    await send(b, 'p2', { customerId: 'cust-p' }); // B: identifies
    await send(a, 'p3'); // A still has the visitor cached
    t += 60_001;
    await send(a, 'p4'); // …and resolves to the customer once it expires
    await send(b, 'p5'); // B knew at once
    const rows = await storedEvents(db, ctx.tenantId);
    const customer = rows.find((r) => r.eventId === 'p2')!.shopperId;
    expect(rows.map((r) => [r.eventId, r.shopperId === customer])).toEqual([
      ['p1', false],
      ['p2', true],
      ['p3', false],
      ['p4', true],
      ['p5', true],
    ]);
  });

  it('rejects timestamps more than 5 minutes ahead or 90 days back, storing nothing for them', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'ev-time');
    const result = await ingest(db, ctx.tenantId, [
      { type: 'page_view', eventId: 'future', anonymousId: 'v', timestamp: '2026-03-31T12:10:00Z' },
      { type: 'page_view', eventId: 'old', anonymousId: 'v', timestamp: '2025-11-01T00:00:00Z' },
      { type: 'page_view', eventId: 'ok', anonymousId: 'v', timestamp: '2026-03-31T12:04:00Z' },
    ]);
    expect(result).toMatchObject({ accepted: 1, rejected: 2 });
    expect(result.errors.map((e) => e.reason)).toEqual(['timestamp_in_future', 'timestamp_too_old']);
    expect((await storedEvents(db, ctx.tenantId)).map((e) => e.eventId)).toEqual(['ok']);
  });

  it('keeps tenants apart: product ids resolve only in their own tenant, event ids are per tenant', async () => {
    const db = h().db;
    const a = await createTestTenant(db, 'ev-iso-a');
    const b = await createTestTenant(db, 'ev-iso-b');
    const skuA = await addProduct(db, a.ctx.tenantId, 'ONLY-IN-A');
    const batch = [
      { type: 'view', eventId: 'same-id', anonymousId: 'v', productId: 'ONLY-IN-A' },
      { type: 'page_view', eventId: 'shared', anonymousId: 'v' },
    ];
    expect(await ingest(db, a.ctx.tenantId, batch)).toMatchObject({ accepted: 2, rejected: 0 });
    const inB = await ingest(db, b.ctx.tenantId, batch);
    expect(inB).toMatchObject({ accepted: 1, duplicates: 0, rejected: 1 });
    expect(inB.errors[0]?.reason).toBe('unknown_product');
    expect((await storedEvents(db, a.ctx.tenantId)).map((e) => [e.eventId, e.productId])).toEqual([
      ['same-id', skuA],
      ['shared', null],
    ]);
    expect((await storedEvents(db, b.ctx.tenantId)).map((e) => e.eventId)).toEqual(['shared']);
    expect(await counters(db, a.ctx.tenantId)).toMatchObject({ accepted: 2, rejected: 0 });
    expect(await counters(db, b.ctx.tenantId)).toMatchObject({ accepted: 1, rejected: 1 });
    // B's visitor "v" is B's own shopper, not A's.
    const vs = await db.select().from(shoppers).where(eq(shoppers.anonymousId, 'v'));
    const mine = vs.filter((s) => s.tenantId === a.ctx.tenantId || s.tenantId === b.ctx.tenantId);
    expect(mine.map((s) => s.tenantId).sort()).toEqual([a.ctx.tenantId, b.ctx.tenantId].sort());
  });

  it('adds up counters per day and source, merging reasons', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'ev-counters');
    await ingest(db, ctx.tenantId, [{ type: 'view', eventId: '1', anonymousId: 'v' }, 7], 'snippet', BROWSER);
    await ingest(
      db,
      ctx.tenantId,
      [
        { type: 'view', eventId: '2', anonymousId: 'v' },
        { type: 'page_view', eventId: '3', anonymousId: 'v' },
      ],
      'snippet',
      BROWSER,
    );
    // A browser request whose agent is a bot: counted as bots, nothing stored.
    await ingest(
      db,
      ctx.tenantId,
      [{ type: 'page_view', eventId: '4', anonymousId: 'v' }],
      'snippet',
      'curl/8',
    );
    expect(await counters(db, ctx.tenantId, 'snippet')).toMatchObject({
      accepted: 1,
      rejected: 3,
      bots: 1,
      reasons: { missing_product: 2, not_an_object: 1 },
    });
    expect(await counters(db, ctx.tenantId, 'api')).toBeUndefined();
    // The server's own agent says nothing about the shopper: not a bot for secret keys.
    expect(
      await ingest(
        db,
        ctx.tenantId,
        [{ type: 'page_view', eventId: '5', anonymousId: 'v' }],
        'api',
        'curl/8',
      ),
    ).toMatchObject({ accepted: 1, bots: 0 });
  });

  it('resolves shoppers correctly when concurrent batches create the same ones', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'ev-race');
    const batches = Array.from({ length: 6 }, (_, b) =>
      Array.from({ length: 40 }, (_, i) => ({
        type: 'page_view',
        eventId: `b${b}-${i}`,
        anonymousId: `v${i % 10}`,
        ...(i % 4 === 0 ? { customerId: `c${i % 3}` } : {}),
      })),
    );
    const results = await Promise.all(batches.map((batch) => ingest(db, ctx.tenantId, batch)));
    expect(results.reduce((n, r) => n + r.accepted, 0)).toBe(240);
    const rows = await storedEvents(db, ctx.tenantId);
    expect(rows).toHaveLength(240);
    expect(rows.every((r) => r.shopperId !== null)).toBe(true);
    const people = await db.select().from(shoppers).where(eq(shoppers.tenantId, ctx.tenantId));
    expect(people.filter((p) => p.kind === 'customer')).toHaveLength(3);
    expect(new Set(people.map((p) => p.anonymousId ?? p.externalId)).size).toBe(people.length);
  });
});
