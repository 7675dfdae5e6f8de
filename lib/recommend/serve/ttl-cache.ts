/**
 * A small keyed cache with a time-to-live and shared loads, for the per-request lookups of the
 * recommendation endpoint (placements, shoppers, no-model popularity): on a storefront the same
 * few keys repeat thousands of times a second, so one query per key per TTL is enough. Misses
 * (null) are cached too, or an unknown shopper would cost a query on every page view.
 */
interface Timed<V> {
  value: V;
  expiresAt: number;
}

export class TtlCache<V> {
  private readonly entries = new Map<string, Timed<V>>();
  private readonly pending = new Map<string, Promise<V>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 100_000,
  ) {}

  /** The cached value, or `load()`'s (concurrent callers of one key share it). Failures are not cached. */
  get(key: string, load: () => Promise<V>): V | Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > Date.now()) return hit.value;
    let p = this.pending.get(key);
    if (!p) {
      p = load().then((value) => {
        // Bounded: past the limit start over rather than track recency per hit.
        if (this.entries.size >= this.maxEntries) this.entries.clear();
        this.entries.set(key, { value, expiresAt: Date.now() + this.ttlMs });
        return value;
      });
      const settled = p.finally(() => this.pending.delete(key));
      settled.catch(() => undefined);
      this.pending.set(key, p);
    }
    return p;
  }

  /** Forgets every key starting with `prefix` (a tenant id followed by ':'). */
  forgetPrefix(prefix: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
