import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSnippet } from '@/scripts/build-snippet.mjs';

const client = path.resolve(import.meta.dirname, 'client');
const FORBIDDEN = ['eval(', 'new Function', 'innerHTML', 'outerHTML', 'document.write', 'insertAdjacentHTML'];

const { loader, main, buildId } = await buildSnippet({ write: false });
// The lead reports these figures: print them on every run.
console.log(
  `snippet ${buildId}: t.js ${loader.bytes} B raw / ${loader.gzipBytes} B gzip; ` +
    `tailor.js ${main.bytes} B raw / ${main.gzipBytes} B gzip`,
);

describe('storefront snippet budgets (issue 4)', () => {
  it('keeps the loader under 1 KB gzipped and the main bundle under 5 KB gzipped', () => {
    expect(loader.gzipBytes).toBeLessThan(1024);
    expect(loader.bytes).toBeLessThan(1024);
    expect(main.gzipBytes).toBeLessThan(5120);
  });

  it('bundles only lib/snippet/client sources (no runtime dependencies)', () => {
    for (const bundle of [loader, main]) {
      const inputs = Object.keys(bundle.metafile.inputs).map((p) => path.resolve(p));
      expect(inputs.length).toBeGreaterThan(0);
      for (const input of inputs) expect(input.startsWith(client + path.sep), input).toBe(true);
    }
  });

  it('contains no eval, Function constructor or HTML parsing', () => {
    for (const bundle of [loader, main]) {
      for (const word of FORBIDDEN) expect(bundle.code.includes(word), word).toBe(false);
    }
  });

  it('points the loader at the main bundle with the build id as cache buster', () => {
    expect(loader.code).toContain(`?v=${buildId}`);
    expect(loader.code).toContain('/tailor.js');
  });
});
