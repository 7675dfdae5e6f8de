// The ads bundle's pure helpers: request URLs, device classes and the link filter.
import { describe, expect, it } from 'vitest';
import { decideUrl, deviceOf, feedbackUrl, safeHref } from './ad';

describe('ads bundle helpers', () => {
  it('builds the decide URL, leaving out what is not known or not allowed', () => {
    expect(decideUrl('https://app.test', { key: 'pk_1', placement: 'hero' })).toBe(
      'https://app.test/api/v1/ads/decide?key=pk_1&placement=hero',
    );
    const u = new URL(
      decideUrl('https://app.test', {
        key: 'pk_1',
        placement: 'home top',
        locale: 'de-CH',
        visitor: 'v 1',
        device: 'mobile',
      }),
    );
    expect(Object.fromEntries(u.searchParams)).toEqual({
      key: 'pk_1',
      placement: 'home top',
      locale: 'de-CH',
      visitor: 'v 1',
      device: 'mobile',
    });
    expect(decideUrl('https://app.test', { key: 'k', placement: 'p', visitor: null })).not.toContain(
      'visitor',
    );
    expect(feedbackUrl('https://app.test', 'pk_a&b')).toBe(
      'https://app.test/api/v1/ads/feedback?key=pk_a%26b',
    );
  });

  it('classifies the viewport width', () => {
    expect([320, 767, 768, 1023, 1024, 1920].map(deviceOf)).toEqual([
      'mobile',
      'mobile',
      'tablet',
      'tablet',
      'desktop',
      'desktop',
    ]);
  });

  it('lets only http(s) and relative links through', () => {
    const base = 'https://shop.test/page';
    expect(safeHref('/p/1', base)).toBe('/p/1');
    expect(safeHref('https://shop.test/p/1', base)).toBe('https://shop.test/p/1');
    expect(safeHref('javascript:alert(1)', base)).toBeNull();
    expect(safeHref('data:text/html,x', base)).toBeNull();
  });
});
