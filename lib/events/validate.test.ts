import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { eventsOf, validateEvent } from './validate';

const NOW = Date.parse('2026-03-31T12:00:00Z');
const base = { type: 'page_view', eventId: 'e1', anonymousId: 'anon-1' };
const reasonOf = (raw: unknown) => {
  const v = validateEvent(raw, 3, NOW);
  return v.ok ? 'ok' : v.error.reason;
};

describe('eventsOf', () => {
  it('takes { events: [...] } or a bare array', () => {
    expect(eventsOf({ events: [1, 2] })).toEqual([1, 2]);
    expect(eventsOf([1])).toEqual([1]);
  });

  it.each([
    [null, 'Send a JSON object'],
    ['events', 'Send a JSON object'],
    [42, 'Send a JSON object'],
    [{ event: [] }, 'Send a JSON object'],
    [{ events: 'x' }, '"events" must be an array'],
    [{ events: {} }, '"events" must be an array'],
    [[], 'The batch is empty'],
    [Array(501).fill({}), 'Too many events: 501'],
  ])('refuses %j with a 400 and a message', (body, message) => {
    try {
      eventsOf(body);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).status).toBe(400);
      expect((e as AppError).message).toContain(message);
    }
  });

  it('accepts exactly 500', () => {
    expect(eventsOf(Array(500).fill({}))).toHaveLength(500);
  });
});

describe('validateEvent', () => {
  it('normalizes a full event', () => {
    const v = validateEvent(
      {
        type: 'purchase',
        eventId: 'o-1-l-1',
        anonymousId: 'a1',
        customerId: 42,
        productId: 'SKU-1',
        quantity: 2,
        priceMinor: 1999,
        currency: 'EUR',
        timestamp: '2026-03-31T11:59:00+02:00',
        context: {
          url: 'https://shop.test/p/1',
          referrer: 'https://google.com',
          userAgent: 'Mozilla/5.0',
          locale: 'de-DE',
          sessionId: 's-1',
          unknown: 'dropped',
        },
        consent: { analytics: true, marketing: false, other: 'ignored' },
        extra: 'ignored',
      },
      0,
      NOW,
    );
    expect(v).toEqual({
      ok: true,
      event: {
        index: 0,
        eventId: 'o-1-l-1',
        type: 'purchase',
        anonymousId: 'a1',
        customerId: '42',
        productExternalId: 'SKU-1',
        quantity: 2,
        priceMinor: 1999,
        currency: 'EUR',
        query: null,
        sessionId: 's-1',
        occurredAt: new Date('2026-03-31T09:59:00Z'),
        context: {
          url: 'https://shop.test/p/1',
          referrer: 'https://google.com',
          userAgent: 'Mozilla/5.0',
          locale: 'de-DE',
          consent: { analytics: true, marketing: false },
        },
      },
    });
  });

  it('stamps an event without timestamp with the time of receipt', () => {
    const v = validateEvent(base, 0, NOW);
    expect(v.ok && v.event.occurredAt.getTime()).toBe(NOW);
  });

  it.each([
    [null, 'not_an_object'],
    [[base], 'not_an_object'],
    ['page_view', 'not_an_object'],
    [{ ...base, eventId: undefined }, 'missing_event_id'],
    [{ ...base, eventId: '' }, 'missing_event_id'],
    [{ ...base, eventId: 'x'.repeat(201) }, 'invalid_event_id'],
    [{ ...base, eventId: { id: 1 } }, 'invalid_event_id'],
    [{ ...base, eventId: ' padded ' }, 'invalid_event_id'],
    [{ ...base, eventId: 'a\u0000b' }, 'invalid_event_id'],
    [{ ...base, eventId: 'a\nb' }, 'invalid_event_id'],
    [{ ...base, type: 'click' }, 'invalid_type'],
    [{ ...base, type: undefined }, 'invalid_type'],
    [{ ...base, type: ['view'] }, 'invalid_type'],
    [{ type: 'page_view', eventId: 'e' }, 'missing_identity'],
    [{ ...base, anonymousId: true }, 'invalid_anonymous_id'],
    [{ ...base, anonymousId: '\ud800' }, 'invalid_anonymous_id'],
    [{ ...base, customerId: [] }, 'invalid_customer_id'],
    [{ ...base, type: 'view' }, 'missing_product'],
    [{ ...base, type: 'add_to_cart', productId: null }, 'missing_product'],
    [{ ...base, productId: { sku: 1 } }, 'invalid_product_id'],
    [{ ...base, quantity: 0 }, 'invalid_quantity'],
    [{ ...base, quantity: 1.5 }, 'invalid_quantity'],
    [{ ...base, quantity: '2' }, 'invalid_quantity'],
    [{ ...base, quantity: 1e9 }, 'invalid_quantity'],
    [{ ...base, priceMinor: -1, currency: 'EUR' }, 'invalid_price'],
    [{ ...base, priceMinor: 19.99, currency: 'EUR' }, 'invalid_price'],
    [{ ...base, priceMinor: '1999', currency: 'EUR' }, 'invalid_price'],
    [{ ...base, priceMinor: 1e20, currency: 'EUR' }, 'invalid_price'],
    [{ ...base, type: 'purchase', productId: 'p' }, 'missing_price'],
    [{ ...base, priceMinor: 100 }, 'invalid_currency'],
    [{ ...base, priceMinor: 100, currency: 'eur' }, 'invalid_currency'],
    [{ ...base, priceMinor: 100, currency: 'XYZ' }, 'invalid_currency'],
    [{ ...base, type: 'search' }, 'missing_query'],
    [{ ...base, type: 'search', query: '   ' }, 'missing_query'],
    [{ ...base, query: 5 }, 'invalid_query'],
    [{ ...base, query: 'x'.repeat(501) }, 'invalid_query'],
    [{ ...base, timestamp: 'yesterday' }, 'invalid_timestamp'],
    [{ ...base, timestamp: 1774958400000 }, 'invalid_timestamp'],
    [{ ...base, timestamp: '2026-03-31T12:00:00' }, 'invalid_timestamp'],
    [{ ...base, timestamp: '2026-02-30T12:00:00Z' }, 'invalid_timestamp'],
    [{ ...base, timestamp: '2025-02-29T12:00:00Z' }, 'invalid_timestamp'],
    [{ ...base, timestamp: '2024-02-29T12:00:00Z' }, 'timestamp_too_old'], // a real day, leap year
    [{ ...base, timestamp: '2026-03-31T12:06:00Z' }, 'timestamp_in_future'],
    [{ ...base, timestamp: '2025-12-30T11:59:59Z' }, 'timestamp_too_old'],
    [{ ...base, context: 'https://shop' }, 'invalid_context'],
    [{ ...base, context: [] }, 'invalid_context'],
    [{ ...base, context: { url: 42 } }, 'invalid_context'],
    [{ ...base, context: { url: `https://x/${'a'.repeat(2100)}` } }, 'invalid_context'],
    [{ ...base, context: { locale: 'German' } }, 'invalid_context'],
    [{ ...base, context: { userAgent: 'a\u0000' } }, 'invalid_context'],
    [{ ...base, context: { sessionId: {} } }, 'invalid_context'],
    [{ ...base, consent: 'yes' }, 'invalid_consent'],
    [{ ...base, consent: { analytics: 'yes' } }, 'invalid_consent'],
  ])('%j → %s', (raw, reason) => {
    expect(reasonOf(raw)).toBe(reason);
  });

  it('accepts the edges of the time window and search/page events without products', () => {
    expect(reasonOf({ ...base, timestamp: '2026-03-31T12:05:00Z' })).toBe('ok');
    expect(reasonOf({ ...base, timestamp: '2026-01-01T12:00:00Z' })).toBe('ok');
    expect(reasonOf({ ...base, type: 'search', query: 'linen shirt' })).toBe('ok');
    expect(reasonOf({ type: 'page_view', eventId: 'e', customerId: 'c-1' })).toBe('ok');
  });

  it('names the index and the event id (once valid) in the error', () => {
    const v = validateEvent({ ...base, quantity: -1 }, 7, NOW);
    expect(v).toEqual({
      ok: false,
      error: {
        index: 7,
        eventId: 'e1',
        reason: 'invalid_quantity',
        message: 'quantity must be a whole number from 1 to 1000000.',
      },
    });
    const w = validateEvent({ ...base, eventId: 'x'.repeat(300) }, 1, NOW);
    expect(w.ok ? null : w.error.eventId).toBeUndefined();
  });
});

describe('storefront attribution context and unidentified events', () => {
  it('keeps placement, variant and order id from the context', () => {
    const v = validateEvent(
      {
        ...base,
        type: 'rec_click',
        productId: 'sku-1',
        context: { placement: 'home-for-you', variant: 'holdout', orderId: 'o-1' },
      },
      0,
      NOW,
    );
    expect(v.ok && v.event.context).toEqual({
      placement: 'home-for-you',
      variant: 'holdout',
      orderId: 'o-1',
    });
  });

  it.each([
    [{ placement: '' }, 'invalid_context'],
    [{ placement: 'x'.repeat(201) }, 'invalid_context'],
    [{ variant: 'control' }, 'invalid_context'],
    [{ orderId: 7.5 }, 'ok'],
    [{ orderId: { id: 1 } }, 'invalid_context'],
  ])('checks context %j → %s', (context, reason) => {
    expect(reasonOf({ ...base, context })).toBe(reason);
  });

  it('accepts an event without identity only when it declares no consent to identification', () => {
    const anonymous = { type: 'rec_impression', eventId: 'e', productId: 'sku-1' };
    expect(reasonOf(anonymous)).toBe('missing_identity');
    expect(reasonOf({ ...anonymous, consent: { analytics: true } })).toBe('missing_identity');
    expect(reasonOf({ ...anonymous, consent: { analytics: false, personalization: true } })).toBe(
      'missing_identity',
    );
    const v = validateEvent({ ...anonymous, consent: { analytics: false } }, 0, NOW);
    expect(v.ok && [v.event.anonymousId, v.event.customerId, v.event.context.consent]).toEqual([
      null,
      null,
      { analytics: false },
    ]);
  });
});
