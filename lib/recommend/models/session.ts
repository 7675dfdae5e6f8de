import { TopK } from '@/lib/embeddings/top-k';
import { SparseAccumulator } from '../matrix/accumulator';
import { toRanked } from '../matrix/rank';
import type { Dataset, Ranked, RecommendQuery, Recommender } from '../types';

/** Where session similarity comes from: item-kNN (with neighbour lists) or content embeddings. */
export interface ItemSimilarity {
  /** Similarity of two items, 0 when unknown; roughly in [0, 1]. */
  similarity(a: number, b: number): number;
  /** The item's nearest neighbours, when the source keeps them: they become extra candidates. */
  neighboursOf?(item: number): Ranked;
}

export interface SessionOptions {
  name?: string;
  /** Session items considered, most recent first (default 5). */
  window?: number;
  /** Weight of each older session position relative to the next newer one (default 0.5). */
  decay?: number;
  /** Weight of the session term against the base score normalised to [0, 1] (default 1). */
  boost?: number;
  /** Base candidates fetched before re-ranking (default 100). */
  candidates?: number;
}

/**
 * Session-aware re-ranking: final = minmax(base) + boost × Σ_p decay^p · sim(item, session[−1−p]).
 * The base model is trained offline; the session term is computed per request from the current
 * visit, so one new view changes the list immediately. Neighbours of the session items join the
 * candidates, so an item the base model never proposed can still surface.
 */
export class SessionRecommender implements Recommender {
  readonly name: string;
  private readonly window: number;
  private readonly decay: number;
  private readonly boost: number;
  private readonly candidates: number;
  private acc = new SparseAccumulator(0);

  constructor(
    private readonly base: Recommender,
    private readonly source: ItemSimilarity,
    opts: SessionOptions = {},
  ) {
    this.name = opts.name ?? `${base.name}+session`;
    this.window = opts.window ?? 5;
    this.decay = opts.decay ?? 0.5;
    this.boost = opts.boost ?? 1;
    this.candidates = opts.candidates ?? 100;
  }

  /** Fits the base model, and the similarity source when it is a separate model. */
  async fit(train: Dataset, opts: { asOf: number }): Promise<void> {
    this.ensureCapacity(train.itemIds.length);
    await this.base.fit(train, opts);
    // A shared object (kNN as both base and similarity) is trained once.
    const source: object = this.source;
    if (source !== this.base && isRecommender(source)) await source.fit(train, opts);
  }

  recommend(q: RecommendQuery): Ranked {
    const base = this.base.recommend({ ...q, k: Math.max(q.k, this.candidates) });
    const session = q.session ?? [];
    if (session.length === 0) return truncate(base, q.k);
    const recent = Math.min(this.window, session.length);
    const neighbours: Ranked[] = [];
    for (let p = 0; p < recent && this.source.neighboursOf; p++) {
      neighbours.push(this.source.neighboursOf(session[session.length - 1 - p]!));
    }
    const acc = this.prepare(base, neighbours);
    addNormalised(acc, base);
    // The session's neighbours join as candidates with a base score of 0.
    for (const nbrs of neighbours) for (let n = 0; n < nbrs.items.length; n++) acc.add(nbrs.items[n]!, 0);
    const top = new TopK(q.k);
    for (let t = 0; t < acc.count; t++) {
      const item = acc.touched[t]!;
      if (item < 0 || q.exclude?.has(item)) continue;
      let bonus = 0;
      let weight = 1;
      for (let p = 0; p < recent; p++) {
        const s = session[session.length - 1 - p]!;
        if (s !== item) bonus += weight * this.source.similarity(s, item);
        weight *= this.decay;
      }
      top.push(item, acc.values[item]! + this.boost * bonus);
    }
    return toRanked(top);
  }

  /** The reset accumulator, grown when a model answers with items beyond what fit saw. */
  private prepare(base: Ranked, neighbours: Ranked[]): SparseAccumulator {
    let max = -1;
    for (const list of [base, ...neighbours]) for (const item of list.items) if (item > max) max = item;
    this.ensureCapacity(max + 1);
    this.acc.reset();
    return this.acc;
  }

  private ensureCapacity(size: number): void {
    if (this.acc.size < size) this.acc = new SparseAccumulator(Math.max(size, this.acc.size * 2));
  }
}

function isRecommender(value: object): value is Recommender {
  return typeof (value as Partial<Recommender>).fit === 'function';
}

/** Adds the base list min-max normalised to [0, 1] (all 1 when its scores are equal). */
function addNormalised(acc: SparseAccumulator, ranked: Ranked): void {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const s of ranked.scores) {
    if (s < min) min = s;
    if (s > max) max = s;
  }
  const span = max - min;
  for (let i = 0; i < ranked.items.length; i++) {
    acc.add(ranked.items[i]!, span > 0 ? (ranked.scores[i]! - min) / span : 1);
  }
}

function truncate(ranked: Ranked, k: number): Ranked {
  if (ranked.items.length <= k) return ranked;
  return { items: ranked.items.slice(0, k), scores: ranked.scores.slice(0, k) };
}
