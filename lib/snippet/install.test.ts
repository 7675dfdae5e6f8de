import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { INLINE_STUB, LOADER_PATH } from './client/constants';
import { cspDirectives, inlineStubHash, inlineStubTag, markerFor, publicOrigin, scriptTag } from './install';

describe('install text', () => {
  it('builds the loader tag from the app origin and the key', () => {
    expect(scriptTag('https://app.example', 'pk_abc')).toBe(
      `<script async src="https://app.example${LOADER_PATH}" data-key="pk_abc"></script>`,
    );
    expect(scriptTag('https://app.example', 'pk_abc', 'granted')).toContain('data-consent-default="granted"');
    expect(scriptTag('https://app.example', 'pk_"><x')).toContain('data-key="pk_&quot;&gt;&lt;x"');
  });

  it('hashes the exact inline stub for CSP and the tag contains exactly that text', () => {
    const expected = createHash('sha256').update(INLINE_STUB).digest('base64');
    expect(inlineStubHash()).toBe(`'sha256-${expected}'`);
    expect(inlineStubTag()).toBe(`<script>${INLINE_STUB}</script>`);
    expect(cspDirectives('https://app.example', true)[0]).toBe(
      `script-src https://app.example 'sha256-${expected}'`,
    );
    expect(cspDirectives('https://app.example')).toEqual([
      'script-src https://app.example',
      'connect-src https://app.example',
      'img-src https://app.example',
    ]);
  });

  it('asks for data-item only where the scenario uses the current product', () => {
    expect(markerFor({ key: 'pdp-similar', name: 'Similar', scenario: 'similar' }).html).toBe(
      '<div data-tailor-placement="pdp-similar" data-item="PRODUCT_ID"></div>',
    );
    expect(markerFor({ key: 'top', name: 'Top', scenario: 'trending' }).html).toContain('data-item');
    const forYou = markerFor({ key: 'home-for-you', name: 'Home', scenario: 'for_you' });
    expect(forYou.html).not.toContain('data-item');
    expect(forYou.html).toContain('data-cart');
  });

  it('uses APP_URL when set, else the request host', () => {
    expect(publicOrigin('https://tailor.example.com/', null, null)).toBe('https://tailor.example.com');
    expect(publicOrigin(undefined, '127.0.0.1:3100', null)).toBe('http://127.0.0.1:3100');
    expect(publicOrigin(undefined, 'shop.example', 'https')).toBe('https://shop.example');
  });
});
