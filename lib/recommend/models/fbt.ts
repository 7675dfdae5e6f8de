import { TopK } from '@/lib/embeddings/top-k';
import { SparseAccumulator } from '../matrix/accumulator';
import { type CsrMatrix, csrFromTriplets, groupOrder, transposeCsr } from '../matrix/csr';
import { countBefore } from '../matrix/interaction-matrix';
import { EMPTY_RANKED, rankCandidates } from '../matrix/rank';
import { type Dataset, KIND_CODE, type Ranked, type RecommendQuery, type Recommender } from '../types';

export interface FbtOptions {
  name?: string;
  /** Purchases by one shopper in the same window form one basket (default 60 s: one order). */
  basketWindowMs?: number;
  /** Baskets a pair must share to count (default 2). */
  minSupport?: number;
  /** Pairs must be bought together more often than chance (default lift > 1). */
  minLift?: number;
  /** Ranking of partners: P(b | a) or lift (default confidence: lift alone favours rare items). */
  rankBy?: 'confidence' | 'lift';
  /** Partners kept per item (default 50). */
  maxPartners?: number;
  /** Larger baskets (wholesale orders) are skipped: they pair everything with everything (default 200). */
  maxBasketSize?: number;
}

/** Support, confidence and lift of "b with a", for the explanation. */
export interface PairStats {
  /** Baskets holding both. */
  together: number;
  /** P(b | a) = together / baskets with a. */
  confidence: number;
  /** P(a, b) / (P(a)·P(b)). */
  lift: number;
}

/**
 * Frequently bought together. The Dataset has no order id, so a basket is one shopper's purchases
 * in the same `basketWindowMs` bucket. Pair counts are computed per item with a sparse accumulator
 * over item → baskets → items (never a dense item×item matrix); each item keeps its best partners.
 */
export class FbtModel implements Recommender {
  readonly name: string;
  private readonly opts: Required<Omit<FbtOptions, 'name'>>;
  private partnerPtr: Int32Array = new Int32Array(1);
  private partnerItem: Int32Array = new Int32Array(0);
  private partnerScore: Float32Array = new Float32Array(0);
  private partnerTogether: Int32Array = new Int32Array(0);
  private basketsWith: Int32Array = new Int32Array(0);
  private nBaskets = 0;
  private scores = new SparseAccumulator(0);

  constructor(opts: FbtOptions = {}) {
    this.name = opts.name ?? 'fbt';
    this.opts = {
      basketWindowMs: opts.basketWindowMs ?? 60_000,
      minSupport: opts.minSupport ?? 2,
      minLift: opts.minLift ?? 1,
      rankBy: opts.rankBy ?? 'confidence',
      maxPartners: opts.maxPartners ?? 50,
      maxBasketSize: opts.maxBasketSize ?? 200,
    };
  }

  fit(train: Dataset, { asOf }: { asOf: number }): void {
    const nItems = train.itemIds.length;
    const baskets = this.buildBaskets(train, asOf);
    const byItem = transposeCsr(baskets);
    this.nBaskets = 0;
    for (let r = 0; r < baskets.nRows; r++) if (baskets.indptr[r + 1]! > baskets.indptr[r]!) this.nBaskets++;
    this.basketsWith = new Int32Array(nItems);
    for (let i = 0; i < nItems; i++) this.basketsWith[i] = byItem.indptr[i + 1]! - byItem.indptr[i]!;

    const k = this.opts.maxPartners;
    const ptr = new Int32Array(nItems + 1);
    const partners = new Int32Array(nItems * k);
    const scores = new Float32Array(nItems * k);
    const together = new Int32Array(nItems * k);
    const counts = new SparseAccumulator(nItems);
    for (let a = 0; a < nItems; a++) {
      counts.reset();
      for (let p = byItem.indptr[a]!; p < byItem.indptr[a + 1]!; p++) {
        const basket = byItem.indices[p]!;
        for (let q = baskets.indptr[basket]!; q < baskets.indptr[basket + 1]!; q++) {
          const b = baskets.indices[q]!;
          if (b !== a) counts.add(b, 1);
        }
      }
      const top = new TopK(k);
      for (let t = 0; t < counts.count; t++) {
        const b = counts.touched[t]!;
        const n = counts.values[b]!;
        if (n < this.opts.minSupport) continue;
        const stats = this.statsFor(a, b, n);
        if (stats.lift <= this.opts.minLift) continue;
        top.push(b, this.opts.rankBy === 'lift' ? stats.lift : stats.confidence);
      }
      let at = ptr[a]!;
      for (const { row, score } of top.sorted()) {
        partners[at] = row;
        scores[at] = score;
        together[at++] = counts.values[row]!;
      }
      ptr[a + 1] = at;
    }
    this.partnerPtr = ptr;
    this.partnerItem = partners.slice(0, ptr[nItems]!);
    this.partnerScore = scores.slice(0, ptr[nItems]!);
    this.partnerTogether = together.slice(0, ptr[nItems]!);
    this.scores = new SparseAccumulator(nItems);
  }

  /**
   * Partners of the context: the item on screen and the cart (summed confidence, or lift), minus
   * the context itself. Without a context there is nothing "together" to say: empty.
   */
  recommend(q: RecommendQuery): Ranked {
    const acc = this.scores;
    if (acc.size === 0) return EMPTY_RANKED;
    acc.reset();
    const addPartners = (a: number) => {
      if (a < 0 || a >= acc.size) return;
      for (let p = this.partnerPtr[a]!; p < this.partnerPtr[a + 1]!; p++)
        acc.add(this.partnerItem[p]!, this.partnerScore[p]!);
    };
    if (q.item !== undefined) addPartners(q.item);
    if (q.cart) for (const a of q.cart) addPartners(a);
    if (acc.count === 0) return EMPTY_RANKED;
    const exclude = { has: (i: number) => i === q.item || q.cart?.includes(i) || q.exclude?.has(i) || false };
    return rankCandidates(acc.touched, acc.count, acc.values, q.k, { exclude, minScore: 0 });
  }

  /** Support, confidence and lift of `b` given `a` (null when the pair was not kept). */
  pairStats(a: number, b: number): PairStats | null {
    if (a < 0 || a >= this.partnerPtr.length - 1) return null;
    for (let p = this.partnerPtr[a]!; p < this.partnerPtr[a + 1]!; p++) {
      if (this.partnerItem[p] === b) return this.statsFor(a, b, this.partnerTogether[p]!);
    }
    return null;
  }

  private statsFor(a: number, b: number, together: number): PairStats {
    const na = this.basketsWith[a]!;
    const nb = this.basketsWith[b]!;
    return { together, confidence: together / na, lift: (together * this.nBaskets) / (na * nb) };
  }

  /** Basket × item incidence (0/1): purchases grouped by shopper, then by time bucket. */
  private buildBaskets(train: Dataset, asOf: number): CsrMatrix {
    const end = countBefore(train, asOf);
    const purchases: number[] = [];
    for (let e = 0; e < end; e++) if (train.kind[e] === KIND_CODE.purchase) purchases.push(e);
    const events = Int32Array.from(purchases);
    const order = groupOrder(
      events.map((e) => train.shopper[e]!),
      train.shopperIds.length,
    );
    const basketOf = new Int32Array(events.length);
    let nBaskets = 0;
    let lastShopper = -1;
    let lastBucket = Number.NaN;
    for (const t of order) {
      const e = events[t]!;
      const bucket = Math.floor(train.time[e]! / this.opts.basketWindowMs);
      if (train.shopper[e] !== lastShopper || bucket !== lastBucket) nBaskets++;
      lastShopper = train.shopper[e]!;
      lastBucket = bucket;
      basketOf[t] = nBaskets - 1;
    }
    const items = events.map((e) => train.item[e]!);
    const incidence = csrFromTriplets(
      nBaskets,
      train.itemIds.length,
      basketOf,
      items,
      new Float32Array(events.length).fill(1),
    );
    return dropLargeBaskets(incidence, this.opts.maxBasketSize);
  }
}

/** Empties baskets with more than `max` distinct items (then they count nowhere, not even as baskets). */
function dropLargeBaskets(m: CsrMatrix, max: number): CsrMatrix {
  const indptr = new Int32Array(m.nRows + 1);
  const keep: number[] = [];
  for (let r = 0; r < m.nRows; r++) {
    const from = m.indptr[r]!;
    const to = m.indptr[r + 1]!;
    if (to - from <= max) for (let p = from; p < to; p++) keep.push(p);
    indptr[r + 1] = keep.length;
  }
  const indices = Int32Array.from(keep, (p) => m.indices[p]!);
  const values = new Float32Array(indices.length).fill(1);
  return { nRows: m.nRows, nCols: m.nCols, indptr, indices, values };
}
