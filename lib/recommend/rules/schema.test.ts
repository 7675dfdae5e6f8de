import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '@/lib/validation';
import { DEFAULT_RULES, placementRulesSchema } from './schema';

const errorsOf = (input: unknown) => {
  const r = placementRulesSchema.safeParse(input);
  if (r.success) throw new Error('expected the rules to be rejected');
  return fieldErrorsOf(r.error);
};

describe('placementRulesSchema', () => {
  it('fills defaults: only out-of-stock products are hidden', () => {
    expect(DEFAULT_RULES).toEqual({
      excludeOutOfStock: true,
      excludePurchased: { enabled: false },
      includeCategories: [],
      excludeCategories: [],
      includeBrands: [],
      excludeBrands: [],
      priceRange: {},
      boosts: [],
      pins: [],
      diversity: {},
      newOnly: false,
    });
  });

  it('accepts category text and form strings', () => {
    const r = placementRulesSchema.parse({
      includeCategories: ['Apparel > Shirts', ['Home']],
      priceRange: { minMinor: '1000', maxMinor: '' },
      diversity: { maxPerCategory: '2', mmrLambda: '0.7' },
      boosts: [{ attribute: 'brand', equals: 'Acme', factor: '1.5' }],
    });
    expect(r.includeCategories).toEqual([['Apparel', 'Shirts'], ['Home']]);
    expect(r.priceRange).toEqual({ minMinor: 1000, maxMinor: undefined });
    expect(r.diversity).toMatchObject({ maxPerCategory: 2, mmrLambda: 0.7 });
    expect(r.boosts[0]!.factor).toBe(1.5);
  });

  it('rejects bad input with messages a merchant understands', () => {
    expect(
      errorsOf({ boosts: [{ attribute: 'brand', equals: 'Acme', factor: 0 }] })['boosts.0.factor'],
    ).toEqual(['The factor must be above 0: use more than 1 to boost, less than 1 to bury.']);
    expect(
      errorsOf({ boosts: [{ attribute: 'brand', equals: 'Acme', factor: 1 }] })['boosts.0.factor']?.[0],
    ).toMatch(/changes nothing/);
    expect(errorsOf({ priceRange: { minMinor: 5000, maxMinor: 1000 } })['priceRange.maxMinor']).toEqual([
      'The minimum price must not be above the maximum price.',
    ]);
    expect(errorsOf({ priceRange: { minMinor: -1 } })['priceRange.minMinor']).toEqual([
      'Prices cannot be negative.',
    ]);
    expect(errorsOf({ diversity: { mmrLambda: 1.5 } })['diversity.mmrLambda']?.[0]).toMatch(/between 0/);
    expect(errorsOf({ diversity: { maxPerBrand: 0 } })['diversity.maxPerBrand']).toEqual([
      'Allow at least 1 item per brand.',
    ]);
    expect(errorsOf({ excludePurchased: { enabled: true, repurchaseWindowDays: 0.5 } })).toEqual({
      'excludePurchased.repurchaseWindowDays': ['The repurchase window must be a whole number of days.'],
    });
    expect(errorsOf({ includeCategories: [' / '] })['includeCategories.0']?.[0]).toMatch(/Enter a category/);
  });

  it('rejects duplicate pins and contradictory brands', () => {
    const pins = errorsOf({
      pins: [
        { productId: 'a', position: 1 },
        { productId: 'a', position: 1 },
        { productId: 'b', position: 0 },
      ],
    });
    expect(pins['pins.1.productId']).toEqual(['This product is pinned twice.']);
    expect(pins['pins.1.position']).toEqual(['Two pins share this position.']);
    expect(pins['pins.2.position']).toEqual(['Positions start at 1 (the first slot).']);
    expect(errorsOf({ includeBrands: ['Acme'], excludeBrands: ['acme'] })['excludeBrands.0']).toEqual([
      '“acme” is both included and excluded.',
    ]);
  });
});
