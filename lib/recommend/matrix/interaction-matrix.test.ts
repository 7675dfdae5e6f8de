import { describe, expect, it } from 'vitest';
import { day, makeDataset } from '../models/test-data';
import { csrGet } from './csr';
import { buildInteractionMatrix, decayFactor, kindWeightTable } from './interaction-matrix';

describe('buildInteractionMatrix', () => {
  const data = makeDataset(
    [
      { shopper: 0, item: 0, day: 0, kind: 'view' },
      { shopper: 0, item: 0, day: 1, kind: 'cart' },
      { shopper: 0, item: 1, day: 2, kind: 'purchase' },
      { shopper: 1, item: 1, day: 3, kind: 'view' },
      { shopper: 1, item: 2, day: 10, kind: 'purchase' },
    ],
    { nShoppers: 2, nItems: 3 },
  );

  it('weights kinds (view 1, cart 3, purchase 5) and sums before scaling', () => {
    const { byShopper } = buildInteractionMatrix(data, day(5), { repeat: 'linear' });
    expect(csrGet(byShopper, 0, 0)).toBe(4);
    expect(csrGet(byShopper, 0, 1)).toBe(5);
    expect(csrGet(byShopper, 1, 1)).toBe(1);
  });

  it('keeps only interactions strictly before asOf', () => {
    const { byShopper } = buildInteractionMatrix(data, day(10), { repeat: 'linear' });
    expect(csrGet(byShopper, 1, 2)).toBe(0);
  });

  it('scales repeats sublinearly by default (log1p)', () => {
    const { byShopper } = buildInteractionMatrix(data, day(5));
    expect(csrGet(byShopper, 0, 0)).toBeCloseTo(Math.log1p(4), 6);
  });

  it('decays by half per half-life before asOf', () => {
    const { byShopper } = buildInteractionMatrix(data, day(4), { repeat: 'linear', halfLifeDays: 2 });
    // purchase on day 2 (one half-life ago) → 5/2; view on day 3 → 1/√2.
    expect(csrGet(byShopper, 0, 1)).toBeCloseTo(2.5, 5);
    expect(csrGet(byShopper, 1, 1)).toBeCloseTo(Math.SQRT1_2, 5);
    expect(decayFactor(0, undefined)).toBe(1);
  });

  it('honours custom kind weights and drops kinds weighted 0', () => {
    expect(Array.from(kindWeightTable({ view: 0 }))).toEqual([0, 3, 5]);
    const { byShopper, byItem } = buildInteractionMatrix(data, day(5), {
      kindWeights: { view: 0 },
      repeat: 'binary',
    });
    expect(csrGet(byShopper, 1, 1)).toBe(0);
    expect(Array.from(byItem.indices.subarray(byItem.indptr[1]!, byItem.indptr[2]!))).toEqual([0]);
  });

  it('maps items to columns and drops the unmapped', () => {
    const columnOf = Int32Array.from([-1, 0, -1]);
    const { byShopper } = buildInteractionMatrix(data, day(20), { columnOf, nCols: 1, repeat: 'binary' });
    expect(byShopper.nCols).toBe(1);
    expect(Array.from(byShopper.indices)).toEqual([0, 0]);
  });
});
