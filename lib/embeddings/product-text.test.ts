import { describe, expect, it } from 'vitest';
import {
  MAX_LOCALE_CHARS,
  MAX_SEARCH_CHARS,
  buildProductText,
  clipText,
  htmlToText,
  productLocaleFields,
} from './product-text';
import type { ProductTextSource } from './types';

const shirt = (over: Partial<ProductTextSource> = {}): ProductTextSource => ({
  title: { en: 'Linen shirt', de: 'Leinenhemd' },
  description: { en: 'Breathable linen for summer.', de: 'Atmungsaktives Leinen für den Sommer.' },
  categoryPath: ['Apparel', 'Shirts'],
  brand: 'Nordhaus',
  attributes: { material: 'linen', color: 'blue' },
  ...over,
});

describe('htmlToText', () => {
  it('strips tags, scripts and styles, decodes entities, collapses whitespace', () => {
    expect(htmlToText('<p>Soft &amp; warm</p><script>x()</script>')).toBe('Soft & warm');
    expect(
      htmlToText('<style>p{color:red}</style><ul>\n<li>One</li><li>Two&nbsp;&#8211;&#x2014;</li></ul>'),
    ).toBe('One Two –—');
    expect(htmlToText('Caf&eacute; &Uuml;ber &ccedil;a &szlig; &unknown; &#0; &#xD800;')).toBe(
      'Café Über ça ß &unknown;',
    );
    expect(htmlToText('Leinen<b>hemd</b><!-- hidden > note -->!')).toBe('Leinenhemd !');
    expect(htmlToText('&lt;script&gt; is text here')).toBe('<script> is text here');
  });

  it('keeps a lone "<" and survives unclosed or hostile markup', () => {
    expect(htmlToText('size < 40 and > 30')).toBe('size < 40 and > 30');
    expect(htmlToText('before <script>never closed')).toBe('before');
    expect(htmlToText('<svg/>kept')).toBe('kept');
    expect(htmlToText('<a'.repeat(50_000))).toHaveLength(50_000 * 2);
    expect(htmlToText('<!--'.repeat(20_000)).length).toBeGreaterThan(0);
  });

  it('removes control characters and broken surrogates, keeps emoji', () => {
    expect(htmlToText('a\u0000b\u0007c\ufeff d\ud800 👍🏽 👨‍👩‍👧')).toBe('a b c d 👍🏽 👨‍👩‍👧');
  });
});

describe('clipText', () => {
  it('never cuts inside a surrogate pair and prefers a space', () => {
    expect(clipText('ab😀', 3)).toBe('ab');
    expect(clipText('hello world', 8)).toBe('hello wo');
    expect(clipText('word '.repeat(10), 21)).toBe('word word word word');
  });
});

describe('buildProductText', () => {
  it('builds title. category. brand. attributes. description per locale', () => {
    const t = buildProductText(shirt());
    expect(t.skipReason).toBeNull();
    expect(t.byLocale).toEqual({
      de: 'Leinenhemd. Apparel > Shirts. Nordhaus. color: blue, material: linen. Atmungsaktives Leinen für den Sommer.',
      en: 'Linen shirt. Apparel > Shirts. Nordhaus. color: blue, material: linen. Breathable linen for summer.',
    });
    expect(t.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(t.searchText).toContain('atmungsaktives leinen fur den sommer');
    expect(t.searchText).toContain('linen shirt');
  });

  it('hashes the same text the same way whatever the key order', () => {
    const a = buildProductText(shirt());
    const b = buildProductText(
      shirt({
        title: { de: 'Leinenhemd', en: 'Linen shirt' },
        description: { de: 'Atmungsaktives Leinen für den Sommer.', en: 'Breathable linen for summer.' },
        attributes: { color: 'blue', material: 'linen' },
      }),
    );
    expect(b.hash).toBe(a.hash);
    expect(b.byLocale).toEqual(a.byLocale);
  });

  it('changes the hash when the text changes, not when the price does', () => {
    const base = buildProductText(shirt());
    const edited = buildProductText(shirt({ description: { en: 'Heavy linen.', de: 'Schweres Leinen.' } }));
    expect(edited.hash).not.toBe(base.hash);
    const priced = { ...shirt(), priceMinor: 4990, stock: 3 } as ProductTextSource;
    expect(buildProductText(priced).hash).toBe(base.hash);
    expect(buildProductText(shirt({ brand: 'Other' })).hash).not.toBe(base.hash);
  });

  it('keeps only short, meaningful attributes', () => {
    const t = buildProductText(
      shirt({
        attributes: {
          sku: 'SH-1',
          product_id: 'x',
          imageUrl: 'https://cdn/x.jpg',
          careGuide: 'https://example.com/care',
          notes: 'n'.repeat(200),
          ref: '123456789012',
          waterproof: true,
          weight_g: 180,
          fit: 'regular',
          a1: 'a',
          a2: 'b',
          a3: 'c',
          a4: 'd',
          a5: 'e',
          a6: 'f',
          a7: 'g',
        },
      }),
    );
    expect(t.byLocale.en).toContain('a1: a, a2: b, a3: c, a4: d, a5: e, a6: f, a7: g, fit: regular.');
    expect(t.byLocale.en).not.toMatch(/SH-1|https|nnnn|123456789012|waterproof|weight/);
  });

  it('leaves out empty locales and does not double the full stop', () => {
    const t = buildProductText(
      shirt({ title: { en: 'Wool scarf!', fr: '  ', es: '<p></p>' }, description: {}, attributes: {} }),
    );
    expect(Object.keys(t.byLocale)).toEqual(['en']);
    expect(t.byLocale.en).toBe('Wool scarf! Apparel > Shirts. Nordhaus');
  });

  it('keeps emoji and mixed scripts', () => {
    const t = buildProductText(
      shirt({ title: { ja: 'リネンシャツ Linen 🌿' }, description: { ja: '夏にぴったり。Soft шёлк 😊' } }),
    );
    expect(t.byLocale.ja).toBe(
      'リネンシャツ Linen 🌿. Apparel > Shirts. Nordhaus. color: blue, material: linen. 夏にぴったり。Soft шёлк 😊',
    );
    expect(t.searchText).toContain('шелк 😊');
  });

  it('caps huge fields per locale and overall', () => {
    const huge = `${'Sehr weiches Leinen. '.repeat(20_000)}😀`;
    const locales = ['de', 'en', 'es', 'fr', 'it', 'nl'];
    const t = buildProductText(
      shirt({
        title: Object.fromEntries(locales.map((l) => [l, `Title ${l}`])),
        description: Object.fromEntries(locales.map((l) => [l, huge])),
      }),
    );
    for (const l of locales) expect(t.byLocale[l]!.length).toBeLessThanOrEqual(MAX_LOCALE_CHARS);
    expect(t.searchText.length).toBeLessThanOrEqual(MAX_SEARCH_CHARS);
    const surrogates = buildProductText(shirt({ title: { en: '😀'.repeat(5_000) }, description: {} }));
    expect(surrogates.byLocale.en!.length).toBeLessThanOrEqual(MAX_LOCALE_CHARS);
    expect(surrogates.byLocale.en).not.toMatch(/[\ud800-\udbff]$/);
  });

  it('skips products without title and description in any locale', () => {
    const t = buildProductText(shirt({ title: { en: ' ' }, description: { de: '<br>' } }));
    expect(t).toEqual({
      byLocale: {},
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      searchText: '',
      skipReason: 'no_text',
    });
    expect(buildProductText(shirt({ title: {}, description: {}, brand: 'X' })).skipReason).toBe('no_text');
  });

  it('tolerates junk that JSONB may hold', () => {
    const junk = {
      title: { en: 42, de: null, fr: 'Chemise' },
      description: null,
      categoryPath: ['', '<b>Tops</b>'],
      brand: null,
      attributes: { size: Number.NaN, tags: ['a'], nested: { x: 1 } },
    } as unknown as ProductTextSource;
    expect(productLocaleFields(junk)).toEqual({ fr: { title: 'Chemise', description: '' } });
    expect(buildProductText(junk).byLocale).toEqual({ fr: 'Chemise. Tops' });
  });
});
