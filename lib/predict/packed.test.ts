import { describe, expect, it } from 'vitest';
import { syntheticHistories } from './binary/synthetic';
import { packHistories, unpackHistories } from './packed';
import type { ShopperHistory } from './types';

/** Every optional and nullable field in each of its states. */
const edgeCases: ShopperHistory[] = [
  {
    shopperId: 'a',
    country: null,
    firstSeenAt: null,
    orders: [
      {
        at: 1,
        totalMinor: 250,
        status: 'paid',
        items: 2,
        products: 1,
        categories: ['Home', 'Kitchen', 'Home'],
      },
      { at: 2.5, totalMinor: -0, status: 'refunded', items: 0, products: 0, categories: [] },
      { at: 3, totalMinor: 1e15, status: 'returned', items: 1, products: 1 },
    ],
    events: [
      { at: 1, type: 'view', sessionId: 's1', category: 'Home' },
      { at: 1, type: 'view', sessionId: null, category: null },
      { at: 2, type: 'search' },
      { at: 4, type: 'page_view', sessionId: '', category: '' },
    ],
  },
  { shopperId: 'b', country: 'DE', firstSeenAt: 0, orders: [], events: [] },
  {
    shopperId: 'c',
    country: '',
    firstSeenAt: 1_700_000_000_000.5,
    orders: [],
    events: [{ at: 9, type: 'view' }],
  },
];

describe('packed histories', () => {
  it('unpack to exactly the histories that were packed, absent fields absent and nulls null', async () => {
    expect(unpackHistories(await packHistories(edgeCases))).toStrictEqual(edgeCases);
    const synthetic = syntheticHistories(200, 3);
    expect(unpackHistories(await packHistories(synthetic))).toStrictEqual(synthetic);
    expect(unpackHistories(await packHistories([]))).toEqual([]);
  });

  it('survive a structured clone (what crosses to a worker) as typed arrays and one string table', async () => {
    const packed = await packHistories(edgeCases);
    expect(packed.eventAt).toBeInstanceOf(Float64Array);
    expect(new Set(packed.strings).size).toBe(packed.strings.length);
    expect(unpackHistories(structuredClone(packed))).toStrictEqual(edgeCases);
  });
});
