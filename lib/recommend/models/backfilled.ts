import { appendRanked, excludingRanked } from '../matrix/rank';
import type { Dataset, Ranked, RecommendQuery, Recommender } from '../types';

/**
 * A model whose short lists are completed by another: "buy-again + popularity" is the shopper's
 * own repeat candidates first, then the most popular items they are not already shown. Backfilled
 * items score below every primary item, so the list stays sorted whatever the two scales are.
 */
export class BackfilledRecommender implements Recommender {
  constructor(
    readonly name: string,
    readonly primary: Recommender,
    readonly fill: Recommender,
  ) {}

  async fit(train: Dataset, opts: { asOf: number }): Promise<void> {
    await this.primary.fit(train, opts);
    await this.fill.fit(train, opts);
  }

  recommend(q: RecommendQuery): Ranked {
    const head = this.primary.recommend(q);
    if (head.items.length >= q.k) return head;
    const tail = this.fill.recommend({
      ...q,
      k: q.k - head.items.length,
      exclude: excludingRanked(q.exclude, head),
    });
    const floor = head.scores.length ? Math.min(0, head.scores[head.scores.length - 1]!) : 0;
    return appendRanked(head, tail, (rank) => floor - 1 - rank);
  }
}
