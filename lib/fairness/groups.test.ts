import { describe, expect, it } from 'vitest';
import { ageGroups, brandGroups, categoryGroups, priceTiers, smallBrandItems } from './groups';

const DAY = 86_400_000;

describe('brands', () => {
  it('calls a brand with under 2 % of purchases small and groups it with the others like it', () => {
    // Brand 0: 90 purchases, brand 1: 9, brand 2: 1 (1 % → small); item 3 has no brand.
    const brandId = Int32Array.from([0, 1, 2, -1]);
    const purchases = Float64Array.from([90, 9, 1, 5]);
    const catalog = Uint8Array.from([1, 1, 1, 1]);
    const small = smallBrandItems(brandId, purchases, catalog);
    expect([...small]).toEqual([0, 0, 1, 0]);
    const g = brandGroups(brandId, ['big', 'mid', 'tiny'], purchases, catalog, small);
    expect(g.labels).toEqual(['big', 'mid', 'Small brands', 'No brand']);
    expect([...g.groupOf]).toEqual([0, 1, 2, 3]);
  });

  it('falls back to the bottom half of brands when none is under 2 %', () => {
    const brandId = Int32Array.from([0, 1, 2, 3]);
    const small = smallBrandItems(
      brandId,
      Float64Array.from([40, 30, 20, 10]),
      Uint8Array.from([1, 1, 1, 1]),
    );
    expect([...small]).toEqual([0, 0, 1, 1]);
  });
});

describe('price tiers, age and categories', () => {
  it('splits the catalog price into tertiles', () => {
    const price = Float64Array.from([100, 200, 300, 400, 500, 600, Number.NaN]);
    const t = priceTiers(price, Uint8Array.from([1, 1, 1, 1, 1, 1, 1]));
    expect(t.cuts).toEqual([300, 500]);
    expect([...t.groupOf]).toEqual([0, 0, 1, 1, 2, 2, -1]);
  });

  it('calls a product new within newItemDays before the as-of date', () => {
    const asOf = 100 * DAY;
    const published = Float64Array.from([asOf - 5 * DAY, asOf - 40 * DAY, asOf + DAY, Number.NaN]);
    const a = ageGroups(published, asOf, 30, Uint8Array.from([1, 1, 1, 1]));
    expect([...a.groupOf]).toEqual([0, 1, -1, -1]);
    expect([...a.isNew]).toEqual([1, 0, 0, 0]);
  });

  it('names the largest top-level categories', () => {
    const g = categoryGroups(['b', 'a', 'b', null], Uint8Array.from([1, 1, 1, 1]));
    expect(g.labels).toEqual(['b', 'a']);
    expect([...g.groupOf]).toEqual([0, 1, 0, -1]);
  });
});
