import { TopK } from '@/lib/embeddings/top-k';
import { SparseAccumulator } from '../matrix/accumulator';
import { type CsrMatrix, transposeCsr } from '../matrix/csr';
import { buildInteractionMatrix, type InteractionWeighting } from '../matrix/interaction-matrix';
import { appendRanked, EMPTY_RANKED, excludingRanked, toRanked } from '../matrix/rank';
import { invertSpdInPlace } from '../matrix/spd-inverse';
import type { Dataset, Ranked, RecommendQuery, Recommender } from '../types';
import { collectSeeds } from './seeds';

export interface EaseOptions extends InteractionWeighting {
  name?: string;
  /** L2 regularisation λ added to the Gram diagonal (default 200). */
  lambda?: number;
  /** Only the most interacted items enter the dense model (default 3,000): training is O(n³). */
  maxItems?: number;
  /** Weight of the context item / cart items next to the shopper's history (default 1). */
  contextWeight?: number;
  /** Scores the items outside the kept set, and shoppers with none of them in their history. */
  fallback?: Recommender;
}

/**
 * EASE (Steck 2019): a closed-form item-item linear model. B = I − P·diag(1/diag(P)) with
 * P = (XᵀX + λI)⁻¹, then scores = x_u·B. The default matrix is binary (as in the paper); pass
 * `repeat`/`kindWeights` for a weighted one. Memory: n² Float64 twice while training, n² Float32 kept.
 */
export class EaseModel implements Recommender {
  readonly name: string;
  private readonly lambda: number;
  private readonly maxItems: number;
  private readonly contextWeight: number;
  private readonly fallback: Recommender | undefined;
  private readonly weighting: InteractionWeighting;
  /** Item → column of B, or −1 for items left out. */
  private columnOf: Int32Array = new Int32Array(0);
  /** Column → item. */
  private itemOf: Int32Array = new Int32Array(0);
  /** B, row-major over columns, zero diagonal. */
  private weights: Float32Array = new Float32Array(0);
  private byShopper: CsrMatrix | null = null;
  private seeds = new SparseAccumulator(0);
  /** Per-request scratch, one slot per kept column. */
  private scores: Float64Array = new Float64Array(0);

  constructor(opts: EaseOptions = {}) {
    this.name = opts.name ?? 'ease';
    this.lambda = opts.lambda ?? 200;
    this.maxItems = opts.maxItems ?? 3000;
    this.contextWeight = opts.contextWeight ?? 1;
    this.fallback = opts.fallback;
    this.weighting = {
      kindWeights: opts.kindWeights,
      halfLifeDays: opts.halfLifeDays,
      repeat: opts.repeat ?? 'binary',
    };
  }

  async fit(train: Dataset, { asOf }: { asOf: number }): Promise<void> {
    const full = buildInteractionMatrix(train, asOf, this.weighting);
    this.itemOf = topItemsByShoppers(full.byItem, this.maxItems);
    const n = this.itemOf.length;
    this.columnOf = new Int32Array(train.itemIds.length).fill(-1);
    for (let c = 0; c < n; c++) this.columnOf[this.itemOf[c]!] = c;
    const x = buildInteractionMatrix(train, asOf, {
      ...this.weighting,
      columnOf: this.columnOf,
      nCols: n,
    }).byShopper;
    this.weights = easeWeights(gramMatrix(x), n, this.lambda);
    this.byShopper = full.byShopper;
    this.seeds = new SparseAccumulator(train.itemIds.length);
    this.scores = new Float64Array(n);
    await this.fallback?.fit(train, { asOf });
  }

  /** x·B over the kept items; the fallback fills what EASE cannot score. */
  recommend(q: RecommendQuery): Ranked {
    const n = this.itemOf.length;
    if (n === 0) return this.fallback?.recommend(q) ?? EMPTY_RANKED;
    collectSeeds(q, this.byShopper, this.seeds, this.contextWeight);
    // Accumulate in column space: contiguous rows of B, no per-item indirection in the hot loop.
    const scores = this.scores;
    scores.fill(0);
    let seeded = 0;
    const b = this.weights;
    for (let t = 0; t < this.seeds.count; t++) {
      const item = this.seeds.touched[t]!;
      const c = this.columnOf[item]!;
      if (c < 0) continue;
      seeded++;
      const w = this.seeds.values[item]!;
      const row = c * n;
      for (let j = 0; j < n; j++) scores[j]! += w * b[row + j]!;
    }
    if (seeded === 0) return this.fallback?.recommend(q) ?? EMPTY_RANKED;
    const top = new TopK(q.k);
    const exclude = q.exclude;
    for (let c = 0; c < n; c++) {
      const s = scores[c]!;
      if (s <= top.threshold) continue;
      const item = this.itemOf[c]!;
      if (!exclude?.has(item)) top.push(item, s);
    }
    const ranked = toRanked(top);
    return ranked.items.length < q.k && this.fallback
      ? this.fillFromFallback(ranked, q, this.fallback)
      : ranked;
  }

  /** Appends fallback picks below the last EASE score (only when the kept set ran out). */
  private fillFromFallback(ranked: Ranked, q: RecommendQuery, fallback: Recommender): Ranked {
    const extra = fallback.recommend({
      ...q,
      k: q.k - ranked.items.length,
      exclude: excludingRanked(q.exclude, ranked),
    });
    const floor = ranked.scores.length ? ranked.scores[ranked.scores.length - 1]! : 0;
    return appendRanked(ranked, extra, (rank) => floor - 1 - rank);
  }
}

/** The (at most) `max` items with the most distinct shoppers, ties by lower index, in item order. */
export function topItemsByShoppers(byItem: CsrMatrix, max: number): Int32Array {
  const counted: number[] = [];
  for (let i = 0; i < byItem.nRows; i++) if (byItem.indptr[i + 1]! > byItem.indptr[i]!) counted.push(i);
  const length = (i: number) => byItem.indptr[i + 1]! - byItem.indptr[i]!;
  counted.sort((a, b) => length(b) - length(a) || a - b);
  return Int32Array.from(counted.slice(0, Math.max(0, max))).sort();
}

/**
 * XᵀX as a dense n×n Float64Array (both triangles): O(Σ_u deg(u)²). Built row by row of G from the
 * item-major transpose, so every write lands in the one row being filled (cache-resident) instead
 * of scattering across the whole n² matrix, which made this step slower than the inverse.
 */
export function gramMatrix(x: CsrMatrix, xt: CsrMatrix = transposeCsr(x)): Float64Array {
  const n = x.nCols;
  const g = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    const row = a * n;
    for (let p = xt.indptr[a]!; p < xt.indptr[a + 1]!; p++) {
      const u = xt.indices[p]!;
      const va = xt.values[p]!;
      // Shopper rows are sorted by column: stop at the diagonal, mirror below.
      for (let q = x.indptr[u]!; q < x.indptr[u + 1]!; q++) {
        const b = x.indices[q]!;
        if (b > a) break;
        g[row + b]! += va * x.values[q]!;
      }
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) g[j * n + i] = g[i * n + j]!;
  return g;
}

/**
 * The EASE weight matrix from a Gram matrix G (consumed: it becomes P):
 * P = (G + λI)⁻¹, B[i][j] = −P[i][j] / P[j][j], B[i][i] = 0. Row-major Float32.
 * @throws Error when G + λI is not positive definite (λ ≤ 0 on a singular G).
 */
export function easeWeights(gram: Float64Array, n: number, lambda: number): Float32Array {
  for (let i = 0; i < n; i++) gram[i * n + i]! += lambda;
  invertSpdInPlace(gram, n);
  const invDiag = new Float64Array(n);
  for (let j = 0; j < n; j++) invDiag[j] = 1 / gram[j * n + j]!;
  const b = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) b[row + j] = i === j ? 0 : -gram[row + j]! * invDiag[j]!;
  }
  return b;
}
