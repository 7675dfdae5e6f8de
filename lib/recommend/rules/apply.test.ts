import { describe, expect, it } from 'vitest';
import type { RuleReason } from '../explain/reasons';
import { applyRules } from './apply';
import { type PlacementRulesInput, placementRulesSchema } from './schema';
import { catalog, candidates, DAY, NOW } from './test-catalog';

const none = new Map<number, number>();
const run = (rules: PlacementRulesInput, k = 10, extra: Partial<Parameters<typeof applyRules>[3]> = {}) =>
  applyRules(candidates(), placementRulesSchema.parse(rules), catalog, {
    purchased: none,
    now: NOW,
    k,
    ...extra,
  });
const itemsOf = (r: ReturnType<typeof run>) => r.items.map((x) => x.item);

describe('applyRules filters', () => {
  it('removes out-of-stock and unknown products by default, and counts them', () => {
    const r = run({});
    expect(itemsOf(r)).toEqual([0, 1, 3, 4, 5, 6, 7, 9]);
    expect(r.filtered.removed.outOfStock).toBe(2);
    expect(r.filtered.considered).toBe(10);
  });

  it('keeps out-of-stock products when the rule is off', () => {
    expect(itemsOf(run({ excludeOutOfStock: false }))).toContain(2);
  });

  it('hides purchases inside the repurchase window only', () => {
    const purchased = new Map([
      [0, NOW - 5 * DAY],
      [1, NOW - 40 * DAY],
    ]);
    const rules = { excludePurchased: { enabled: true, repurchaseWindowDays: 30 } };
    const r = run(rules, 10, { purchased });
    expect(itemsOf(r)).not.toContain(0);
    expect(itemsOf(r)).toContain(1);
    expect(r.filtered.removed.purchased).toBe(1);
    // Without a window a purchase hides the item for good.
    expect(itemsOf(run({ excludePurchased: { enabled: true } }, 10, { purchased }))).not.toContain(1);
    // Buy-again exists to show purchases: the rule does not apply there.
    expect(itemsOf(run(rules, 10, { purchased, scenario: 'buy_again' }))).toContain(0);
  });

  it('includes and excludes category prefixes by whole levels, case-insensitively', () => {
    expect(itemsOf(run({ includeCategories: ['apparel / shirts'] }))).toEqual([0, 1, 5]);
    const r = run({ excludeCategories: [['Home']] });
    expect(itemsOf(r)).toEqual([0, 1, 5, 7]);
    expect(r.filtered.removed.category).toBe(4);
  });

  it('includes and excludes brands; products without a brand fail an include list', () => {
    expect(itemsOf(run({ includeBrands: ['acme'] }))).toEqual([0, 4, 7]);
    expect(itemsOf(run({ excludeBrands: ['Acme', 'Initech'] }))).toEqual([1, 5, 6]);
    expect(itemsOf(run({ includeBrands: ['Nobody'] }))).toEqual([]);
  });

  it('keeps prices inside the inclusive range', () => {
    const r = run({ priceRange: { minMinor: 1500, maxMinor: 3000 } });
    expect(itemsOf(r)).toEqual([0, 1, 3, 4, 9]);
    expect(r.filtered.removed.price).toBe(3);
  });

  it('drops products older than the maximum age, and newOnly uses 30 days', () => {
    expect(itemsOf(run({ maxProductAgeDays: 100 }))).toEqual([0, 1, 3, 5, 6, 7]);
    expect(itemsOf(run({ newOnly: true }))).toEqual([0, 1, 3, 5, 6, 7]);
    expect(run({ newOnly: true }).filtered.removed.age).toBe(2);
  });
});

describe('applyRules boosts and pins', () => {
  it('boosts and buries reorder and record a rule reason with the factor', () => {
    const r = run({
      boosts: [
        { attribute: 'brand', equals: 'Globex', factor: 3 },
        { attribute: 'category', equals: 'Apparel / Shirts / Linen', factor: 0.1 },
      ],
    });
    // Globex 1 (9·3 = 27) first; 5 is Globex but Linen (5·3·0.1 = 1.5); 0 is Linen (10·0.1 = 1).
    expect(itemsOf(r).slice(0, 2)).toEqual([1, 3]);
    const first = r.items[0]!;
    expect(first.score).toBeCloseTo(27);
    const rule = first.reasons.find((x) => x.kind === 'rule') as RuleReason;
    expect(rule).toMatchObject({ rule: 'brand = Globex', factor: 3 });
    // The model keeps s of 3s, the rule the rest; shares still sum to 1.
    expect(first.reasons[0]!.contribution).toBeCloseTo(1 / 3);
    expect(rule.contribution).toBeCloseTo(2 / 3);
    const five = r.items.find((x) => x.item === 5)!;
    expect(five.reasons.reduce((s, x) => s + x.contribution, 0)).toBeCloseTo(1);
    expect(itemsOf(r).indexOf(0)).toBeGreaterThan(itemsOf(r).indexOf(5));
  });

  it('boosts by a product attribute', () => {
    const r = run({ boosts: [{ attribute: 'color', equals: 'red', factor: 10 }] });
    expect(r.items[0]!.item).toBe(5);
  });

  it('places pins at their exact positions and drops out-of-stock pins', () => {
    const r = run(
      {
        pins: [
          { productId: 'p9', position: 1 },
          { productId: 'p6', position: 3 },
          { productId: 'p2', position: 2 },
        ],
      },
      5,
    );
    expect(itemsOf(r)).toEqual([9, 0, 6, 1, 3]);
    expect(r.items[0]!.pinned).toBe(true);
    expect(r.items[0]!.reasons.at(-1)).toMatchObject({ kind: 'rule', pinned: true, position: 1 });
    // p2 is out of stock as a pin and as a candidate: counted once.
    expect(r.filtered.removed.outOfStock).toBe(2);
  });

  it('pins a product that was not a candidate, and moves a pin up when the list is short', () => {
    const rules = placementRulesSchema.parse({ pins: [{ productId: 'p3', position: 4 }] });
    const r = applyRules(candidates([0, 1]), rules, catalog, { purchased: none, now: NOW, k: 10 });
    expect(r.items.map((x) => x.item)).toEqual([0, 1, 3]);
    expect(r.items[2]!.reasons).toEqual([
      { kind: 'rule', rule: 'pin', pinned: true, position: 4, contribution: 1 },
    ]);
  });
});

describe('applyRules diversity', () => {
  it('caps items per category and per brand', () => {
    const byCategory = run({ diversity: { maxPerCategory: 1 } });
    // Item 5 repeats Linen (item 0), 4 and 9 repeat Candles (item 3).
    expect(itemsOf(byCategory)).toEqual([0, 1, 3, 6, 7]);
    expect(byCategory.filtered.removed.diversity).toBe(3);
    expect(itemsOf(run({ diversity: { maxPerBrand: 1 } }))).toEqual([0, 1, 3, 6]);
  });

  it('MMR moves a dissimilar item ahead of near-duplicates', () => {
    // Items 0, 1, 5 are shirts (similar to each other), 3 a candle.
    const shirts = new Set([0, 1, 5]);
    const similarity = (a: number, b: number) => (shirts.has(a) && shirts.has(b) ? 1 : 0);
    const pool = candidates([0, 1, 5, 3]);
    const plain = applyRules(pool, placementRulesSchema.parse({}), catalog, {
      purchased: none,
      now: NOW,
      k: 3,
    });
    expect(plain.items.map((x) => x.item)).toEqual([0, 1, 3]);
    const rules = placementRulesSchema.parse({ diversity: { mmrLambda: 0.5 } });
    const mixed = applyRules(pool, rules, catalog, { purchased: none, now: NOW, k: 3, similarity });
    expect(mixed.items.map((x) => x.item)).toEqual([0, 3, 1]);
    // λ = 1 is pure relevance.
    const pure = placementRulesSchema.parse({ diversity: { mmrLambda: 1 } });
    expect(
      applyRules(pool, pure, catalog, { purchased: none, now: NOW, k: 3, similarity }).items.map(
        (x) => x.item,
      ),
    ).toEqual([0, 1, 3]);
  });

  it('returns at most k items and never mutates the candidates', () => {
    const pool = candidates();
    const before = JSON.stringify(pool);
    const rules = placementRulesSchema.parse({ boosts: [{ attribute: 'brand', equals: 'Acme', factor: 2 }] });
    const r = applyRules(pool, rules, catalog, { purchased: none, now: NOW, k: 3 });
    expect(r.items).toHaveLength(3);
    expect(JSON.stringify(pool)).toBe(before);
  });
});
