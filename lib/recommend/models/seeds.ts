import type { SparseAccumulator } from '../matrix/accumulator';
import type { CsrMatrix } from '../matrix/csr';
import type { RecommendQuery } from '../types';

/**
 * The items a query starts from, with weights: the shopper's history (their row of the weighted
 * matrix) plus the context (the item on screen and the cart). Shared by the item-to-item models
 * (kNN, EASE, content) so "for you", "similar items" and a personalised mix all use one rule.
 * `contextWeight` is on the scale of the matrix cells (a purchase is log1p(5) ≈ 1.8 by default), so
 * the default of 2 makes the item on screen count about as much as one purchase.
 */
export function collectSeeds(
  q: RecommendQuery,
  byShopper: CsrMatrix | null,
  out: SparseAccumulator,
  contextWeight = 2,
): void {
  out.reset();
  if (byShopper && q.shopper !== undefined && q.shopper >= 0 && q.shopper < byShopper.nRows) {
    for (let k = byShopper.indptr[q.shopper]!; k < byShopper.indptr[q.shopper + 1]!; k++) {
      out.add(byShopper.indices[k]!, byShopper.values[k]!);
    }
  }
  if (q.item !== undefined && q.item >= 0 && q.item < out.size) out.add(q.item, contextWeight);
  if (q.cart) {
    for (const item of q.cart) if (item >= 0 && item < out.size) out.add(item, contextWeight);
  }
}
