/**
 * Per live model, the history part of a known shopper's item-kNN and EASE scores (the sum of the
 * neighbour rows of everything they interacted with before the cutoff), kept after its first
 * request. That part depends on the model alone, and summing it was most of a personalized
 * request's time (history length × row length additions); a request now restores it (O(touched))
 * and adds only its own context (item on screen, cart, visit's views).
 *
 * Restoring replays the stored (item, value) pairs into the accumulator in their original touched
 * order, so the ranking and its ties are exactly those of the full sum. Memory is bounded: past
 * `maxEntries` scores the parts start over (a storefront's active shoppers refill it at once).
 */
import type { SparseAccumulator } from '../matrix/accumulator';
import type { RowLists } from '../train/model-artefact';
import { type BudgetShare, type MemoryBudget, servingCacheBudget } from './memory-budget';

/** Stored entries (item, score pairs) across all shoppers of one model, of ENTRY_BYTES each. */
const MAX_ENTRIES = 4_000_000;
const ENTRY_BYTES = 12;

/** One shopper's summed history rows: the touched items in first-touch order and their sums. */
export class HistoryPart {
  constructor(
    readonly items: Int32Array,
    readonly values: Float64Array,
  ) {}

  /** Resets `acc` and puts this part back in it, in the original touched order. */
  restoreInto(acc: SparseAccumulator): void {
    acc.assign(this.items, this.values);
  }
}

export class HistoryParts {
  private readonly byLists = new Map<RowLists, Map<number, HistoryPart>>();
  private readonly share: BudgetShare;

  constructor(
    private readonly maxEntries = MAX_ENTRIES,
    budget: MemoryBudget = servingCacheBudget,
  ) {
    // Also within the process-wide serving budget: one of these lives per tenant's model.
    this.share = budget.share(this);
  }

  get(lists: RowLists, shopper: number): HistoryPart | undefined {
    return this.byLists.get(lists)?.get(shopper);
  }

  /** Stores the accumulator's current content as `shopper`'s part of `lists`. */
  set(lists: RowLists, shopper: number, acc: SparseAccumulator): void {
    const n = acc.count;
    if (!this.share.admit(ENTRY_BYTES * n, ENTRY_BYTES * this.maxEntries, () => this.byLists.clear())) return;
    const items = acc.touched.slice(0, n);
    const values = new Float64Array(n);
    for (let t = 0; t < n; t++) values[t] = acc.values[items[t]!]!;
    let parts = this.byLists.get(lists);
    if (!parts) {
      parts = new Map();
      this.byLists.set(lists, parts);
    }
    parts.set(shopper, new HistoryPart(items, values));
  }
}
