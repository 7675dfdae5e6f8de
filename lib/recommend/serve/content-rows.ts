/**
 * What the content component keeps per aligned vector set (serve/content.ts) so a warm request
 * scans no matrix. A content query is the cosine to a weighted mean of seed vectors, q = Σ w_s v_s,
 * and v_x · q = Σ w_s (v_s · v_x), so the query splits into parts that add up:
 * - cosine-similarity rows of single products (row i holds v_i · v_x for every catalog item x) for
 *   the visit's seeds (the product on screen, the cart, the latest views: product pages repeat
 *   across shoppers), computed in the background a few milliseconds at a time once a request
 *   asked for them, within a memory budget;
 * - per shopper and model version, the history part (serve/content.ts HistoryContent), built by
 *   one pass over the matrix on the shopper's first request.
 * A request then adds a few rows to the history part: catalog-sized additions instead of
 * catalog × dimensions multiplications.
 */
import type { ContentVectors, HistoryContent } from './content';
import { dotsByItem, rowVector } from './content-math';
import { type BudgetShare, type MemoryBudget, servingCacheBudget } from './memory-budget';

/**
 * Bytes of rows kept per vector set (64 MiB: every row of a 4,000-item catalog), and as much for
 * history parts; both also count against the process-wide serving budget (./memory-budget.ts).
 */
const ROW_BUDGET_BYTES = 64 * 1024 * 1024;
const HISTORY_BUDGET_BYTES = 64 * 1024 * 1024;
/** Background warming works this long per turn of the event loop, ms. */
const WARM_SLICE_MS = 4;

export class SimilarityRows {
  private readonly rows = new Map<number, Float32Array>();
  private readonly wanted = new Set<number>();
  private warming = false;
  private readonly rowBytes: number;
  private readonly histories = new Map<string, HistoryContent>();
  private readonly rowShare: BudgetShare;
  private readonly historyShare: BudgetShare;

  constructor(
    private readonly cv: ContentVectors,
    budget: MemoryBudget = servingCacheBudget,
  ) {
    this.rowBytes = cv.rowOfItem.length * 4;
    this.rowShare = budget.share(this);
    this.historyShare = budget.share(this);
  }

  /** How many rows are kept. */
  get size(): number {
    return this.rows.size;
  }

  /**
   * A shopper's history part (key: model version and shopper), built on first use. Past the
   * budget the kept parts start over (active shoppers rebuild them at once).
   */
  history(key: string, build: () => HistoryContent): HistoryContent {
    const kept = this.histories.get(key);
    if (kept) return kept;
    const built = build();
    const bytes = 16 * built.purchases.length + 4 * built.items.length;
    if (this.historyShare.admit(bytes, HISTORY_BUDGET_BYTES, () => this.histories.clear()))
      this.histories.set(key, built);
    return built;
  }

  /** How many history parts are kept. */
  get historyCount(): number {
    return this.histories.size;
  }

  /** The kept row of an item, if any. */
  get(item: number): Float32Array | undefined {
    return this.rows.get(item);
  }

  /** Whether another row fits this set's budget (the process-wide one is asked when it is kept). */
  get full(): boolean {
    return this.rowShare.bytes + this.rowBytes > ROW_BUDGET_BYTES;
  }

  /**
   * The rows of these catalog items (each with a vector) when all are kept, else null: the
   * missing ones are queued for the background and the caller scans this time.
   */
  rowsFor(items: readonly number[]): Float32Array[] | null {
    const out: Float32Array[] = [];
    let missing = false;
    for (const item of items) {
      const row = this.rows.get(item);
      if (row) out.push(row);
      else {
        missing = true;
        if (!this.full) this.wanted.add(item);
      }
    }
    if (!missing) return out;
    this.scheduleWarm();
    return null;
  }

  /** Computes and keeps the row now (tests, and the background warmer). */
  compute(item: number): Float32Array | null {
    const { cv } = this;
    const seedRow = cv.rowOfItem[item] ?? -1;
    if (seedRow < 0) return null;
    const kept = this.rows.get(item);
    if (kept) return kept;
    if (this.full || !this.rowShare.take(this.rowBytes)) return null;
    const row = dotsByItem(cv, rowVector(cv, seedRow), new Float32Array(cv.rowOfItem.length));
    this.rows.set(item, row);
    return row;
  }

  private scheduleWarm(): void {
    if (this.warming || this.wanted.size === 0) return;
    this.warming = true;
    setImmediate(() => this.warm());
  }

  private warm(): void {
    const until = performance.now() + WARM_SLICE_MS;
    for (const item of this.wanted) {
      this.wanted.delete(item);
      if (this.full) {
        this.wanted.clear();
        break;
      }
      this.compute(item);
      if (performance.now() >= until) break;
    }
    this.warming = false;
    this.scheduleWarm();
  }
}

const byVectors = new WeakMap<ContentVectors, SimilarityRows>();

/** The rows kept for this aligned vector set (one set per catalog and space version). */
export function similarityRowsOf(cv: ContentVectors): SimilarityRows {
  let rows = byVectors.get(cv);
  if (!rows) {
    rows = new SimilarityRows(cv);
    byVectors.set(cv, rows);
  }
  return rows;
}
