import { TopK } from '@/lib/embeddings/top-k';
import { SparseAccumulator } from '../matrix/accumulator';
import type { CsrMatrix } from '../matrix/csr';
import { buildInteractionMatrix, type InteractionWeighting } from '../matrix/interaction-matrix';
import { EMPTY_RANKED, rankCandidates } from '../matrix/rank';
import type { Dataset, Ranked, RecommendQuery, Recommender } from '../types';
import { collectSeeds } from './seeds';

export interface ItemKnnOptions extends InteractionWeighting {
  name?: string;
  /** Neighbours kept per item (default 100). */
  neighbours?: number;
  /** Shrinkage λ in dot / (|a||b| + λ): pulls similarities of rarely seen pairs towards 0 (default 10). */
  shrinkage?: number;
  /** Weight of the context item / cart items next to the shopper's history (default 2). */
  contextWeight?: number;
}

/**
 * Item-based collaborative filtering on implicit feedback. Training computes, per item, the sparse
 * co-occurrence row Σ_u x_ui·x_uj by walking item → shoppers → items (cost Σ_u deg(u)², never a
 * dense item×item matrix) and keeps the top neighbours by shrunk cosine. Serving sums the
 * neighbour lists of the seed items into a reused accumulator.
 */
export class ItemKnnModel implements Recommender {
  readonly name: string;
  private readonly k: number;
  private readonly shrinkage: number;
  private readonly contextWeight: number;
  private readonly weighting: InteractionWeighting;
  /** Neighbours of item i: `nbrItems/nbrSims[nbrPtr[i] .. nbrPtr[i+1])`, best first. */
  private nbrPtr: Int32Array = new Int32Array(1);
  private nbrItems: Int32Array = new Int32Array(0);
  private nbrSims: Float32Array = new Float32Array(0);
  private byShopper: CsrMatrix | null = null;
  private seeds = new SparseAccumulator(0);
  private scores = new SparseAccumulator(0);

  constructor(opts: ItemKnnOptions = {}) {
    this.name = opts.name ?? 'item-knn';
    this.k = opts.neighbours ?? 100;
    this.shrinkage = opts.shrinkage ?? 10;
    this.contextWeight = opts.contextWeight ?? 2;
    this.weighting = { kindWeights: opts.kindWeights, halfLifeDays: opts.halfLifeDays, repeat: opts.repeat };
  }

  fit(train: Dataset, { asOf }: { asOf: number }): void {
    const { byShopper, byItem } = buildInteractionMatrix(train, asOf, this.weighting);
    const nItems = train.itemIds.length;
    const norms = new Float64Array(nItems);
    for (let i = 0; i < nItems; i++) {
      let s = 0;
      for (let p = byItem.indptr[i]!; p < byItem.indptr[i + 1]!; p++) s += byItem.values[p]! ** 2;
      norms[i] = Math.sqrt(s);
    }
    const ptr = new Int32Array(nItems + 1);
    const items = new Int32Array(nItems * this.k);
    const sims = new Float32Array(nItems * this.k);
    const dots = new SparseAccumulator(nItems);
    for (let i = 0; i < nItems; i++) {
      dots.reset();
      for (let p = byItem.indptr[i]!; p < byItem.indptr[i + 1]!; p++) {
        const u = byItem.indices[p]!;
        const xui = byItem.values[p]!;
        for (let q = byShopper.indptr[u]!; q < byShopper.indptr[u + 1]!; q++) {
          const j = byShopper.indices[q]!;
          if (j !== i) dots.add(j, xui * byShopper.values[q]!);
        }
      }
      const top = new TopK(this.k);
      for (let t = 0; t < dots.count; t++) {
        const j = dots.touched[t]!;
        top.push(j, dots.values[j]! / (norms[i]! * norms[j]! + this.shrinkage));
      }
      let at = ptr[i]!;
      for (const { row, score } of top.sorted()) {
        items[at] = row;
        sims[at++] = score;
      }
      ptr[i + 1] = at;
    }
    this.nbrPtr = ptr;
    this.nbrItems = items.slice(0, ptr[nItems]!);
    this.nbrSims = sims.slice(0, ptr[nItems]!);
    this.byShopper = byShopper;
    this.seeds = new SparseAccumulator(nItems);
    this.scores = new SparseAccumulator(nItems);
  }

  /** Σ over seed items (history weights, context items) of weight × sim; items with no signal are left out. */
  recommend(q: RecommendQuery): Ranked {
    if (this.seeds.size === 0) return EMPTY_RANKED;
    collectSeeds(q, this.byShopper, this.seeds, this.contextWeight);
    const scores = this.scores;
    scores.reset();
    for (let t = 0; t < this.seeds.count; t++) {
      const i = this.seeds.touched[t]!;
      const w = this.seeds.values[i]!;
      for (let p = this.nbrPtr[i]!; p < this.nbrPtr[i + 1]!; p++)
        scores.add(this.nbrItems[p]!, w * this.nbrSims[p]!);
    }
    return rankCandidates(scores.touched, scores.count, scores.values, q.k, {
      exclude: q.exclude,
      minScore: 0,
    });
  }

  /** The stored neighbours of `item`, best first (views into the model: do not mutate). */
  neighboursOf(item: number): Ranked {
    if (item < 0 || item >= this.nbrPtr.length - 1) return EMPTY_RANKED;
    const from = this.nbrPtr[item]!;
    const to = this.nbrPtr[item + 1]!;
    return { items: this.nbrItems.subarray(from, to), scores: this.nbrSims.subarray(from, to) };
  }

  /** "Similar items": the k nearest neighbours of `item`, minus `exclude`. */
  similarItems(item: number, k: number, exclude?: ReadonlySet<number>): Ranked {
    return this.recommend({ item, k, now: 0, exclude });
  }

  /** Shrunk cosine of a and b when b is among a's kept neighbours (or a among b's), else 0. */
  similarity(a: number, b: number): number {
    return Math.max(this.lookup(a, b), this.lookup(b, a));
  }

  private lookup(a: number, b: number): number {
    if (a < 0 || a >= this.nbrPtr.length - 1) return 0;
    for (let p = this.nbrPtr[a]!; p < this.nbrPtr[a + 1]!; p++)
      if (this.nbrItems[p] === b) return this.nbrSims[p]!;
    return 0;
  }
}
