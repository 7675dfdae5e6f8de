import { describe, expect, it } from 'vitest';
import { HybridPriors } from './hybrid-features';
import { day, makeDataset } from './test-data';

// Shopper 0 bought item 0 three times (last on day 40) and item 1 once (day 10); shopper 1 only viewed item 2.
const data = makeDataset(
  [
    { shopper: 0, item: 0, day: 0 },
    { shopper: 0, item: 0, day: 20 },
    { shopper: 0, item: 1, day: 10 },
    { shopper: 0, item: 0, day: 40 },
    { shopper: 1, item: 2, day: 5, kind: 'view' },
  ],
  { nShoppers: 3, nItems: 3 },
);
const asOf = day(70);

function row(priors: HybridPriors, shopper: number | undefined, item: number): number[] {
  const out = new Float32Array(priors.names.length);
  priors.write(shopper, item, out, 0);
  return Array.from(out);
}

describe('HybridPriors', () => {
  it('writes popularity and bought-before by default', () => {
    const priors = new HybridPriors(data, asOf);
    expect(priors.names).toEqual(['popularity', 'bought-before']);
    expect(row(priors, 0, 0)).toEqual([1, 1]);
    expect(row(priors, 1, 2)).toEqual([1, 0]); // a view is popularity, not a purchase
    expect(priors.isKnown(1)).toBe(true);
    expect(priors.isKnown(2)).toBe(false);
  });

  it('adds the purchase count and recency on an absolute scale with repeatFeatures', () => {
    const priors = new HybridPriors(data, asOf, { repeatFeatures: true, recencyHalfLifeDays: 30 });
    expect(priors.names).toEqual(['popularity', 'bought-before', 'purchases', 'purchase-recency']);
    const [, , count0, recency0] = row(priors, 0, 0);
    const [, , count1, recency1] = row(priors, 0, 1);
    expect(count0).toBeCloseTo(Math.log2(4) / 5, 6); // 3 purchases, saturating at 31
    expect(count1).toBeCloseTo(Math.log2(2) / 5, 6);
    expect(recency0).toBeCloseTo(2 ** -1, 6); // last bought 30 days before asOf
    expect(recency1).toBeCloseTo(2 ** -2, 6);
    expect(row(priors, 1, 2).slice(1)).toEqual([0, 0, 0]);
    expect(row(priors, undefined, 0).slice(1)).toEqual([0, 0, 0]);
  });
});
