import { describe, expect, it } from 'vitest';
import { type ItemLists, splitAt } from './split';
import { datasetFrom } from './testing';

const lists = (l: ItemLists) =>
  Array.from({ length: l.offsets.length - 1 }, (_, t) => [
    ...l.items.subarray(l.offsets[t], l.offsets[t + 1]),
  ]);

// Shoppers: 0 buys before and after (one repeat, one new, one item never seen in training);
// 1 only views after the cutoff; 2 appears only after it; 3 only repeats; 4 trains, buys nothing
// later; 5 buys after the cutoff only an item never seen in training.
const data = datasetFrom([
  [0, 0, 10],
  [0, 1, 20, 'view'],
  [0, 0, 100], // exactly at the cutoff: test, not train
  [0, 2, 150],
  [0, 2, 151], // a repeat inside the test window counts once
  [0, 4, 160], // item 4 is new to the catalog
  [1, 1, 50],
  [1, 3, 120, 'view'],
  [2, 2, 110],
  [3, 3, 99],
  [3, 3, 130],
  [4, 1, 30, 'cart'],
  [4, 1, 40],
  [4, 2, 35, 'view'],
  [5, 0, 5],
  [5, 4, 170],
]);

describe('splitAt', () => {
  it('trains on interactions strictly before the cutoff', () => {
    const s = splitAt(data, { cutoff: 100, protocol: 'all' });
    expect(s.train.time.length).toBe(8);
    expect(Math.max(...s.train.time)).toBe(99);
    expect(s.train.itemIds).toBe(data.itemIds);
    expect([...s.candidate]).toEqual([1, 1, 1, 1, 0]);
    expect(s.candidateCount).toBe(4);
    expect(s.trainShoppers).toBe(5);
    // Distinct training shoppers per item: item 1 had shoppers 0 (view), 1 and 4 (twice).
    expect([...s.popularity]).toEqual([2, 3, 1, 1, 0]);
  });

  it('tests shoppers seen in training with a truth-kind interaction after the cutoff', () => {
    const s = splitAt(data, { cutoff: 100, protocol: 'all' });
    expect([...s.testShoppers]).toEqual([0, 3]);
    expect(lists(s.truth)).toEqual([[0, 2], [3]]);
    expect(lists(s.known)).toEqual([[0], [3]]);
    expect([...s.activity]).toEqual([2, 1]);
  });

  it('keeps items unseen in training out of truth unless asked', () => {
    const s = splitAt(data, { cutoff: 100, protocol: 'all', unseenInTruth: true });
    expect([...s.testShoppers]).toEqual([0, 3, 5]);
    expect(lists(s.truth)).toEqual([[0, 2, 4], [3], [4]]);
  });

  it('takes the truth kinds as an option', () => {
    const s = splitAt(data, { cutoff: 100, protocol: 'all', truthKinds: ['view', 'purchase'] });
    expect([...s.testShoppers]).toEqual([0, 1, 3]);
    expect(lists(s.truth)).toEqual([[0, 2], [3], [3]]);
    // Known items follow the truth kinds: shopper 0's viewed item 1 is now "had".
    expect(lists(s.known)).toEqual([[0, 1], [1], [3]]);
  });

  it('removes known items under new-items and drops shoppers left with no truth', () => {
    const s = splitAt(data, { cutoff: 100, protocol: 'new-items' });
    expect([...s.testShoppers]).toEqual([0]);
    expect(lists(s.truth)).toEqual([[2]]);
    expect(lists(s.known)).toEqual([[0]]);
    expect([...s.activity]).toEqual([2]);
  });

  it('honours the end of the test window', () => {
    const s = splitAt(data, { cutoff: 100, protocol: 'all', until: 150 });
    expect(lists(s.truth)).toEqual([[0], [3]]);
  });

  it('refuses an unsorted dataset', () => {
    const bad = { ...data, time: Float64Array.from([2, 1]) };
    expect(() => splitAt(bad, { cutoff: 1, protocol: 'all' })).toThrow(RangeError);
  });
});
