import { describe, expect, it } from 'vitest';
import { csrFromTriplets, csrGet, groupOrder, rowNorms, transposeCsr } from './csr';

describe('csr', () => {
  const m = csrFromTriplets(
    3,
    4,
    Int32Array.from([2, 0, 0, 2, 0]),
    Int32Array.from([1, 3, 1, 1, 3]),
    Float32Array.from([1, 2, 3, 4, 5]),
  );

  it('sums duplicate cells and sorts each row by column', () => {
    expect(Array.from(m.indptr)).toEqual([0, 2, 2, 3]);
    expect(Array.from(m.indices)).toEqual([1, 3, 1]);
    expect(Array.from(m.values)).toEqual([3, 7, 5]);
    expect(csrGet(m, 0, 3)).toBe(7);
    expect(csrGet(m, 1, 3)).toBe(0);
  });

  it('transposes with sorted rows', () => {
    const t = transposeCsr(m);
    expect(t.nRows).toBe(4);
    expect(Array.from(t.indptr)).toEqual([0, 0, 2, 2, 3]);
    expect(Array.from(t.indices)).toEqual([0, 2, 0]);
    expect(Array.from(t.values)).toEqual([3, 5, 7]);
  });

  it('computes row norms', () => {
    expect(Array.from(rowNorms(m))).toEqual([Math.sqrt(9 + 49), 0, 5]);
  });

  it('groups positions by key, keeping input order inside a group', () => {
    expect(Array.from(groupOrder(Int32Array.from([1, 0, 1, 0]), 2))).toEqual([1, 3, 0, 2]);
    expect(Array.from(groupOrder(Int32Array.from([1, 0, 1, 0]), 2, Int32Array.from([2, 0, 3])))).toEqual([
      3, 2, 0,
    ]);
  });
});
