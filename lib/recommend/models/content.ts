import { dotRow, TopK } from '@/lib/embeddings/top-k';
import { SparseAccumulator } from '../matrix/accumulator';
import type { CsrMatrix } from '../matrix/csr';
import { buildInteractionMatrix, type InteractionWeighting } from '../matrix/interaction-matrix';
import { EMPTY_RANKED, toRanked } from '../matrix/rank';
import type { Dataset, Ranked, RecommendQuery, Recommender } from '../types';
import { collectSeeds } from './seeds';

export interface ContentOptions extends InteractionWeighting {
  name?: string;
  /** Unit-length product vectors by item index; a missing one makes the item neither seed nor candidate. */
  vectors: ReadonlyArray<Float32Array | null | undefined>;
  /** Weight of the context item / cart items next to the shopper's history (default 2). */
  contextWeight?: number;
}

/**
 * Content-based recommendations from product embeddings. A shopper's interest is the weighted mean
 * of the vectors of what they interacted with (kind weights × recency decay, half-life 30 days by
 * default), and every item with a vector is scored by its dot product with it — so a product added
 * today, with no interaction yet, is recommendable at once.
 */
export class ContentModel implements Recommender {
  readonly name: string;
  private readonly source: ReadonlyArray<Float32Array | null | undefined>;
  private readonly contextWeight: number;
  private readonly weighting: InteractionWeighting;
  private dims = 0;
  /** Row-major nItems × dims; rows of items without a vector are zero. */
  private matrix: Float32Array = new Float32Array(0);
  private hasVector: Uint8Array = new Uint8Array(0);
  private byShopper: CsrMatrix | null = null;
  private seeds = new SparseAccumulator(0);
  private interest: Float32Array = new Float32Array(0);

  constructor(opts: ContentOptions) {
    this.name = opts.name ?? 'content';
    this.source = opts.vectors;
    this.contextWeight = opts.contextWeight ?? 2;
    this.weighting = {
      kindWeights: opts.kindWeights,
      halfLifeDays: opts.halfLifeDays ?? 30,
      repeat: opts.repeat,
    };
  }

  fit(train: Dataset, { asOf }: { asOf: number }): void {
    const nItems = train.itemIds.length;
    this.dims = this.source.find((v) => v && v.length > 0)?.length ?? 0;
    this.matrix = new Float32Array(nItems * this.dims);
    this.hasVector = new Uint8Array(nItems);
    for (let i = 0; i < nItems; i++) {
      const v = this.source[i];
      if (!v || v.length !== this.dims) continue;
      this.matrix.set(v, i * this.dims);
      this.hasVector[i] = 1;
    }
    this.byShopper = buildInteractionMatrix(train, asOf, this.weighting).byShopper;
    this.seeds = new SparseAccumulator(nItems);
    this.interest = new Float32Array(this.dims);
  }

  /** Items by cosine to the query's interest vector; empty when no seed item has a vector. */
  recommend(q: RecommendQuery): Ranked {
    if (!this.buildInterest(q)) return EMPTY_RANKED;
    const top = new TopK(q.k);
    for (let i = 0; i < this.hasVector.length; i++) {
      if (this.hasVector[i] === 0) continue;
      const s = dotRow(this.matrix, i, this.interest, this.dims);
      if (s > top.threshold && !q.exclude?.has(i)) top.push(i, s);
    }
    return toRanked(top);
  }

  /** Cosine of two items' vectors (0 when either has none). */
  similarity(a: number, b: number): number {
    if (this.hasVector[a] !== 1 || this.hasVector[b] !== 1) return 0;
    let s = 0;
    const oa = a * this.dims;
    const ob = b * this.dims;
    for (let d = 0; d < this.dims; d++) s += this.matrix[oa + d]! * this.matrix[ob + d]!;
    return s;
  }

  /** Whether `item` has a vector (cold items without one cannot be placed by this model). */
  covers(item: number): boolean {
    return this.hasVector[item] === 1;
  }

  /** Writes the normalised weighted mean of the seed vectors into `this.interest`; false when there is none. */
  private buildInterest(q: RecommendQuery): boolean {
    if (this.dims === 0) return false;
    collectSeeds(q, this.byShopper, this.seeds, this.contextWeight);
    const interest = this.interest;
    interest.fill(0);
    let any = false;
    for (let t = 0; t < this.seeds.count; t++) {
      const item = this.seeds.touched[t]!;
      if (this.hasVector[item] !== 1) continue;
      any = true;
      const w = this.seeds.values[item]!;
      const o = item * this.dims;
      for (let d = 0; d < this.dims; d++) interest[d]! += w * this.matrix[o + d]!;
    }
    if (!any) return false;
    // Dividing by Σw would not change the ranking; normalising makes scores cosines in [−1, 1].
    let norm = 0;
    for (let d = 0; d < this.dims; d++) norm += interest[d]! * interest[d]!;
    if (norm === 0) return false;
    const inv = 1 / Math.sqrt(norm);
    for (let d = 0; d < this.dims; d++) interest[d]! *= inv;
    return true;
  }
}
