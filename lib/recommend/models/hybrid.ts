import { TopK } from '@/lib/embeddings/top-k';
import type { Protocol } from '../eval/split';
import { validationQueries, validationSplit } from '../eval/validation';
import { toRanked } from '../matrix/rank';
import type { Dataset, InteractionKind, Ranked, RecommendQuery, Recommender } from '../types';
import {
  BASE_PRIORS,
  CandidateBuilder,
  featureNames,
  HybridPriors,
  type PriorOptions,
  REPEAT_PRIORS,
  type ScoreNormalization,
} from './hybrid-features';
import { type LearnedWeights, type LearnOptions, fitWeights } from './hybrid-weights';
import { TunedRecommender } from './tuned';

export interface HybridOptions extends LearnOptions, PriorOptions {
  name?: string;
  /** Component models; include a popularity model and (when vectors exist) a content model for cold starts. */
  components: Recommender[];
  /** Names of the components that answer cold shoppers (default: names containing "popular" or "content"). */
  coldComponents?: string[];
  /** Length of the validation period before `asOf` the weights are learned on (default 28 days). */
  validationDays?: number;
  /**
   * The rule the lists will be judged by, applied to the validation period: under 'new-items' the
   * items a shopper already bought are excluded from the validation lists and truth, as the caller
   * will exclude them at serving time (default 'all'). Only what is excluded changes, not the model.
   */
  protocol?: Protocol;
  /** Kinds that make validation truth (default purchases, every kind when there are none). */
  truthKinds?: readonly InteractionKind[];
  /** Validation shoppers sampled (seeded) to bound training time (default 1,000). */
  maxValidationShoppers?: number;
  /** Candidates taken from each component (default 200). */
  perComponent?: number;
  normalization?: ScoreNormalization;
  /** Refit the components on all data up to `asOf` once the weights are learned (default true). */
  refit?: boolean;
}

/**
 * The learned blend. `fit` trains the components up to `asOf − validationDays` (tuned components
 * pick their configuration on the validation period there), learns one weight per feature
 * (component scores, popularity, bought-before, optionally purchase count and recency) on the
 * shoppers of the validation period, split as the offline evaluation splits (same truth, same
 * exclusions under `protocol`), then refits the components up to `asOf`. Cold shoppers (no history and no
 * context) are answered by the cold components alone; cold items reach the list through the
 * content component's candidates.
 */
export class HybridRecommender implements Recommender {
  readonly name: string;
  private readonly opts: HybridOptions;
  private learned: LearnedWeights;
  private builder: CandidateBuilder | null = null;
  private priors: HybridPriors | null = null;
  private readonly coldMask: Float64Array;
  private readonly hasColdComponents: boolean;

  constructor(opts: HybridOptions) {
    this.name = opts.name ?? 'hybrid';
    this.opts = opts;
    const names = featureNames(
      opts.components,
      opts.repeatFeatures ? [...BASE_PRIORS, ...REPEAT_PRIORS] : BASE_PRIORS,
    );
    this.learned = { features: names, weights: new Float64Array(names.length).fill(1), ndcg: Number.NaN };
    const cold =
      opts.coldComponents ?? opts.components.map((c) => c.name).filter((n) => /popular|content/.test(n));
    this.coldMask = Float64Array.from(names, (n, i) =>
      i < opts.components.length && cold.includes(n) ? 1 : 0,
    );
    this.hasColdComponents = this.coldMask.some((w) => w > 0);
  }

  /** The blended models, in feature order. */
  get components(): readonly Recommender[] {
    return this.opts.components;
  }

  /** The weights in use, by feature name, and the validation NDCG@10 they reached. */
  get weights(): LearnedWeights {
    return this.learned;
  }

  /**
   * Splits off the validation period (as the offline evaluation splits, under `protocol`), fits the
   * components before it (tuned components choose their configuration on it), learns the weights on
   * a sample of its shoppers, then refits the components up to `asOf`.
   */
  async fit(train: Dataset, { asOf }: { asOf: number }): Promise<void> {
    const split = validationSplit(train, asOf, {
      days: this.opts.validationDays ?? 28,
      protocol: this.opts.protocol ?? 'all',
      truthKinds: this.opts.truthKinds,
    });
    for (const component of this.opts.components) {
      if (component instanceof TunedRecommender) await component.select(train, split, asOf);
      else await component.fit(train, { asOf: split.cutoff });
    }
    this.prepareBlend(train, split.cutoff);
    const { queries, truth } = validationQueries(
      split,
      this.opts.maxValidationShoppers ?? 1000,
      this.opts.seed ?? 1,
    );
    if (queries.length > 0) {
      this.learned = fitWeights(this.opts.components, queries, truth, {
        ...this.opts,
        priors: this.priors ?? undefined,
      });
    }
    if (this.opts.refit ?? true) {
      for (const component of this.opts.components) await component.fit(train, { asOf });
      this.prepareBlend(train, asOf);
    }
  }

  recommend(q: RecommendQuery): Ranked {
    const builder = this.builder;
    if (!builder) return { items: new Int32Array(0), scores: new Float32Array(0) };
    const cold =
      !this.priors?.isKnown(q.shopper) && q.item === undefined && !q.cart?.length && !q.session?.length;
    // Without cold components the learned blend is still better than an arbitrary order.
    const w = cold && this.hasColdComponents ? this.coldMask : this.learned.weights;
    const n = builder.build(q);
    const nf = builder.nFeatures;
    const top = new TopK(q.k);
    for (let r = 0; r < n; r++) {
      let s = 0;
      for (let f = 0; f < nf; f++) s += w[f]! * builder.features[r * nf + f]!;
      const item = builder.items[r]!;
      if (s > top.threshold && !q.exclude?.has(item)) top.push(item, s);
    }
    return toRanked(top);
  }

  /** Priors and candidate buffers for components fitted up to `asOf`. */
  private prepareBlend(train: Dataset, asOf: number): void {
    this.priors = new HybridPriors(train, asOf, this.opts);
    this.builder = new CandidateBuilder(
      this.opts.components,
      this.priors,
      this.opts.perComponent ?? 200,
      this.opts.normalization ?? 'minmax',
    );
  }
}
