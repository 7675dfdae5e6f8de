import { describe, expect, it } from 'vitest';
import { validateEvent } from '@/lib/events/validate';
import { buildEvents, pushRecent, type TrackProps, type TrackType, type Who } from './events';
import { randomId } from './ids';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const denied: Who = {
  consent: { analytics: false, personalization: false },
  anonymousId: 'aid-should-not-leak',
  customerId: 'cust-should-not-leak',
  url: 'https://shop.example/p/1',
  locale: 'de-DE',
};
const granted: Who = {
  ...denied,
  consent: { analytics: true, personalization: true },
  anonymousId: 'a1b2c3',
};
let n = 0;
const seq = () => `e${++n}`;

const CASES: [TrackType, TrackProps][] = [
  ['page_view', {}],
  ['view', { productId: 'SKU-1' }],
  ['add_to_cart', { productId: 42, quantity: 2, priceMinor: 1999, currency: 'EUR' }],
  ['remove_from_cart', { productId: 'SKU-1' }],
  ['purchase', { productId: 'SKU-1', quantity: 1, priceMinor: 500, currency: 'EUR', orderId: 'o-1' }],
  ['search', { query: 'red shoes' }],
  ['rec_impression', { placement: 'home-for-you', variant: 'personalized' }],
  ['rec_click', { productId: 'SKU-2', placement: 'home-for-you', variant: 'holdout' }],
];

describe('buildEvents', () => {
  it('sends no identifier and consent.analytics=false without consent', () => {
    const [e] = buildEvents('add_to_cart', { productId: 'SKU-1' }, denied, NOW, seq);
    expect(e).toBeDefined();
    expect(e).not.toHaveProperty('anonymousId');
    expect(e).not.toHaveProperty('customerId');
    expect(e?.consent).toEqual({ analytics: false });
    expect(JSON.stringify(e)).not.toContain('leak');
  });

  it('carries the anonymous and customer id with analytics consent', () => {
    const [e] = buildEvents('view', { productId: 'SKU-1' }, { ...granted, customerId: 'c-9' }, NOW, seq);
    expect(e).toMatchObject({
      anonymousId: 'a1b2c3',
      customerId: 'c-9',
      consent: { analytics: true, personalization: true },
      context: { url: 'https://shop.example/p/1', locale: 'de-DE' },
      timestamp: '2026-03-01T12:00:00.000Z',
    });
  });

  it('expands a purchase with lines into one event per line with the order id and currency', () => {
    const events = buildEvents(
      'purchase',
      {
        orderId: 1001,
        currency: 'USD',
        lines: [
          { productId: 'A', quantity: 2, priceMinor: 300 },
          { productId: 'B', quantity: 1, priceMinor: 1250 },
        ],
      },
      granted,
      NOW,
      randomId,
    );
    expect(events.map((e) => [e.productId, e.quantity, e.priceMinor, e.currency, e.context.orderId])).toEqual(
      [
        ['A', 2, 300, 'USD', '1001'],
        ['B', 1, 1250, 'USD', '1001'],
      ],
    );
    expect(new Set(events.map((e) => e.eventId)).size).toBe(2);
  });

  it.each([
    ['without consent', denied],
    ['with consent', granted],
  ])('builds events the events API accepts (%s)', (_label, who) => {
    for (const [type, props] of CASES) {
      for (const [i, e] of buildEvents(type, props, who, NOW, randomId).entries()) {
        const v = validateEvent(JSON.parse(JSON.stringify(e)), i, NOW);
        expect(v.ok, `${type}: ${v.ok ? '' : v.error.message}`).toBe(true);
        if (v.ok && who === denied) {
          expect(v.event.anonymousId).toBeNull();
          expect(v.event.customerId).toBeNull();
        }
      }
    }
  });
});

describe('pushRecent', () => {
  it('keeps unique ids, newest first, capped', () => {
    expect(pushRecent(['a', 'b', 'c'], 'b')).toEqual(['b', 'a', 'c']);
    expect(pushRecent(['a', 'b', 'c'], 'd', 3)).toEqual(['d', 'a', 'b']);
  });
});

describe('randomId', () => {
  it('makes 22 URL-safe characters that differ between calls', () => {
    const a = randomId();
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(randomId()).not.toBe(a);
  });
});
