import { describe, expect, it } from 'vitest';
import { curlExample, percent, reasonLabel, share, sourceLabel } from './present';

describe('quality presentation', () => {
  it('names sources and reasons for people, keeping unknown ones', () => {
    expect(sourceLabel('snippet')).toBe('Storefront (publishable key)');
    expect(sourceLabel('ftp')).toBe('ftp');
    expect(reasonLabel('unknown_product')).toBe('Product not in the catalog');
    expect(reasonLabel('price: negative')).toBe('price: negative');
  });

  it('formats shares', () => {
    expect(percent(share(1, 8))).toBe('12.5%');
    expect(percent(share(1, 0))).toBe('—');
  });

  it('builds a curl command that sends a valid event', () => {
    const cmd = curlExample('https://tailor.example');
    expect(cmd).toContain('curl -X POST https://tailor.example/api/v1/events');
    const body = JSON.parse(/-d '(.*)'$/.exec(cmd)![1]!);
    expect(body.events[0]).toMatchObject({ type: 'page_view', eventId: 'evt-0001' });
  });
});
