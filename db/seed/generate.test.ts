import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { chronologicalOrder, type DemoStore, generateDemoStore } from './generate';
import { type DemoStoreStats, summarizeDemoStore } from './stats';
import { DAY_MS } from './timeline';

const TENANT = '11111111-1111-4111-8111-111111111111';
const NOW = new Date('2026-03-15T10:30:00Z');

function digest(store: DemoStore): string {
  return createHash('sha256').update(JSON.stringify(store)).digest('hex');
}

describe('generateDemoStore: determinism', () => {
  it('gives byte-identical output for the same seed and now, and different output otherwise', () => {
    const a = generateDemoStore({ tenantId: TENANT, now: NOW, scale: 0.1 });
    const b = generateDemoStore({ tenantId: TENANT, now: NOW, scale: 0.1 });
    expect(digest(a)).toBe(digest(b));
    const other = generateDemoStore({ tenantId: TENANT, now: NOW, scale: 0.1, seed: 7 });
    expect(digest(other)).not.toBe(digest(a));
    const later = generateDemoStore({ tenantId: TENANT, now: new Date(NOW.getTime() + DAY_MS), scale: 0.1 });
    expect(later.events.at(-1)!.occurredAt.getTime()).toBeGreaterThan(a.events.at(-1)!.occurredAt.getTime());
  });

  it('sorts times with ties kept in index order', () => {
    expect([...chronologicalOrder([5, 1, 5, 0, 1])]).toEqual([3, 1, 4, 0, 2]);
    expect([...chronologicalOrder([])]).toEqual([]);
  });
});

describe('generateDemoStore: full scale', () => {
  let store: DemoStore;
  let stats: DemoStoreStats;
  beforeAll(() => {
    store = generateDemoStore({ tenantId: TENANT, now: NOW });
    stats = summarizeDemoStore(store, NOW);
  });

  it('has a multilingual catalog of 600+ products in 8+ two-level categories', () => {
    expect(stats.counts.products).toBeGreaterThanOrEqual(600);
    expect(stats.categories).toBeGreaterThanOrEqual(8);
    expect(stats.brands).toBeGreaterThanOrEqual(25);
    const wellFormed = store.products.every(
      (p) =>
        p.categoryPath?.length === 2 &&
        p.imageUrls?.length === 0 &&
        p.currency === 'EUR' &&
        Number.isInteger(p.priceMinor) &&
        p.priceMinor > 0 &&
        Boolean(p.title.en),
    );
    expect(wellFormed).toBe(true);
    for (const locale of ['en', 'de', 'fr', 'es', 'ja', 'zh']) {
      expect(stats.titleLocales[locale] ?? 0).toBeGreaterThan(stats.counts.products * 0.85);
      expect(store.products.filter((p) => p.description?.[locale]).length).toBeGreaterThan(500);
    }
    // Realistic coverage: most products are fully translated, not all.
    expect(stats.fullyTranslated).toBeGreaterThan(stats.counts.products * 0.7);
    expect(stats.fullyTranslated).toBeLessThan(stats.counts.products);
    expect(new Set(store.products.map((p) => p.externalId)).size).toBe(stats.counts.products);
    expect(stats.outOfStock).toBeGreaterThan(10);
    expect(stats.publishedLast30Days).toBeGreaterThan(10);
  });

  it('puts a few active products on sale with a compare-at price above the price', () => {
    const sale = store.products.filter((p) => p.attributes?.compare_at_price_minor !== undefined);
    expect(sale.length).toBeGreaterThan(stats.counts.products * 0.03);
    expect(sale.length).toBeLessThan(stats.counts.products * 0.08);
    for (const p of sale) {
      expect(p.status).toBe('active');
      const was = Number(p.attributes?.compare_at_price_minor);
      expect(Number.isInteger(was) && was > p.priceMinor && was < p.priceMinor * 1.4).toBe(true);
    }
  });

  it('prices premium brands above budget ones within a subcategory', () => {
    const tiers = new Map([
      ['Brisa', 'budget'],
      ['Kettle & Loom', 'budget'],
      ['Aldervane', 'premium'],
      ['Atelier Nuage', 'premium'],
    ]);
    const mean = (tier: string) => {
      const prices = store.products
        .filter((p) => p.categoryPath?.[0] === 'Apparel' && tiers.get(p.brand ?? '') === tier)
        .map((p) => p.priceMinor);
      return prices.reduce((s, x) => s + x, 0) / prices.length;
    };
    expect(mean('premium')).toBeGreaterThan(2 * mean('budget'));
  });

  it('has 3,000+ customers in 10+ countries with matching locales and example emails, plus visitors', () => {
    expect(stats.counts.customers).toBeGreaterThanOrEqual(3000);
    expect(stats.counts.visitors).toBeGreaterThan(1000);
    expect(stats.countries).toBeGreaterThanOrEqual(10);
    const customers = store.shoppers.filter((s) => s.kind === 'customer');
    expect(customers.every((s) => /^[a-z0-9.]+@example\.(com|org|net)$/.test(s.email ?? ''))).toBe(true);
    expect(new Set(customers.map((s) => s.email)).size).toBe(customers.length);
    const localeOf = (country: string) =>
      new Set(store.shoppers.filter((s) => s.country === country).map((s) => s.locale));
    expect([...localeOf('JP')].every((l) => l === 'ja' || l === 'en')).toBe(true);
    expect([...localeOf('DE')].every((l) => l === 'de' || l === 'en')).toBe(true);
    expect([...localeOf('FR')].every((l) => l === 'fr' || l === 'en')).toBe(true);
    expect(new Set(store.shoppers.map((s) => s.device))).toEqual(new Set(['mobile', 'tablet', 'desktop']));
    expect(
      store.shoppers.filter((s) => s.kind === 'visitor').every((s) => s.email === null && s.name === null),
    ).toBe(true);
  });

  it('covers 120 days ending before now, in time order, with a few hundred thousand events', () => {
    expect(stats.spanDays).toBeGreaterThan(119);
    expect(stats.spanDays).toBeLessThanOrEqual(120);
    expect(stats.counts.events).toBeGreaterThan(150_000);
    expect(stats.counts.events).toBeLessThan(400_000);
    const start = NOW.getTime() - 120 * DAY_MS;
    let previous = 0;
    let ordered = true;
    for (const e of store.events) {
      const t = e.occurredAt.getTime();
      ordered &&= t >= previous && t >= start && t < NOW.getTime();
      previous = t;
    }
    expect(ordered).toBe(true);
    expect(new Set(store.events.map((e) => e.eventId)).size).toBe(store.events.length);
    expect(store.events[0]!.eventId).toBe('demo-0000001');
    for (const type of [
      'page_view',
      'view',
      'add_to_cart',
      'remove_from_cart',
      'purchase',
      'search',
      'review',
    ]) {
      expect(stats.eventsByType[type] ?? 0).toBeGreaterThan(100);
    }
  });

  it('writes the tenant id into every row and references only generated products and shoppers', () => {
    const productIds = new Set(store.products.map((p) => p.id));
    const shopperIds = new Set(store.shoppers.map((s) => s.id));
    for (const table of [store.products, store.shoppers, store.orders, store.orderLines, store.events]) {
      expect(table.every((r) => r.tenantId === TENANT)).toBe(true);
    }
    expect(store.events.every((e) => !e.productId || productIds.has(e.productId))).toBe(true);
    expect(store.events.every((e) => e.shopperId && shopperIds.has(e.shopperId))).toBe(true);
    expect(store.orderLines.every((l) => l.productId && productIds.has(l.productId))).toBe(true);
  });

  it('searches in the shoppers’ languages', () => {
    const queries = store.events.filter((e) => e.type === 'search').map((e) => e.query ?? '');
    expect(queries.every((q) => q.length > 0)).toBe(true);
    expect(queries.some((q) => /[\u3040-\u30ff]/.test(q))).toBe(true); // Japanese kana
    expect(queries.some((q) => /[\u4e00-\u9fff]/.test(q))).toBe(true); // Han
    expect(queries.some((q) => /[äöüß]/.test(q))).toBe(true); // German
  });

  it('has orders whose purchase events and totals match their lines', () => {
    expect(stats.counts.orders).toBeGreaterThan(2500);
    const purchases = new Map<string, { productId: string; quantity: number; price: number }[]>();
    for (const e of store.events.filter((x) => x.type === 'purchase')) {
      const id = String(e.context?.orderId);
      purchases.set(id, [
        ...(purchases.get(id) ?? []),
        { productId: e.productId!, quantity: e.quantity!, price: e.priceMinor! },
      ]);
    }
    const lines = new Map<string, typeof store.orderLines>();
    for (const l of store.orderLines) lines.set(l.orderId, [...(lines.get(l.orderId) ?? []), l]);
    expect(purchases.size).toBe(store.orders.length);
    const mismatched = store.orders.filter((o) => {
      const ls = lines.get(o.id!) ?? [];
      const ps = purchases.get(o.id!) ?? [];
      const fromEvents = ps.map((p) => `${p.productId}x${p.quantity}@${p.price}`).join();
      const fromLines = ls.map((l) => `${l.productId}x${l.quantity}@${l.unitPriceMinor}`).join();
      const total = ls.reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0);
      return fromEvents !== fromLines || o.totalMinor !== total || o.currency !== 'EUR' || ls.length === 0;
    });
    expect(mismatched).toEqual([]);
    expect(new Set(store.orders.map((o) => o.externalId)).size).toBe(store.orders.length);
    expect(stats.ordersByStatus.paid! / stats.counts.orders).toBeGreaterThan(0.8);
    expect(stats.ordersByStatus.cancelled ?? 0).toBeGreaterThan(0);
    expect(stats.ordersByStatus.refunded ?? 0).toBeGreaterThan(0);
  });

  it('shows weekly seasonality and slow growth', () => {
    const [sun, mon, tue, wed, thu, fri, sat] = stats.ordersPerWeekday as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const weekend = (sat + sun) / 2;
    const weekday = (mon + tue + wed + thu + fri) / 5;
    expect(weekend / weekday).toBeGreaterThan(1.12);
    expect(stats.growth).toBeGreaterThan(1.05);
  });

  it('has repeat buyers with personal rhythms and churners', () => {
    expect(stats.repeatBuyers).toBeGreaterThan(stats.buyers * 0.25);
    expect(stats.meanInterPurchaseDays).toBeGreaterThan(7);
    expect(stats.meanInterPurchaseDays).toBeLessThan(60);
    const churned = store.truth.shoppers.filter((s) => s.kind === 'customer' && s.churnedAt);
    expect(churned.length).toBeGreaterThan(stats.counts.customers * 0.15);
    expect(stats.lapsed).toBeGreaterThan(stats.counts.customers * 0.1);
    // Churners really stop: no events after their churn date.
    const churnAt = new Map(churned.map((s) => [s.id, s.churnedAt!.getTime()]));
    expect(
      store.events.every((e) => !(e.occurredAt.getTime() >= (churnAt.get(e.shopperId!) ?? Infinity))),
    ).toBe(true);
    expect(store.truth.trendingProductIds.length).toBeGreaterThanOrEqual(10);
  });
});
