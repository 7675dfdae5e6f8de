import { Rng } from '@/db/seed/random';
import type { Recommender, RecommendQuery } from '../types';
import {
  CandidateBuilder,
  featureNames,
  type HybridPriors,
  type ScoreNormalization,
} from './hybrid-features';

/** Validation candidates of many queries, flattened: query q owns rows start[q] .. start[q+1]. */
export interface LabeledCandidates {
  nFeatures: number;
  start: Int32Array;
  /** rows × nFeatures. */
  features: Float32Array;
  /** 1 when the row's item is in the query's truth. */
  relevant: Uint8Array;
  /** |truth| per query, including truth items no component proposed (they still count in the ideal DCG). */
  truthSize: Int32Array;
}

export interface LearnOptions {
  /** Cut-off of the NDCG being maximised (default 10). */
  k?: number;
  seed?: number;
  /** Random starting points tried after the default one (default 3). */
  restarts?: number;
  /** Coordinate-ascent sweeps per start (default 25). */
  rounds?: number;
  /** Starting weights (default 1 for every component feature, 0 for the priors). */
  initial?: Float64Array;
}

export interface LearnedWeights {
  features: string[];
  weights: Float64Array;
  /** Mean NDCG@k reached on the validation queries. */
  ndcg: number;
}

/**
 * Learns blend weights by coordinate ascent on mean NDCG@k (binary relevance, ideal DCG over
 * min(k, |truth|)). Each try changes one weight by ±step; the running scores are updated
 * incrementally (score + δ·feature), so one try costs one pass over the candidates, not one per
 * feature. The step halves when a sweep finds nothing better. Deterministic for a given seed.
 */
export function learnWeights(
  data: LabeledCandidates,
  opts: LearnOptions = {},
): { weights: Float64Array; ndcg: number } {
  const nf = data.nFeatures;
  const k = opts.k ?? 10;
  const rng = new Rng(opts.seed ?? 1);
  const starts: Float64Array[] = [opts.initial ?? defaultInitial(nf)];
  for (let r = 0; r < (opts.restarts ?? 3); r++)
    starts.push(Float64Array.from({ length: nf }, () => rng.next()));
  const evaluator = new NdcgEvaluator(data, k);
  let best: { weights: Float64Array; ndcg: number } = {
    weights: starts[0]!.slice(),
    ndcg: Number.NEGATIVE_INFINITY,
  };
  for (const start of starts) {
    const found = ascend(evaluator, start.slice(), opts.rounds ?? 25);
    if (found.ndcg > best.ndcg + 1e-12) best = found;
  }
  return best;
}

/**
 * The brief's entry point: fitted components, validation queries and their truth (distinct items
 * interacted with in the validation period) → learned weights, one per feature name.
 */
export function fitWeights(
  components: readonly Recommender[],
  queries: readonly RecommendQuery[],
  truth: ReadonlyArray<ReadonlySet<number>>,
  opts: LearnOptions & {
    priors?: HybridPriors;
    perComponent?: number;
    normalization?: ScoreNormalization;
  } = {},
): LearnedWeights {
  const builder = new CandidateBuilder(
    components,
    opts.priors ?? null,
    opts.perComponent,
    opts.normalization,
  );
  const data = labelCandidates(builder, queries, truth);
  const priors = builder.nFeatures - components.length;
  const { weights, ndcg } = learnWeights(data, {
    ...opts,
    initial: opts.initial ?? defaultInitial(data.nFeatures, priors),
  });
  return { features: featureNames(components, opts.priors?.names), weights, ndcg };
}

/** Runs the builder on every query and stacks candidates, features and relevance. */
export function labelCandidates(
  builder: CandidateBuilder,
  queries: readonly RecommendQuery[],
  truth: ReadonlyArray<ReadonlySet<number>>,
): LabeledCandidates {
  const nf = builder.nFeatures;
  const start = new Int32Array(queries.length + 1);
  const chunks: Float32Array[] = [];
  const labels: Uint8Array[] = [];
  const truthSize = new Int32Array(queries.length);
  queries.forEach((q, i) => {
    const n = builder.build(q);
    const relevant = truth[i] ?? new Set<number>();
    truthSize[i] = relevant.size;
    chunks.push(builder.features.slice(0, n * nf));
    labels.push(Uint8Array.from(builder.items.subarray(0, n), (item) => (relevant.has(item) ? 1 : 0)));
    start[i + 1] = start[i]! + n;
  });
  const features = new Float32Array(start[queries.length]! * nf);
  const relevant = new Uint8Array(start[queries.length]!);
  for (let i = 0; i < queries.length; i++) {
    features.set(chunks[i]!, start[i]! * nf);
    relevant.set(labels[i]!, start[i]!);
  }
  return { nFeatures: nf, start, features, relevant, truthSize };
}

/** Every component at 1, the trailing `priors` features at 0 (when there is a component left). */
function defaultInitial(nf: number, priors = 2): Float64Array {
  const w = new Float64Array(nf).fill(1);
  if (nf > priors) w.fill(0, nf - priors);
  return w;
}

function ascend(ev: NdcgEvaluator, w: Float64Array, rounds: number): { weights: Float64Array; ndcg: number } {
  ev.setWeights(w);
  let best = ev.score(-1, 0);
  let step = 1;
  for (let round = 0; round < rounds && step > 1 / 64; round++) {
    let improved = false;
    for (let f = 0; f < w.length; f++) {
      for (const delta of [step, -step]) {
        const value = ev.score(f, delta);
        if (value > best + 1e-9) {
          best = value;
          w[f]! += delta;
          ev.apply(f, delta);
          improved = true;
          break;
        }
      }
    }
    if (!improved) step /= 2;
  }
  return { weights: w, ndcg: best };
}

/** Mean NDCG@k of the running scores, optionally with one weight moved by δ (not applied). */
class NdcgEvaluator {
  private readonly scores: Float64Array;
  private readonly discount: Float64Array;
  private readonly topScore: Float64Array;
  private readonly topRel: Uint8Array;

  constructor(
    private readonly data: LabeledCandidates,
    private readonly k: number,
  ) {
    this.scores = new Float64Array(data.relevant.length);
    this.discount = Float64Array.from({ length: k }, (_, r) => 1 / Math.log2(r + 2));
    this.topScore = new Float64Array(k);
    this.topRel = new Uint8Array(k);
  }

  setWeights(w: Float64Array): void {
    const { features, nFeatures } = this.data;
    for (let r = 0; r < this.scores.length; r++) {
      let s = 0;
      for (let f = 0; f < nFeatures; f++) s += w[f]! * features[r * nFeatures + f]!;
      this.scores[r] = s;
    }
  }

  apply(f: number, delta: number): void {
    const { features, nFeatures } = this.data;
    for (let r = 0; r < this.scores.length; r++) this.scores[r]! += delta * features[r * nFeatures + f]!;
  }

  score(f: number, delta: number): number {
    const { start, features, nFeatures, relevant, truthSize } = this.data;
    const nQueries = truthSize.length;
    if (nQueries === 0) return 0;
    let total = 0;
    for (let q = 0; q < nQueries; q++) {
      const ideal = Math.min(this.k, truthSize[q]!);
      if (ideal === 0) continue;
      // Insertion into a k-slot list: first seen wins ties, like the serving path.
      let size = 0;
      for (let r = start[q]!; r < start[q + 1]!; r++) {
        const s = f < 0 ? this.scores[r]! : this.scores[r]! + delta * features[r * nFeatures + f]!;
        if (size === this.k && s <= this.topScore[size - 1]!) continue;
        let at = size < this.k ? size++ : size - 1;
        while (at > 0 && this.topScore[at - 1]! < s) {
          this.topScore[at] = this.topScore[at - 1]!;
          this.topRel[at] = this.topRel[at - 1]!;
          at--;
        }
        this.topScore[at] = s;
        this.topRel[at] = relevant[r]!;
      }
      let dcg = 0;
      for (let r = 0; r < size; r++) if (this.topRel[r]) dcg += this.discount[r]!;
      let idcg = 0;
      for (let r = 0; r < ideal; r++) idcg += this.discount[r]!;
      total += dcg / idcg;
    }
    return total / nQueries;
  }
}
