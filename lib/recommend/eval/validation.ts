/**
 * The validation window every tuned model learns from: the last `days` before a model's `asOf`,
 * carved out of its own training data and split exactly as the offline evaluation splits test data
 * (same test shoppers, truth, candidates and protocol). Tuning on this window and reporting on the
 * test window keeps the test period untouched by every choice a model makes.
 */
import { Rng } from '@/db/seed/random';
import { countBefore, DAY_MS } from '@/lib/recommend/matrix/interaction-matrix';
import type { Dataset, InteractionKind, RecommendQuery, Recommender } from '@/lib/recommend/types';
import { recommendLists } from './evaluate';
import { itemStats, scoreLists } from './metrics';
import { datasetPrefix, type Protocol, type Split, splitAt } from './split';

export interface ValidationOptions {
  /** Length of the window before `asOf`, in days (default 28: about the length of a test month). */
  days?: number;
  /** The protocol the model will be judged by: under 'new-items' known items leave truth and lists. */
  protocol?: Protocol;
  /** Kinds that make truth; default purchases, or every kind when the window holds no purchase. */
  truthKinds?: readonly InteractionKind[];
}

/**
 * The split at `asOf − days` of the interactions before `asOf`: train = before the window, test =
 * the window. Its `testShoppers` is empty when the window or the time before it holds nothing.
 */
export function validationSplit(train: Dataset, asOf: number, opts: ValidationOptions = {}): Split {
  const prefix = datasetPrefix(train, countBefore(train, asOf));
  const cutoff = asOf - (opts.days ?? 28) * DAY_MS;
  const protocol = opts.protocol ?? 'all';
  const split = splitAt(prefix, { cutoff, protocol, truthKinds: opts.truthKinds ?? ['purchase'] });
  // A store that sends only views or carts still deserves tuning: fall back to every kind.
  if (split.testShoppers.length > 0 || opts.truthKinds) return split;
  return splitAt(prefix, { cutoff, protocol, truthKinds: ['view', 'cart', 'purchase'] });
}

/** Mean NDCG@k (k ≤ 20) of a model fitted before `split.cutoff`, on the split's shoppers; 0 when none. */
export function validationNdcg(model: Recommender, split: Split, k = 10): number {
  const n = split.testShoppers.length;
  if (n === 0) return 0;
  const lists = recommendLists(model, split, k);
  const stats = itemStats(split.popularity, split.candidate, split.trainShoppers);
  const { values } = scoreLists(lists, k, split.truth, stats);
  let sum = 0;
  for (const v of values.ndcg10) sum += v;
  return sum / n;
}

/**
 * Up to `max` of the split's shoppers (a seeded sample) as queries at the split's cutoff, each
 * excluding what the evaluation would exclude (non-candidates; known items under 'new-items'),
 * with their truth sets: the training data of learned blends.
 */
export function validationQueries(
  split: Split,
  max: number,
  seed = 1,
  k = 10,
): { queries: RecommendQuery[]; truth: Set<number>[] } {
  const rows = sampleRows(split.testShoppers.length, max, seed);
  const nonCandidates: number[] = [];
  split.candidate.forEach((c, j) => {
    if (!c) nonCandidates.push(j);
  });
  const queries: RecommendQuery[] = [];
  const truth: Set<number>[] = [];
  for (const t of rows) {
    const exclude = new Set(nonCandidates);
    if (split.protocol === 'new-items') {
      for (let p = split.known.offsets[t]!; p < split.known.offsets[t + 1]!; p++)
        exclude.add(split.known.items[p]!);
    }
    queries.push({ shopper: split.testShoppers[t]!, now: split.cutoff, k, exclude });
    truth.push(new Set(split.truth.items.subarray(split.truth.offsets[t]!, split.truth.offsets[t + 1]!)));
  }
  return { queries, truth };
}

/** `max` of 0..n−1, ascending: all of them when n ≤ max, else a seeded Fisher–Yates prefix. */
function sampleRows(n: number, max: number, seed: number): number[] {
  const rows = Array.from({ length: n }, (_, t) => t);
  if (n <= max) return rows;
  const rng = new Rng(seed);
  for (let i = 0; i < max; i++) {
    const j = i + Math.floor(rng.next() * (n - i));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  return rows.slice(0, max).sort((a, b) => a - b);
}
