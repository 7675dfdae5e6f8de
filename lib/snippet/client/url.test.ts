import { describe, expect, it } from 'vitest';
import { formatPrice } from './format';
import { normalizeLocale, recommendationsUrl, splitIds, stripUrl } from './url';

describe('stripUrl', () => {
  it('drops the query string and hash', () => {
    expect(stripUrl('https://shop.example/p/1?email=a@b.c&utm=x#top')).toBe('https://shop.example/p/1');
  });
  it('returns undefined for something that is not a URL', () => {
    expect(stripUrl('not a url')).toBeUndefined();
  });
});

describe('normalizeLocale', () => {
  it('accepts BCP 47 tags and fixes underscores', () => {
    expect(normalizeLocale('de-DE')).toBe('de-DE');
    expect(normalizeLocale('en_US')).toBe('en-US');
    expect(normalizeLocale('')).toBeUndefined();
    expect(normalizeLocale('x')).toBeUndefined();
  });
});

describe('recommendationsUrl', () => {
  const api = 'https://app.example';
  it('asks for reasons only when the store shows the why line', () => {
    const base = { key: 'pk_1', placement: 'home' };
    expect(new URL(recommendationsUrl(api, { ...base, explain: true })).searchParams.get('explain')).toBe(
      '1',
    );
    expect(new URL(recommendationsUrl(api, base)).searchParams.has('explain')).toBe(false);
  });
  it('builds a non-personal request without visitor and recent', () => {
    const u = new URL(
      recommendationsUrl(api, {
        key: 'pk_1',
        placement: 'home',
        locale: 'fr-FR',
        cart: ['a', 'b'],
        recent: ['x'],
      }),
    );
    expect(u.pathname).toBe('/api/v1/recommendations');
    expect(Object.fromEntries(u.searchParams)).toEqual({
      key: 'pk_1',
      placement: 'home',
      locale: 'fr-FR',
      cart: 'a,b',
    });
  });
  it('adds visitor and up to 20 recent products with personalization', () => {
    const recent = Array.from({ length: 25 }, (_, i) => `p${i}`);
    const u = new URL(
      recommendationsUrl(api, { key: 'pk_1', placement: 'pdp', item: 'SKU 1', visitor: 'v1', recent }),
    );
    expect(u.searchParams.get('item')).toBe('SKU 1');
    expect(u.searchParams.get('visitor')).toBe('v1');
    expect(u.searchParams.get('recent')?.split(',')).toHaveLength(20);
  });
  it('splits marker id lists', () => {
    expect(splitIds(' a, b,,c ')).toEqual(['a', 'b', 'c']);
    expect(splitIds(undefined)).toEqual([]);
  });
});

describe('formatPrice', () => {
  it('uses the currency decimals and the locale', () => {
    expect(formatPrice(123456, 'EUR', 'de-DE')).toBe('1.234,56\u00a0€');
    expect(formatPrice(1500, 'JPY', 'en-US')).toBe('¥1,500');
    expect(formatPrice(1999, 'USD', 'en-US')).toBe('$19.99');
  });
  it('falls back instead of throwing', () => {
    expect(formatPrice(1999, 'USD', 'not-a-locale-at-all-xx')).toBe('$19.99');
    expect(formatPrice(1999, 'XYZ1', 'en')).toBe('19.99 XYZ1');
  });
});
