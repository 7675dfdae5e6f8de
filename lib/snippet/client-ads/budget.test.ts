import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAdsSnippet } from '@/scripts/build-snippet.mjs';

const snippet = path.resolve(import.meta.dirname, '..');
const FORBIDDEN = ['eval(', 'new Function', 'innerHTML', 'outerHTML', 'document.write', 'insertAdjacentHTML'];

const ads = await buildAdsSnippet({ write: false });
// The lead reports this figure: print it on every run.
console.log(`tailor-ads.js ${ads.bytes} B raw / ${ads.gzipBytes} B gzip`);

describe('storefront ads bundle budget (issue 6)', () => {
  it('stays within 2,048 bytes gzipped', () => {
    expect(ads.gzipBytes).toBeLessThanOrEqual(2048);
  });

  it('bundles only the snippet sources (client-ads and the shared consent/storage helpers)', () => {
    const inputs = Object.keys(ads.metafile.inputs).map((p) => path.resolve(p));
    expect(inputs.some((p) => p.includes(`${path.sep}client-ads${path.sep}`))).toBe(true);
    for (const input of inputs) expect(input.startsWith(snippet + path.sep), input).toBe(true);
  });

  it('contains no eval, Function constructor or HTML parsing', () => {
    for (const word of FORBIDDEN) expect(ads.code.includes(word), word).toBe(false);
  });

  it('calls the ad endpoints and marks slots by data-tailor-ad', () => {
    for (const s of [
      '/api/v1/ads/decide',
      '/api/v1/ads/feedback',
      'data-tailor-ad',
      'sendBeacon',
      'IntersectionObserver',
    ]) {
      expect(ads.code, s).toContain(s);
    }
  });
});
