import { describe, expect, it } from 'vitest';
import { armsToPause, probabilityToBeBest } from './autopause';
import { contextDimension, contextVector } from './features';
import { applyFloor, pickWithFloor, uniformShare } from './floor';
import { createRng } from './rng';
import { chooseThompson, probabilityBest } from './thompson';

function shares(pick: () => string, ids: string[], n: number): Record<string, number> {
  const count: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
  for (let i = 0; i < n; i++) {
    const id = pick();
    count[id] = (count[id] ?? 0) + 1;
  }
  return Object.fromEntries(ids.map((id) => [id, (count[id] ?? 0) / n]));
}

const CLEAR = [
  { id: 'a', successes: 20, trials: 1000 },
  { id: 'b', successes: 30, trials: 1000 },
  { id: 'c', successes: 80, trials: 1000 },
];

describe('thompson', () => {
  it('serves the clearly best arm almost always without a floor', () => {
    const rng = createRng(1);
    const s = shares(() => chooseThompson(CLEAR, rng), ['a', 'b', 'c'], 5000);
    expect(s.c).toBeGreaterThan(0.99);
  });

  it('keeps every arm at or above the floor', () => {
    const rng = createRng(2);
    const s = shares(() => chooseThompson(CLEAR, rng, { floor: 0.05 }), ['a', 'b', 'c'], 20_000);
    expect(s.a).toBeGreaterThan(0.045);
    expect(s.b).toBeGreaterThan(0.045);
    expect(s.a).toBeLessThan(0.06);
  });

  it('splits evenly between arms it knows nothing about', () => {
    const rng = createRng(3);
    const fresh = ['x', 'y'].map((id) => ({ id, successes: 0, trials: 0 }));
    const s = shares(() => chooseThompson(fresh, rng), ['x', 'y'], 10_000);
    expect(s.x).toBeGreaterThan(0.47);
    expect(s.x).toBeLessThan(0.53);
  });

  it('estimates the probability to be best', () => {
    const p = probabilityBest(
      [
        { id: 'a', successes: 50, trials: 1000 },
        { id: 'b', successes: 50, trials: 1000 },
      ],
      createRng(4),
      20_000,
    );
    expect(p[0]! + p[1]!).toBeCloseTo(1, 10);
    expect(p[0]).toBeGreaterThan(0.47);
    expect(p[0]).toBeLessThan(0.53);
    expect(() => chooseThompson([], createRng(1))).toThrow(RangeError);
  });
});

describe('exploration floor', () => {
  it('caps k·floor at 1 and ignores a single arm', () => {
    expect(uniformShare(3, 0.05)).toBeCloseTo(0.15);
    expect(uniformShare(10, 0.2)).toBe(1);
    expect(uniformShare(1, 0.2)).toBe(0);
    expect(applyFloor([1, 0, 0, 0], 0.05)).toEqual(
      [0.85, 0.05, 0.05, 0.05].map((v) => expect.closeTo(v, 10)),
    );
  });

  it('gives every arm at least the floor even when the policy always picks one', () => {
    const rng = createRng(5);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[pickWithFloor(4, 0.1, rng, () => 0)]!++;
    for (const c of counts.slice(1)) expect(c / 40_000).toBeGreaterThan(0.09);
    expect(counts[0]! / 40_000).toBeCloseTo(0.7, 1);
  });
});

describe('features', () => {
  it('one-hot encodes segment, locale (with base-language fallback) and device', () => {
    const x = contextVector(
      { segmentId: 's2', locale: 'de-CH', device: 'tablet' },
      ['s1', 's2'],
      ['en', 'de'],
    );
    expect(x.length).toBe(contextDimension(2, 2));
    expect(Array.from(x)).toEqual([1, 0, 1, 0, 1, 0, 0, 1]);
    const unknown = contextVector({ segmentId: 'zz', locale: null, device: null }, ['s1'], ['en']);
    expect(Array.from(unknown)).toEqual([1, 0, 0, 0, 0, 0]);
  });
});

describe('auto-pause', () => {
  it('pauses a clear loser after enough impressions, with a reason', () => {
    const verdicts = armsToPause(CLEAR);
    expect(verdicts.map((v) => v.id)).toEqual(['a']);
    expect(verdicts[0]!.reason).toMatch(/^auto: probability to be best 0\.\d % after 1,000 impressions$/);
  });

  it('waits for the minimum impressions', () => {
    const young = CLEAR.map((a) => (a.id === 'a' ? { ...a, trials: 400, successes: 1 } : a));
    expect(armsToPause(young).map((v) => v.id)).not.toContain('a');
    expect(armsToPause(young, { minImpressions: 300 }).map((v) => v.id)).toContain('a');
  });

  it('never leaves fewer than two arms serving', () => {
    expect(armsToPause(CLEAR.slice(1))).toEqual([]);
    const four = [...CLEAR, { id: 'd', successes: 5, trials: 1000 }];
    expect(armsToPause(four).map((v) => v.id)).toEqual(['d', 'a']);
    const five = [...four, { id: 'e', successes: 6, trials: 1000 }];
    expect(armsToPause(five)).toHaveLength(3);
    expect(armsToPause(five).map((v) => v.id)).not.toContain('c');
  });

  it('is deterministic for the same counters', () => {
    expect(probabilityToBeBest(CLEAR)).toEqual(probabilityToBeBest(CLEAR));
  });
});
