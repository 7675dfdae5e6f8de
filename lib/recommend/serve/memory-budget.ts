/**
 * One byte budget for the serving caches of every tenant in this process. The caches that keep
 * per-shopper or per-product work (similarity rows, history parts, kept cuts) live as long as
 * their tenant's model or catalog; with a budget each, a server with many tenants would multiply
 * them. Each cache takes a share: what it holds counts against the process-wide limit, and comes
 * back when the cache clears itself or is garbage-collected (its model or catalog replaced).
 */

export class MemoryBudget {
  used = 0;
  private readonly collected = new FinalizationRegistry<BudgetShare>((share) => {
    this.used -= share.bytes;
  });

  constructor(readonly limitBytes: number) {}

  /** A share for `owner`'s cache; its bytes are released when `owner` is collected. */
  share(owner: object): BudgetShare {
    const share = new BudgetShare(this);
    this.collected.register(owner, share);
    return share;
  }
}

export class BudgetShare {
  bytes = 0;

  constructor(private readonly budget: MemoryBudget) {}

  /** Counts `bytes` more when they fit the process-wide limit; false (nothing counted) otherwise. */
  take(bytes: number): boolean {
    if (this.budget.used + bytes > this.budget.limitBytes) return false;
    this.budget.used += bytes;
    this.bytes += bytes;
    return true;
  }

  /**
   * Room for `bytes` more in a cache that starts over when full: within `cap` (the cache's own
   * limit) and the process-wide limit, else the cache is cleared (`clear`), its share given back,
   * and the bytes asked once more. False when even the emptied cache finds no room (other caches
   * hold the process's budget): the caller answers without keeping.
   */
  admit(bytes: number, cap: number, clear: () => void): boolean {
    if (this.bytes + bytes <= cap && this.take(bytes)) return true;
    clear();
    this.releaseAll();
    return this.take(bytes);
  }

  /** Gives back everything this share holds (its cache was cleared). */
  releaseAll(): void {
    this.budget.used -= this.bytes;
    this.bytes = 0;
  }
}

const g = globalThis as unknown as { __tailorServingBudget?: MemoryBudget };
/** The process's budget for the recommendation serving caches: 512 MiB across all tenants. */
g.__tailorServingBudget ??= new MemoryBudget(512 * 1024 * 1024);
export const servingCacheBudget: MemoryBudget = g.__tailorServingBudget;
