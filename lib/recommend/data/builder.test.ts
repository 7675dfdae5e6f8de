import { describe, expect, it } from 'vitest';
import { DatasetBuilder, timeOrder } from './builder';

/** The order build() used before: indexes sorted by time, then by index. */
const reference = (t: Float64Array) =>
  Uint32Array.from({ length: t.length }, (_, i) => i).sort((a, b) => t[a]! - t[b]! || a - b);

describe('timeOrder', () => {
  it('orders by time and keeps equal times in index order, like a comparator sort', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (const n of [0, 1, 2, 10, 1_000, 20_000]) {
      // Few distinct times, so most of them repeat; fractions of a millisecond too.
      const t = Float64Array.from(
        { length: n },
        () => 1.7e12 + Math.floor(random() * 50) * 1_000 + (random() < 0.1 ? 0.25 : 0),
      );
      expect(timeOrder(t)).toEqual(reference(t));
    }
  });

  it('treats -0 and 0 as the same time', () => {
    const t = Float64Array.from([0, -0, 0, -1]);
    expect([...timeOrder(t)]).toEqual([3, 0, 1, 2]);
  });
});

describe('DatasetBuilder', () => {
  it('builds the interactions in time order, renumbering by first appearance', () => {
    const b = new DatasetBuilder();
    b.add('s2', 'i2', 30, 1, 1);
    b.add('s1', 'i1', 10, 2, 3);
    b.add('s2', 'i1', 10, 1, 0);
    b.add('s1', 'i3', 20, 3, 2);
    const d = b.build();
    expect(d.shopperIds).toEqual(['s1', 's2']);
    expect(d.itemIds).toEqual(['i1', 'i3', 'i2']);
    expect([...d.time]).toEqual([10, 10, 20, 30]);
    expect([...d.shopper]).toEqual([0, 1, 0, 1]);
    expect([...d.item]).toEqual([0, 0, 1, 2]);
    expect([...d.kind]).toEqual([2, 1, 3, 1]);
    expect([...d.quantity]).toEqual([3, 1, 2, 1]);
  });
});
