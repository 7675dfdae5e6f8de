import { type ValidationOptions, validationNdcg, validationSplit } from '../eval/validation';
import type { Split } from '../eval/split';
import type { Dataset, Ranked, RecommendQuery, Recommender } from '../types';

/** One configuration to try: a label for reports ("λ=200") and a factory of unfitted models. */
export interface TuningCandidate {
  label: string;
  make: () => Recommender;
}

/** What the validation window said, for reports and the model's metrics row. */
export interface TuningReport {
  chosen: string;
  /** Validation NDCG@10 per candidate label (empty when there was nothing to validate on). */
  scores: Record<string, number>;
}

/**
 * A model whose hyperparameters are chosen on a validation window before `asOf` (never on the
 * data it will be judged on): every candidate is fitted on the time before the window, the best
 * NDCG@10 on the window wins, and that configuration is refitted up to `asOf`. A blend that has its
 * own validation window calls `select` with it, so the components are tuned on the same window
 * and not fitted twice.
 */
export class TunedRecommender implements Recommender {
  readonly name: string;
  private model: Recommender;
  private choice: TuningCandidate;
  /** The `asOf` the current choice was made for (its window ends there). */
  private selectedFor = Number.NaN;
  report: TuningReport;

  constructor(
    name: string,
    private readonly candidates: readonly TuningCandidate[],
    private readonly validation: ValidationOptions = {},
  ) {
    if (candidates.length === 0) throw new RangeError(`${name}: no candidate to tune`);
    this.name = name;
    this.choice = candidates[0]!;
    this.model = this.choice.make();
    this.report = { chosen: this.choice.label, scores: {} };
  }

  /**
   * Fits every candidate before `split.cutoff`, keeps the best on the split (left fitted there, so
   * a blend can learn on top of it) and remembers that the choice holds for `asOf`. Ties keep the
   * earlier candidate, so list the default first.
   */
  async select(train: Dataset, split: Split, asOf: number): Promise<void> {
    this.selectedFor = asOf;
    if (this.candidates.length === 1 || split.testShoppers.length === 0) {
      this.choice = this.candidates[0]!;
      this.model = this.choice.make();
      await this.model.fit(train, { asOf: split.cutoff });
      this.report = { chosen: this.choice.label, scores: {} };
      return;
    }
    const scores: Record<string, number> = {};
    let best = Number.NEGATIVE_INFINITY;
    for (const candidate of this.candidates) {
      const model = candidate.make();
      await model.fit(train, { asOf: split.cutoff });
      const ndcg = validationNdcg(model, split);
      scores[candidate.label] = ndcg;
      // Only the best fitted model is kept alive: EASE candidates are n² floats each.
      if (ndcg > best) {
        best = ndcg;
        this.choice = candidate;
        this.model = model;
      }
    }
    this.report = { chosen: this.choice.label, scores };
  }

  /** Tunes on the window before `asOf` unless `select` already did, then fits the choice up to `asOf`. */
  async fit(train: Dataset, { asOf }: { asOf: number }): Promise<void> {
    if (this.selectedFor !== asOf && this.candidates.length > 1) {
      await this.select(train, validationSplit(train, asOf, this.validation), asOf);
    }
    this.model = this.choice.make();
    await this.model.fit(train, { asOf });
  }

  recommend(q: RecommendQuery): Ranked {
    return this.model.recommend(q);
  }

  /** The fitted model of the chosen configuration (for explanations and similar-items calls). */
  get inner(): Recommender {
    return this.model;
  }
}
