import { describe, expect, it } from 'vitest';
import { computeProfile, countSessions } from './compute';
import { affinities, bandOf, interestVector, languageShares, priceBand, signalWeight } from './preferences';
import { buildRfmDistribution, quantileSample, quintileScore, rfmSegment, scoreRfm } from './rfm';
import { localClock, timeZoneOf } from '@/lib/geo/time-zones';
import type { ProductInfo, ProfileContext, ShopperActivity } from './types';

const NOW = Date.parse('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(NOW - d * DAY);

const product = (
  id: string,
  category: string,
  leaf: string,
  brand: string,
  priceMinor: number,
): ProductInfo => ({
  id,
  category,
  leaf,
  brand,
  priceMinor,
});

describe('RFM quintiles and segments', () => {
  it('scores by mid-rank quintile, keeping ties together', () => {
    const sample = quantileSample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect([1, 3, 5, 7, 10].map((x) => quintileScore(sample, x))).toEqual([1, 2, 3, 4, 5]);
    // 60 % on one order: all of them share one score (2), the rest rise above.
    const orders = quantileSample([1, 1, 1, 1, 1, 1, 2, 2, 3, 8]);
    expect(quintileScore(orders, 1)).toBe(2);
    expect(quintileScore(orders, 2)).toBe(4);
    expect(quintileScore(orders, 8)).toBe(5);
    expect(quintileScore([], 4)).toBe(3);
  });

  it('keeps at most 1,000 samples, sorted, spanning min to max', () => {
    const values = Array.from({ length: 5_000 }, (_, i) => 5_000 - i);
    const s = quantileSample(values);
    expect(s).toHaveLength(1_000);
    expect(s[0]).toBe(1);
    expect(s.at(-1)).toBe(5_000);
    expect([...s].sort((a, b) => a - b)).toEqual(s);
  });

  it('names segments by the R/F grid', () => {
    expect(rfmSegment(5, 5)).toBe('champions');
    expect(rfmSegment(4, 4)).toBe('loyal');
    expect(rfmSegment(3, 5)).toBe('loyal');
    expect(rfmSegment(5, 2)).toBe('potential_loyalists');
    expect(rfmSegment(5, 1)).toBe('new');
    expect(rfmSegment(4, 1)).toBe('promising');
    expect(rfmSegment(3, 3)).toBe('need_attention');
    expect(rfmSegment(3, 1)).toBe('about_to_sleep');
    expect(rfmSegment(2, 4)).toBe('at_risk');
    expect(rfmSegment(1, 5)).toBe('cannot_lose');
    expect(rfmSegment(2, 1)).toBe('hibernating');
    expect(rfmSegment(1, 2)).toBe('lost');
    // Every cell of the grid has a name.
    const names = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) names.add(rfmSegment(r, f));
    expect(names.size).toBe(11);
  });

  it('scores recency with fewer days as better, and shifts old samples by the time since', () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({
      recencyDays: i,
      orders: 1 + (i % 5),
      monetaryMinor: 1000 * i,
    }));
    const dist = buildRfmDistribution(rows, NOW);
    const recent = scoreRfm(dist, { recencyDays: 1, orders: 5, monetaryMinor: 99_000 }, NOW);
    const old = scoreRfm(dist, { recencyDays: 98, orders: 1, monetaryMinor: 0 }, NOW);
    expect(recent).toMatchObject({ r: 5, f: 5, m: 5, segment: 'champions' });
    expect(old).toMatchObject({ r: 1, f: 1, m: 1, segment: 'lost' });
    // 50 days later, 60 days of recency sits where 10 did.
    expect(scoreRfm(dist, { recencyDays: 60, orders: 3, monetaryMinor: 1 }, NOW + 50 * DAY)?.r).toBe(
      scoreRfm(dist, { recencyDays: 10, orders: 3, monetaryMinor: 1 }, NOW)?.r,
    );
    expect(scoreRfm(dist, { recencyDays: null, orders: 0, monetaryMinor: 0 }, NOW)).toBeNull();
  });
});

describe('preferences', () => {
  const products = new Map([
    ['a', product('a', 'Shoes', 'Shoes > Boots', 'Acme', 5_000)],
    ['b', product('b', 'Shoes', 'Shoes > Boots', 'Globex', 20_000)],
    ['c', product('c', 'Home', 'Home > Lamps', 'Acme', 3_000)],
  ]);

  it('weighs purchases over carts over views, and older signals less', () => {
    expect(signalWeight({ productId: 'a', kind: 'purchase', at: NOW }, NOW)).toBeGreaterThan(
      signalWeight({ productId: 'a', kind: 'cart', at: NOW }, NOW),
    );
    expect(signalWeight({ productId: 'a', kind: 'view', at: NOW - 45 * DAY }, NOW)).toBeCloseTo(0.5);
    const aff = affinities(
      [
        { productId: 'c', kind: 'purchase', at: NOW },
        { productId: 'a', kind: 'view', at: NOW },
        { productId: 'b', kind: 'view', at: NOW },
      ],
      products,
      (p) => p.category,
      NOW,
    );
    expect(aff.map((x) => x.name)).toEqual(['Home', 'Shoes']);
    expect(aff[0]!.share).toBeCloseTo(5 / 7);
    expect(aff.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1);
  });

  it('places prices in their category terciles and picks the heaviest band', () => {
    const terciles = new Map<string, readonly [number, number]>([
      ['Shoes > Boots', [8_000, 15_000]],
      ['Home > Lamps', [2_000, 4_000]],
    ]);
    expect(bandOf(7_999, [8_000, 15_000])).toBe('budget');
    expect(bandOf(15_000, [8_000, 15_000])).toBe('mid');
    expect(bandOf(15_001, [8_000, 15_000])).toBe('premium');
    const premium = priceBand(
      [
        { productId: 'b', kind: 'purchase', at: NOW },
        { productId: 'a', kind: 'view', at: NOW },
      ],
      products,
      terciles,
      NOW,
    );
    expect(premium.band).toBe('premium');
    expect(premium.shares.premium).toBeCloseTo(5 / 6);
    expect(priceBand([{ productId: 'a', kind: 'view', at: NOW }], products, terciles, NOW).band).toBe(
      'budget',
    );
    expect(priceBand([{ productId: 'zzz', kind: 'view', at: NOW }], products, terciles, NOW).band).toBeNull();
  });

  it('takes the preferred language from events, else the shopper locale', () => {
    expect(languageShares(['de-DE', 'de', 'fr-FR', null], 'en')).toEqual([
      { locale: 'de', share: 2 / 3 },
      { locale: 'fr', share: 1 / 3 },
    ]);
    expect(languageShares([null], 'ja-JP')).toEqual([{ locale: 'ja', share: 1 }]);
    expect(languageShares([], null)).toEqual([]);
  });

  it('builds a unit interest vector leaning towards what was bought', () => {
    const vectors = new Map([
      ['a', Float32Array.from([1, 0, 0])],
      ['c', Float32Array.from([0, 1, 0])],
    ]);
    const v = interestVector(
      [
        { productId: 'a', kind: 'purchase', at: NOW },
        { productId: 'c', kind: 'view', at: NOW },
        { productId: 'b', kind: 'view', at: NOW }, // no vector: ignored
      ],
      vectors,
      NOW,
    );
    expect(v?.items).toBe(2);
    const [x = 0, y = 0, z = 0] = v!.vector;
    expect(Math.hypot(x, y, z)).toBeCloseTo(1, 5);
    expect(x).toBeCloseTo(5 / Math.hypot(5, 1), 5);
    expect(z).toBe(0);
    expect(interestVector([{ productId: 'b', kind: 'view', at: NOW }], vectors, NOW)).toBeNull();
  });
});

describe('computeProfile', () => {
  const activity: ShopperActivity = {
    shopper: {
      id: 's1',
      kind: 'customer',
      country: 'JP',
      locale: 'ja-JP',
      device: 'mobile',
      attributes: { age_band: '25-34', newsletter: true },
      firstSeenAt: daysAgo(200),
      lastSeenAt: daysAgo(1),
    },
    orders: [
      {
        id: 'o1',
        status: 'paid',
        placedAt: daysAgo(100),
        totalMinor: 10_000,
        lines: [{ productId: 'a', quantity: 1 }],
      },
      {
        id: 'o2',
        status: 'paid',
        placedAt: daysAgo(40),
        totalMinor: 30_000,
        lines: [{ productId: 'b', quantity: 1 }],
      },
      { id: 'o3', status: 'returned', placedAt: daysAgo(30), totalMinor: 9_000, lines: [] },
      { id: 'o4', status: 'paid', placedAt: daysAgo(10), totalMinor: null, lines: [] }, // no rate
    ],
    events: [
      // 2026-06-14 00:30 UTC is 09:30 on a Sunday in Tokyo.
      {
        type: 'view',
        occurredAt: new Date('2026-06-14T00:30:00Z'),
        sessionId: 'x',
        productId: 'a',
        locale: 'ja',
      },
      {
        type: 'view',
        occurredAt: new Date('2026-06-14T00:35:00Z'),
        sessionId: 'x',
        productId: 'b',
        locale: 'ja',
      },
      {
        type: 'add_to_cart',
        occurredAt: new Date('2026-06-14T00:36:00Z'),
        sessionId: 'x',
        productId: 'b',
        locale: 'ja',
      },
      {
        type: 'page_view',
        occurredAt: new Date('2026-06-14T05:00:00Z'),
        sessionId: null,
        productId: null,
        locale: null,
      },
    ],
  };
  const ctx: ProfileContext = {
    now: NOW,
    products: new Map([
      ['a', product('a', 'Shoes', 'Shoes > Boots', 'Acme', 5_000)],
      ['b', product('b', 'Shoes', 'Shoes > Boots', 'Globex', 20_000)],
    ]),
    priceTerciles: new Map([['Shoes > Boots', [8_000, 15_000]]]),
    rfm: null,
  };

  it('computes behaviour, money and habits in local time', () => {
    const p = computeProfile(activity, ctx);
    expect(p.orders).toBe(3);
    expect(p.returns).toBe(1);
    expect(p.monetaryMinor).toBe(40_000);
    expect(p.aovMinor).toBe(20_000);
    expect(p.details.behaviour.unconvertedOrders).toBe(1);
    expect(p.recencyDays).toBeCloseTo(10);
    expect(p.meanGapDays).toBeCloseTo(45);
    expect(p.sessions).toBe(2);
    expect(p.views).toBe(2);
    expect(p.details.behaviour.viewsPerSession).toBe(1);
    expect(p.details.behaviour.timeZone).toBe('Asia/Tokyo');
    expect(p.details.behaviour.hours[9]).toBe(3);
    expect(p.details.behaviour.weekdays[6]).toBeGreaterThanOrEqual(3);
    expect(p.topCategory).toBe('Shoes');
    expect(p.topBrand).toBe('Globex');
    expect(p.priceBand).toBe('premium');
    expect(p.preferredLocale).toBe('ja');
    expect(p.details.facts.sensitive).toEqual({ age_band: '25-34' });
    expect(p.rfm).toMatchObject({ r: 3, f: 3, m: 3 }); // no distribution yet: the middle
    expect(p.interest).toBeNull();
    expect(p.details.behaviour.ordersByMonth).toHaveLength(12);
    expect(p.details.behaviour.ordersByMonth.at(-1)).toEqual({ month: '2026-06', orders: 1, spendMinor: 0 });
  });

  it('gives a visitor without activity an empty profile', () => {
    const p = computeProfile(
      { shopper: { ...activity.shopper, country: null, attributes: {} }, orders: [], events: [] },
      ctx,
    );
    expect(p).toMatchObject({
      orders: 0,
      monetaryMinor: 0,
      aovMinor: null,
      recencyDays: null,
      rfm: null,
      sessions: 0,
    });
    expect(p.details.behaviour.timeZone).toBe('UTC');
    expect(p.priceBand).toBeNull();
  });

  it('counts sessions by id and by 30-minute gaps', () => {
    const t = (m: number) => new Date(NOW + m * 60_000);
    expect(
      countSessions([
        { occurredAt: t(0), sessionId: null },
        { occurredAt: t(20), sessionId: null },
        { occurredAt: t(51), sessionId: null },
        { occurredAt: t(52), sessionId: 'a' },
        { occurredAt: t(53), sessionId: 'a' },
      ]),
    ).toBe(3);
  });

  it('maps countries to zones and reads the local clock', () => {
    expect(timeZoneOf('de')).toBe('Europe/Berlin');
    expect(timeZoneOf('XX')).toBe('UTC');
    expect(localClock('Europe/Berlin')(Date.parse('2026-01-05T23:30:00Z'))).toEqual({ hour: 0, weekday: 1 });
  });
});
