import { describe, expect, it } from 'vitest';
import { Rng } from '@/db/seed/random';
import { choleskyInPlace, invertSpdInPlace } from './spd-inverse';

/** A random SPD matrix MᵀM + n·I (row-major). */
function randomSpd(n: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  const m = Float64Array.from({ length: n * n }, () => rng.uniform(-1, 1));
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = i === j ? n : 0;
      for (let k = 0; k < n; k++) s += m[k * n + i]! * m[k * n + j]!;
      a[i * n + j] = s;
    }
  }
  return a;
}

function multiply(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      for (let j = 0; j < n; j++) out[i * n + j]! += a[i * n + k]! * b[k * n + j]!;
    }
  }
  return out;
}

describe('invertSpdInPlace', () => {
  it('inverts a 2×2 matrix exactly', () => {
    const a = Float64Array.from([4, 2, 2, 3]);
    invertSpdInPlace(a, 2);
    // det = 8 → inverse = [3, −2; −2, 4] / 8
    expect(Array.from(a)).toEqual([0.375, -0.25, -0.25, 0.5].map((v) => expect.closeTo(v, 12)));
  });

  // Sizes around the block width of 4 exercise both the blocked and the remainder paths.
  it.each([1, 3, 4, 5, 8, 13, 22, 33])('gives A·A⁻¹ = I for a random %i×%i SPD matrix', (n) => {
    const a = randomSpd(n, n);
    const inv = a.slice();
    invertSpdInPlace(inv, n);
    const product = multiply(a, inv, n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) expect(product[i * n + j]).toBeCloseTo(i === j ? 1 : 0, 9);
    }
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) expect(inv[i * n + j]).toBe(inv[j * n + i]);
    }
  });

  it('factors A = L·Lᵀ in the lower triangle', () => {
    const n = 9;
    const a = randomSpd(n, 42);
    const l = a.slice();
    choleskyInPlace(l, n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        let s = 0;
        for (let k = 0; k <= j; k++) s += l[i * n + k]! * l[j * n + k]!;
        expect(s).toBeCloseTo(a[i * n + j]!, 9);
      }
    }
  });

  it('throws on a matrix that is not positive definite', () => {
    expect(() => invertSpdInPlace(Float64Array.from([1, 2, 2, 1]), 2)).toThrow(/not positive definite/);
  });
});
