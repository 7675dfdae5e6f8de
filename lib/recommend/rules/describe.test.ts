import { describe, expect, it } from 'vitest';
import { describeRules } from './describe';
import { placementRulesSchema } from './schema';

const rules = placementRulesSchema.parse({
  excludePurchased: { enabled: true, repurchaseWindowDays: 30 },
  includeCategories: ['Apparel / Shirts', 'Shoes'],
  excludeBrands: ['Acme'],
  priceRange: { minMinor: 1000, maxMinor: 5000 },
  boosts: [
    { attribute: 'brand', equals: 'Globex', factor: 1.5 },
    { attribute: 'category', equals: 'Sale', factor: 0.5 },
  ],
  pins: [{ productId: 'p1', position: 2 }],
  diversity: { maxPerCategory: 2 },
  newOnly: true,
});
const productName = (id: string) => (id === 'p1' ? 'Linen shirt' : id);

describe('describeRules', () => {
  it('writes one English sentence per active rule', () => {
    expect(describeRules(rules, 'en', { currency: 'EUR', productName })).toEqual([
      'Out-of-stock products are hidden.',
      'Products the shopper bought in the last 30 days are hidden.',
      'Only products in Apparel / Shirts or Shoes.',
      'No products by Acme.',
      'Price between €10.00 and €50.00.',
      'Only products published in the last 30 days.',
      'Boost brand = Globex ×1.5.',
      'Bury category = Sale ×0.5.',
      'Linen shirt is pinned to position 2.',
      'At most 2 per category.',
    ]);
  });

  it('writes German with German numbers and lists', () => {
    const de = describeRules(rules, 'de-DE', { currency: 'EUR', productName });
    expect(de[0]).toBe('Nicht vorrätige Produkte werden ausgeblendet.');
    expect(de[2]).toBe('Nur Produkte in Apparel / Shirts oder Shoes.');
    expect(de[4]).toBe('Preis zwischen 10,00\u00a0€ und 50,00\u00a0€.');
    expect(de[6]).toBe('brand = Globex hervorheben ×1,5.');
  });

  it('describes the defaults with a single sentence and falls back to English', () => {
    expect(describeRules(placementRulesSchema.parse({}), 'ja')).toEqual([
      'Out-of-stock products are hidden.',
    ]);
  });
});
