import { describe, expect, it } from 'vitest';
import { contextVector } from './features';
import {
  chooseLinUcb,
  createLinUcbState,
  invertMatrix,
  loadLinUcbState,
  scoreLinUcb,
  serializeLinUcb,
  updateLinUcb,
} from './linucb';
import { createRng } from './rng';

describe('LinUCB', () => {
  it('keeps A⁻¹ equal to the inverse of A through Sherman–Morrison updates', () => {
    const rng = createRng(1);
    const state = createLinUcbState(4);
    for (let i = 0; i < 200; i++) {
      const x = Float64Array.from({ length: 4 }, () => rng());
      updateLinUcb(state, x, rng() < 0.3 ? 1 : 0);
    }
    const direct = invertMatrix(state.a, 4);
    for (let i = 0; i < 16; i++) expect(state.aInv[i]).toBeCloseTo(direct[i]!, 10);
  });

  it('round-trips through the stored row (A and b only)', () => {
    const state = createLinUcbState(3);
    updateLinUcb(state, Float64Array.of(1, 0, 1), 1);
    updateLinUcb(state, Float64Array.of(1, 1, 0), 0);
    const row = serializeLinUcb(state);
    expect(Object.keys(row).sort()).toEqual(['a', 'b', 'dimensions']);
    const loaded = loadLinUcbState(row, 3);
    const x = Float64Array.of(1, 1, 1);
    expect(scoreLinUcb(loaded, x, 1).ucb).toBeCloseTo(scoreLinUcb(state, x, 1).ucb, 12);
    // Another feature layout: the old state no longer means anything.
    expect(Array.from(loadLinUcbState(row, 4).b)).toEqual([0, 0, 0, 0]);
  });

  it('learns which arm is best in which context', () => {
    const segments = ['young', 'old'];
    const xs = segments.map((s) =>
      contextVector({ segmentId: s, locale: 'en', device: 'mobile' }, segments, ['en']),
    );
    // Arm "a" clicks 8 % for the young and 1 % for the old; arm "b" the reverse.
    const rates: Record<string, number[]> = { a: [0.08, 0.01], b: [0.01, 0.08] };
    const arms = ['a', 'b'].map((id) => ({ id, state: createLinUcbState(xs[0]!.length) }));
    const rng = createRng(2);
    for (let t = 0; t < 6000; t++) {
      const c = t % 2;
      const id = chooseLinUcb(arms, xs[c]!, 0.3, rng);
      const arm = arms.find((a) => a.id === id)!;
      updateLinUcb(arm.state, xs[c]!, rng() < rates[id]![c]! ? 1 : 0);
    }
    expect(chooseLinUcb(arms, xs[0]!, 0)).toBe('a');
    expect(chooseLinUcb(arms, xs[1]!, 0)).toBe('b');
  });

  it('breaks exact ties at random when given an rng and refuses mismatched dimensions', () => {
    const arms = ['a', 'b', 'c'].map((id) => ({ id, state: null }));
    const x = Float64Array.of(1, 0);
    expect(chooseLinUcb(arms, x, 1)).toBe('a');
    const rng = createRng(3);
    const picked = new Set(Array.from({ length: 60 }, () => chooseLinUcb(arms, x, 1, rng)));
    expect(picked.size).toBe(3);
    expect(() => chooseLinUcb([{ id: 'a', state: createLinUcbState(3) }], x, 1)).toThrow(RangeError);
  });
});
