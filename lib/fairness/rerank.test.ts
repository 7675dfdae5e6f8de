import { describe, expect, it } from 'vitest';
import { miscalibration, mitigationOff, type RerankCandidate, type RerankFacts, rerank } from './rerank';

/** Items 0..19: multiples of 5 are new; items ≥ 15 are small brands; category = item % 3. */
const facts: RerankFacts = {
  isNew: (j) => j % 5 === 0,
  isSmallBrand: (j) => j >= 15,
  category: (j) => j % 3,
  brand: (j) => Math.floor(j / 4),
};
const list = (n: number, pinned: number[] = []): RerankCandidate[] =>
  Array.from({ length: n }, (_, j) => ({ item: j, score: n - j, pinned: pinned.includes(j) }));
const off = { newItemFloor: 0, smallBrandFloor: 0, calibration: 0 };
const items = (c: RerankCandidate[], slots: { index: number }[]) => slots.map((s) => c[s.index]!.item);

describe('rerank', () => {
  it('returns the first k candidates unmoved when every mitigation is off', () => {
    const c = list(20, [2]);
    const out = rerank(c, facts, { k: 10, ...off });
    expect(items(c, out)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(out.every((s) => s.policy === null)).toBe(true);
    expect(mitigationOff(off)).toBe(true);
    // Calibration without a profile cannot change anything either.
    expect(items(c, rerank(c, facts, { k: 10, ...off, calibration: 0.5, profile: null }))).toEqual(
      items(c, out),
    );
  });

  it('raises the small-brand share to the floor, promoting the best into the lowest slots', () => {
    const c = list(20);
    const out = rerank(c, facts, { k: 10, ...off, smallBrandFloor: 0.2 });
    // ceil(0.2 · 10) = 2 small-brand items: 15 and 16 replace 9 and 8 in place.
    expect(items(c, out)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 16, 15]);
    expect(out.filter((s) => s.policy === 'small_brands').length).toBe(2);
    expect(out.filter((s) => facts.isSmallBrand(c[s.index]!.item)).length).toBeGreaterThanOrEqual(2);
  });

  it('reaches the new-item floor without displacing new items already shown', () => {
    const c = list(20);
    // Already new in the top 10: 0 and 5 (2 of 10). A 30 % floor needs 3: item 10 enters; slot of 9.
    const out = rerank(c, facts, { k: 10, ...off, newItemFloor: 0.3 });
    expect(items(c, out)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 10]);
    expect(out.filter((s) => facts.isNew(c[s.index]!.item)).length).toBe(3);
  });

  it('meets both floors together and keeps the first floor when the second needs slots', () => {
    const c = list(20);
    const out = rerank(c, facts, { k: 10, ...off, newItemFloor: 0.3, smallBrandFloor: 0.2 });
    const shown = items(c, out);
    expect(shown.filter((j) => facts.isNew(j)).length).toBeGreaterThanOrEqual(3);
    expect(shown.filter((j) => facts.isSmallBrand(j)).length).toBeGreaterThanOrEqual(2);
    expect(new Set(shown).size).toBe(10);
  });

  it('promotes only as many as exist and never moves a pin', () => {
    const c = list(12, [9]);
    const out = rerank(c, facts, { k: 10, ...off, smallBrandFloor: 0.5 });
    // No candidate is a small brand (items < 15): nothing changes, the pin stays in slot 10.
    expect(items(c, out)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const d = list(20, [9]);
    const moved = rerank(d, facts, { k: 10, ...off, smallBrandFloor: 0.2 });
    expect(items(d, moved)[9]).toBe(9);
    expect(items(d, moved).slice(7, 9).sort()).toEqual([15, 16]);
  });

  it('keeps the diversity caps while promoting', () => {
    // Categories: 0 → 0, 3 → 0, 1 → 1, 2 → 2, 15 → 0, 16 → 1. With at most 2 per category, 15 cannot
    // take the lowest slot (2's): category 0 already has 2; 16, the next small-brand item, can.
    const c = [0, 3, 1, 2, 15, 16].map((item, r) => ({ item, score: 10 - r }));
    const out = rerank(c, facts, { k: 4, ...off, smallBrandFloor: 0.25, maxPerCategory: 2 });
    expect(items(c, out)).toEqual([0, 3, 1, 16]);
    const uncapped = rerank(c, facts, { k: 4, ...off, smallBrandFloor: 0.25 });
    expect(items(c, uncapped)).toEqual([0, 3, 1, 15]);
  });

  it('calibrates the list towards the shopper’s category mix', () => {
    const c = list(20);
    const profile = new Map([[2, 1]]); // the shopper only buys category 2
    const before = rerank(c, facts, { k: 6, ...off });
    const after = rerank(c, facts, { k: 6, ...off, calibration: 0.9, profile });
    const kl = (slots: { index: number }[]) =>
      miscalibration(
        profile,
        items(c, slots).map((j) => j % 3),
      );
    expect(kl(after)).toBeLessThan(kl(before));
    expect(items(c, after).filter((j) => j % 3 === 2).length).toBeGreaterThan(2);
    expect(after.some((s) => s.policy === 'calibration')).toBe(true);
  });
});

describe('miscalibration', () => {
  it('is KL(p‖q̃) with q̃ smoothed by α', () => {
    const p = new Map([
      [0, 0.5],
      [1, 0.5],
    ]);
    expect(miscalibration(p, [0, 1])).toBeCloseTo(0, 12);
    // q = (1, 0): q̃(1) = 0.01 · 0.5 = 0.005, q̃(0) = 0.99 + 0.005 = 0.995.
    const want = 0.5 * Math.log(0.5 / 0.995) + 0.5 * Math.log(0.5 / 0.005);
    expect(miscalibration(p, [0, 0])).toBeCloseTo(want, 12);
  });
});
