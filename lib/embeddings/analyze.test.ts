import { describe, expect, it } from 'vitest';
import { analyzeProduct, mismatchedLocales } from './analyze';
import { buildProductText } from './product-text';
import type { ProductTextSource } from './types';

const product = (over: Partial<ProductTextSource> = {}): ProductTextSource => ({
  title: { en: 'Classic linen shirt', de: 'Klassisches Leinenhemd' },
  description: {
    en: '<p>A light, breathable shirt made from pure European linen, perfect for warm summer days.</p>',
    de: '<p>Ein leichtes, atmungsaktives Hemd aus reinem europäischem Leinen, ideal für warme Sommertage.</p>',
  },
  categoryPath: ['Apparel', 'Shirts'],
  brand: 'Nordhaus',
  attributes: { material: 'linen' },
  ...over,
});

describe('analyzeProduct', () => {
  it('detects the language of each locale and builds the same text as buildProductText', async () => {
    const p = product();
    const a = await analyzeProduct(p);
    expect(a.text).toEqual(buildProductText(p));
    expect(Object.keys(a.languages)).toEqual(['de', 'en']);
    expect(a.languages.de).toMatchObject({ language: 'de', reliable: true });
    expect(a.languages.en).toMatchObject({ language: 'en', reliable: true });
    expect(a.languages.de!.probability).toBeGreaterThan(0.9);
    expect(mismatchedLocales(a.languages)).toEqual([]);
  });

  it('flags a locale whose text is in another language', async () => {
    const p = product({
      title: { en: 'Classic linen shirt', de: 'Classic linen shirt', fr: 'Chemise en lin' },
      description: {
        en: 'A light, breathable shirt made from pure European linen, perfect for warm summer days.',
        de: 'A light, breathable shirt made from pure European linen, perfect for warm summer days.',
      },
    });
    const a = await analyzeProduct(p);
    expect(a.languages.de).toMatchObject({ language: 'en', reliable: true });
    expect(mismatchedLocales(a.languages)).toEqual([
      { locale: 'de', detected: expect.objectContaining({ language: 'en' }) },
    ]);
    // A short title alone is "too short to tell", never a false alarm.
    expect(a.languages.fr).toEqual({ language: null, probability: 0, reliable: false });
  });

  it('returns no languages and the skip reason for a product without text', async () => {
    const a = await analyzeProduct(product({ title: {}, description: { en: '<br/>' } }));
    expect(a.languages).toEqual({});
    expect(a.text.skipReason).toBe('no_text');
  });

  it('copes with emoji-only, mixed-script and huge descriptions', async () => {
    const a = await analyzeProduct(
      product({
        title: { en: '🌿🌿🌿', ja: 'リネンシャツ' },
        description: {
          en: '😀'.repeat(10_000),
          ja: `${'夏にぴったりの軽くて涼しいリネンのシャツです。'.repeat(5_000)} Linen`,
        },
      }),
    );
    expect(a.languages.en!.language).toBeNull();
    expect(a.languages.ja).toMatchObject({ language: 'ja', reliable: true });
  });
});
