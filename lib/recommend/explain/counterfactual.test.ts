import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../rules/schema';
import { alignCatalog } from '../serve/catalog-cache';
import type { ServingProduct } from '../serve/queries';
import { forYou } from '../serve/recommend';
import { ServingModel } from '../serve/serving-model';
import type { SourceInput } from '../serve/sources';
import type { ModelArtefact } from '../train/model-artefact';
import { counterfactuals, diffLists, rankedList, recentHistory } from './counterfactual';

const DAY = 86_400_000;
const NOW = 100 * DAY;
const N = 6;
const lists = (rows: [number, number][][]) => ({
  ptr: Int32Array.from([0, ...rows.map((_, r) => rows.slice(0, r + 1).flat().length)]),
  items: Int32Array.from(rows.flat().map(([i]) => i)),
  scores: Float32Array.from(rows.flat().map(([, s]) => s)),
});

/**
 * Six items; shopper 0 has interacted with items 0 and 1 (bought 1 on day 90). Item-kNN links
 * 0 → 2 and 1 → 3, so item 2's only seed is item 0. Items 4 and 5 are the popular ones; 2 and 3
 * have no popularity, so nothing but their seed can bring them into the list.
 */
function handModel(): ServingModel {
  const none = Array.from({ length: N }, () => [] as [number, number][]);
  const knn = [...none];
  knn[0] = [[2, 0.9]];
  knn[1] = [[3, 0.8]];
  const a: ModelArtefact = {
    asOf: NOW,
    itemIds: Array.from({ length: N }, (_, i) => `p${i}`),
    shopperIds: ['s0', 's1'],
    features: ['item-knn', 'popularity'],
    weights: [1, 0.2],
    history: { ptr: Int32Array.of(0, 2, 2), items: Int32Array.of(0, 1) },
    knn: lists(knn),
    ease: lists(none),
    buyAgain: {
      ptr: Int32Array.of(0, 1, 1),
      items: Int32Array.of(1),
      count: Int32Array.of(1),
      last: Float64Array.of(90 * DAY),
      medianDays: Float32Array.of(Number.NaN),
      itemRate: new Float32Array(N),
      itemMedianDays: new Float32Array(N).fill(Number.NaN),
      storeMedianDays: 30,
      timingFloor: 0.1,
      recencyHalfLifeDays: null,
      purchases: Int32Array.of(1),
      lastPurchase: Float64Array.of(90 * DAY),
    },
    popularity: {
      prior: Float32Array.of(0.1, 0.1, 0, 0, 1, 0.9),
      recent: Float32Array.of(0, 0, 0, 0, 5, 4),
      decayed: Float32Array.of(0, 0, 0, 0, 5, 4),
      decayedHalfLifeDays: 7,
      recentWindowDays: 30,
    },
    countries: [],
    shopperCountry: Int32Array.of(-1, -1),
    trendingByCountry: { ptr: Int32Array.of(0), items: new Int32Array(0), scores: new Float32Array(0) },
    categories: [],
    itemCategory: new Int32Array(N).fill(-1),
    fbt: { ...lists(none), lift: new Float32Array(0), together: new Int32Array(0) },
  };
  return new ServingModel(a, 'v', 1, 0);
}

function setupFor(model: ServingModel, k = 3) {
  const rows: ServingProduct[] = model.a.itemIds.map((id) => ({
    id,
    externalId: id,
    title: { en: id },
    priceMinor: 100,
    currency: 'EUR',
    stock: 5,
    categoryPath: [],
    brand: null,
    attributes: {},
    publishedAt: null,
    createdAt: new Date(0),
    imageUrl: null,
  }));
  const input: SourceInput = {
    model,
    catalog: alignCatalog(rows, model.a.itemIds),
    shopper: 0,
    country: null,
    cart: [],
    now: NOW,
    k,
    bestSellers: [],
    recent: [],
    content: null,
    explain: true,
  };
  return { input, scenario: 'for_you' as const, rules: DEFAULT_RULES, k };
}

describe('counterfactual lists (issue 8)', () => {
  it('lists the shopper’s history, purchases newest first', () => {
    expect(recentHistory(setupFor(handModel()).input)).toEqual([
      { item: 1, lastPurchaseAt: 90 * DAY },
      { item: 0, lastPurchaseAt: null },
    ]);
  });

  it('removing the only seed of a collaborative item takes that item out of the list', () => {
    const model = handModel();
    const setup = setupFor(model);
    const live = rankedList(setup);
    expect(live).toContain(2);
    const { changes } = counterfactuals(setup, recentHistory(setup.input));
    const without0 = changes.find((c) => c.removed.item === 0)!;
    expect(without0.list).not.toContain(2);
    expect(without0.left).toEqual([{ item: 2, position: live.indexOf(2) + 1 }]);
    expect(without0.entered.length).toBe(1);
    // Item 3 hangs on item 1 only: it stays when item 0 goes, and goes when item 1 does.
    expect(without0.list).toContain(3);
    expect(changes.find((c) => c.removed.item === 1)!.left.map((l) => l.item)).toEqual([3]);
  });

  it('never changes the shared model', () => {
    const model = handModel();
    const before = forYou(model, { shopper: 0, now: NOW, k: 5 });
    counterfactuals(setupFor(model), recentHistory(setupFor(model).input));
    expect(forYou(model, { shopper: 0, now: NOW, k: 5 })).toEqual(before);
    expect(Array.from(model.a.history.items)).toEqual([0, 1]);
  });

  it('diffs two lists by position', () => {
    expect(diffLists([1, 2, 3], [1, 3, 4])).toEqual({
      left: [{ item: 2, position: 2 }],
      entered: [{ item: 4, position: 3 }],
    });
  });
});
