/**
 * Measures recommendation fairness on a held-out period (issue 8), pure over a Dataset: train the
 * model strictly before the cutoff, ask it for a pool of candidates per test shopper through the
 * offline evaluation harness (a recording wrapper keeps the scores), re-rank each pool with the
 * mitigation, and compare the two sets of lists — exposure by group, popularity bias, NDCG@10 per
 * segment — always next to the unmitigated baseline. Used by the report job and the bench.
 */
import { EmptySplitError, recommendLists } from '@/lib/recommend/eval/evaluate';
import { itemStats, scoreLists } from '@/lib/recommend/eval/metrics';
import { splitAt } from '@/lib/recommend/eval/split';
import type { Dataset, Recommender } from '@/lib/recommend/types';
import type { RecommendationMitigation } from '@/db/schema/fairness';
import { gini, groupShares, itemExposure, longTail, lorenz, shareOf } from '../exposure';
import {
  ageGroups,
  brandGroups,
  categoryGroups,
  type ItemGrouping,
  priceTiers,
  smallBrandItems,
} from '../groups';
import { appendProtected } from '../inject';
import { miscalibration, type RerankFacts, rerank } from '../rerank';
import {
  histories,
  mean,
  members,
  mitigationRow,
  Recording,
  seedSimilarity,
  segmentRows,
  slotShare,
} from './measure-support';
import type {
  GroupDimension,
  MitigationRow,
  PopularityFigures,
  RecommendationFairnessReport,
} from './report';

/** Product facts indexed like `dataset.itemIds` (NaN / −1 / null where unknown). */
export interface ItemFacts {
  brandId: Int32Array;
  brandNames: readonly string[];
  priceMinor: Float64Array;
  publishedAt: Float64Array;
  /** Full category path id: the unit of the calibration's category mix. */
  categoryId: Int32Array;
  topCategory: readonly (string | null)[];
}

export interface MeasureOptions {
  cutoff: number;
  mitigation: RecommendationMitigation;
  proposal: boolean;
  /** Unfitted; fitted here on the interactions before the cutoff. */
  model: Recommender;
  /** Slots shown (default 10) and candidates re-ranked per list (default 3 × depth). */
  depth?: number;
  pool?: number;
  /** Product vectors by item (as the hybrid gets them): relevance of the protected items added. */
  vectors?: ReadonlyArray<Float32Array | null> | null;
  onStep?: (step: 'training' | 'recommending' | 'measuring') => void;
}

/**
 * The report (without `durationMs` filled by the caller's clock: it is measured here too).
 * @throws EmptySplitError when the cutoff leaves no training data or no test shopper.
 */
export async function measureRecommendationFairness(
  dataset: Dataset,
  facts: ItemFacts,
  opts: MeasureOptions,
): Promise<RecommendationFairnessReport> {
  const started = Date.now();
  const depth = opts.depth ?? 10;
  const poolSize = Math.max(depth, opts.pool ?? 3 * depth);
  const split = splitAt(dataset, { cutoff: opts.cutoff, protocol: 'all' });
  if (split.train.time.length === 0) throw new EmptySplitError('train');
  if (split.testShoppers.length === 0) throw new EmptySplitError('test');
  opts.onStep?.('training');
  const model = new Recording(opts.model);
  await model.fit(split.train, { asOf: opts.cutoff });
  opts.onStep?.('recommending');
  const pools = recommendLists(model, split, poolSize);
  opts.onStep?.('measuring');

  const nItems = dataset.itemIds.length;
  const n = split.testShoppers.length;
  const catalog = split.candidate;
  const { trainPurchases, testPurchases, profiles, returning, seeds } = histories(
    dataset,
    split.testShoppers,
    opts.cutoff,
    facts,
  );
  const age = ageGroups(facts.publishedAt, opts.cutoff, opts.mitigation.newItemDays, catalog);
  const small = smallBrandItems(facts.brandId, trainPurchases, catalog);
  const rerankFacts: RerankFacts = {
    isNew: (j) => age.isNew[j] === 1,
    isSmallBrand: (j) => small[j] === 1,
    category: (j) => facts.categoryId[j] ?? -1,
  };
  // Protected items the model did not propose are added, as in serving (../inject.ts).
  const groupsOn = [
    { floor: opts.mitigation.newItemFloor, items: members(age.isNew) },
    { floor: opts.mitigation.smallBrandFloor, items: members(small) },
  ];
  const purchases = (j: number) => trainPurchases[j] ?? 0;
  const ranking = {
    category: rerankFacts.category,
    purchases,
    publishedAt: (j: number) => facts.publishedAt[j]!,
    now: opts.cutoff,
  };

  const before = new Int32Array(n * depth).fill(-1);
  const after = new Int32Array(n * depth).fill(-1);
  const kl = { before: 0, after: 0, shoppers: 0 };
  for (let t = 0; t < n; t++) {
    const ranked = model.ranked.get(split.testShoppers[t]!);
    const score = new Map<number, number>();
    if (ranked) for (let x = 0; x < ranked.items.length; x++) score.set(ranked.items[x]!, ranked.scores[x]!);
    const row = Array.from(pools.subarray(t * poolSize, (t + 1) * poolSize)).filter((j) => j >= 0);
    const candidates = appendProtected(
      row.map((item, r) => ({ item, score: score.get(item) ?? 1 / (r + 1) })),
      groupsOn,
      depth,
      { ...ranking, profile: profiles[t], similarity: seedSimilarity(opts.vectors, seeds[t]!) },
    );
    before.set(row.slice(0, depth), t * depth);
    const slots = rerank(candidates, rerankFacts, { k: depth, ...opts.mitigation, profile: profiles[t] });
    slots.forEach((s, r) => {
      after[t * depth + r] = candidates[s.index]!.item;
    });
    const p = profiles[t]!;
    if (p.size > 0) {
      kl.shoppers++;
      kl.before += miscalibration(p, row.slice(0, depth).map(rerankFacts.category));
      kl.after += miscalibration(
        p,
        slots.map((s) => rerankFacts.category(candidates[s.index]!.item)),
      );
    }
  }

  const stats = itemStats(split.popularity, catalog, split.trainShoppers);
  const scores = {
    before: scoreLists(before, depth, split.truth, stats),
    after: scoreLists(after, depth, split.truth, stats),
  };
  const exposure = {
    before: itemExposure(before, depth, depth, nItems),
    after: itemExposure(after, depth, depth, nItems),
  };
  const groupings: [GroupDimension, ItemGrouping][] = [
    ['age', age],
    ['brand', brandGroups(facts.brandId, facts.brandNames, trainPurchases, catalog, small)],
    ['price', priceTiers(facts.priceMinor, catalog)],
    ['category', categoryGroups(facts.topCategory, catalog)],
  ];
  const groups = groupings
    .filter(([, g]) => g.labels.length > 0)
    .map(([dimension, g]) => {
      const afterShares = groupShares(g.groupOf, g.labels, catalog, testPurchases, exposure.after);
      return {
        dimension,
        rows: groupShares(g.groupOf, g.labels, catalog, testPurchases, exposure.before).map((row, x) => ({
          ...row,
          exposureShareAfter: afterShares[x]!.exposureShare,
        })),
      };
    })
    .filter((g) => g.rows.some((r) => r.items > 0));
  const popularity = (e: Float64Array): PopularityFigures => {
    const tail = longTail(e, trainPurchases, catalog);
    return {
      gini: gini(e, catalog),
      longTailCoverage: tail.coverage,
      longTailExposure: tail.exposureShare,
      lorenz: lorenz(e, catalog),
    };
  };
  const pop = { before: popularity(exposure.before), after: popularity(exposure.after) };

  const segments = segmentRows(
    Array.from(split.testShoppers, (s) => dataset.shopperCountry?.[s] ?? null),
    returning,
    scores.before.values.ndcg10,
    scores.after.values.ndcg10,
  );

  const row = mitigationRow;
  const table: MitigationRow[] = [
    row('ndcg10', 'accuracy', mean(scores.before.values.ndcg10), mean(scores.after.values.ndcg10)),
    row('recall10', 'accuracy', mean(scores.before.values.recall10), mean(scores.after.values.recall10)),
    row(
      'newShare',
      'fairness',
      shareOf(exposure.before, age.isNew, catalog),
      shareOf(exposure.after, age.isNew, catalog),
    ),
    row('newSlotShare', 'fairness', slotShare(before, age.isNew), slotShare(after, age.isNew)),
    row(
      'smallBrandShare',
      'fairness',
      shareOf(exposure.before, small, catalog),
      shareOf(exposure.after, small, catalog),
    ),
    row('smallBrandSlotShare', 'fairness', slotShare(before, small), slotShare(after, small)),
    row('gini', 'fairness', pop.before.gini, pop.after.gini, false),
    row('longTailCoverage', 'fairness', pop.before.longTailCoverage, pop.after.longTailCoverage),
    row('longTailExposure', 'fairness', pop.before.longTailExposure, pop.after.longTailExposure),
    row(
      'miscalibration',
      'fairness',
      kl.shoppers ? kl.before / kl.shoppers : 0,
      kl.shoppers ? kl.after / kl.shoppers : 0,
      false,
    ),
  ];
  const count = (m: Uint8Array) => m.reduce((a, v, j) => a + (catalog[j] ? v : 0), 0);
  return {
    version: 1,
    cutoff: new Date(opts.cutoff).toISOString(),
    until: new Date(dataset.time[dataset.time.length - 1] ?? opts.cutoff).toISOString(),
    model: opts.model.name,
    depth,
    pool: poolSize,
    shoppers: n,
    items: split.candidateCount,
    testPurchases: testPurchases.reduce((a, b) => a + b, 0),
    mitigation: opts.mitigation,
    proposal: opts.proposal,
    groups,
    popularity: { ...pop, longTailItems: longTail(exposure.before, trainPurchases, catalog).items },
    segments,
    table,
    protectedCatalog: {
      newShare: split.candidateCount ? count(age.isNew) / split.candidateCount : 0,
      smallBrandShare: split.candidateCount ? count(small) / split.candidateCount : 0,
    },
    durationMs: Date.now() - started,
  };
}
